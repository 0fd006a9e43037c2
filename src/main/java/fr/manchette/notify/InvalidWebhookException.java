package fr.manchette.notify;

/** A webhook the service may not send to: its address is internal and internal addresses are not allowed. */
class InvalidWebhookException extends RuntimeException {

	InvalidWebhookException(String message) {
		super(message);
	}

}

package fr.manchette.fetch;

/** A body, as sent or once inflated, passed the cap. */
final class BodyTooLargeException extends RuntimeException {

	BodyTooLargeException(long maxBytes) {
		super("body is larger than " + maxBytes + " bytes");
	}

}

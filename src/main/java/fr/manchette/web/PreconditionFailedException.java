package fr.manchette.web;

/**
 * A GET whose {@code If-Match} or {@code If-Unmodified-Since} does not hold (RFC 9110 §13.2.2): answered with a 412
 * that says which, and with no bytes of the document.
 */
class PreconditionFailedException extends RuntimeException {

	PreconditionFailedException(String message) {
		super(message);
	}

}

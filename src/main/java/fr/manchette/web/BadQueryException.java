package fr.manchette.web;

/** A query parameter we cannot honour: answered with a 400 naming it. */
class BadQueryException extends RuntimeException {

	private final String parameter;

	BadQueryException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}

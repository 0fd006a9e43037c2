package fr.manchette.web;

/** A story id that names no stored story: answered with a 404. */
class UnknownStoryException extends RuntimeException {

	UnknownStoryException(String id) {
		super("no story with id \"" + id + "\"");
	}

}

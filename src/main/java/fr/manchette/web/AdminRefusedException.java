package fr.manchette.web;

import org.springframework.http.HttpStatus;

/** An admin request refused: admin actions off (403), or no token or a wrong one (401). */
class AdminRefusedException extends RuntimeException {

	private final HttpStatus status;

	AdminRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

}

package fr.manchette.store;

/**
 * The H2 file cannot be opened for a reason the operator can fix: its directory cannot be made or written, or another
 * process has the file open. Its message is one sentence for the operator.
 */
public final class UnusableH2FileException extends RuntimeException {

	UnusableH2FileException(String message) {
		super(message);
	}

}

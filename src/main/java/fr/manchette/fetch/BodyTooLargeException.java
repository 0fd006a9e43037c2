package fr.manchette.fetch;

/** A body, as sent or once inflated, passed the cap. */
final class BodyTooLargeException extends RuntimeException {

	private final long maxBytes;

	BodyTooLargeException(long maxBytes) {
		super(FetchDetail.TOO_LARGE.with(maxBytes));
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return this.maxBytes;
	}

}

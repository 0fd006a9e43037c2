package fr.manchette.parse;

/** A body that cannot be read as a feed, with the reason the operator will see. */
public class FeedParseException extends Exception {

	private final boolean notAFeed;

	private FeedParseException(String reason, boolean notAFeed, Throwable cause) {
		super(reason, cause);
		this.notAFeed = notAFeed;
	}

	static FeedParseException notAFeed(String reason) {
		return new FeedParseException(reason, true, null);
	}

	static FeedParseException malformed(String reason, Throwable cause) {
		return new FeedParseException(reason, false, cause);
	}

	/** True when the body is something else (an HTML page, nothing), false when it is a broken feed. */
	public boolean isNotAFeed() {
		return this.notAFeed;
	}

}

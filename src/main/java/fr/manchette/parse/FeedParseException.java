package fr.manchette.parse;

import org.jspecify.annotations.Nullable;

/** A body that cannot be read as a feed, with the reason the operator will see. */
public class FeedParseException extends Exception {

	private final boolean notAFeed;

	private FeedParseException(String reason, boolean notAFeed, @Nullable Throwable cause) {
		super(reason, cause);
		this.notAFeed = notAFeed;
	}

	static FeedParseException notAFeed(String reason) {
		return new FeedParseException(reason, true, null);
	}

	static FeedParseException malformed(String reason, @Nullable Throwable cause) {
		return new FeedParseException(reason, false, cause);
	}

	/** A page read with selectors that yields nothing: a {@code PARSE_ERROR}, so that it shows as a failing source. */
	static FeedParseException nothingMatched(String reason) {
		return new FeedParseException(reason, false, null);
	}

	/** True when the body is something else (an HTML page, nothing), false when it is a broken feed. */
	public boolean isNotAFeed() {
		return this.notAFeed;
	}

}

package fr.manchette.parse;

import org.jspecify.annotations.Nullable;

/** A body that cannot be read as a feed, with the reason the operator will see. */
public class FeedParseException extends Exception {

	private final ParseFailureKind kind;

	private FeedParseException(String reason, ParseFailureKind kind, @Nullable Throwable cause) {
		super(reason, cause);
		this.kind = kind;
	}

	static FeedParseException notAFeed(String reason) {
		return new FeedParseException(reason, ParseFailureKind.NOT_A_FEED, null);
	}

	static FeedParseException malformed(String reason, @Nullable Throwable cause) {
		return new FeedParseException(reason, ParseFailureKind.PARSE_ERROR, cause);
	}

	/** A page read with selectors that yields nothing: a {@code PARSE_ERROR}, so that it shows as a failing source. */
	static FeedParseException nothingMatched(String reason) {
		return new FeedParseException(reason, ParseFailureKind.PARSE_ERROR, null);
	}

	/** What the operator sees of it: not a feed, or a broken one. */
	public ParseFailureKind kind() {
		return this.kind;
	}

	/** True when the body is something else (an HTML page, nothing), false when it is a broken feed. */
	public boolean isNotAFeed() {
		return this.kind == ParseFailureKind.NOT_A_FEED;
	}

}

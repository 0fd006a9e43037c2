package fr.manchette.store;

import fr.manchette.fetch.FailureKind;
import fr.manchette.parse.ParseFailureKind;
import org.jspecify.annotations.Nullable;

/**
 * How the last poll of a source ended, from the scheduler to {@code /api/sources}. The name of each constant is what
 * {@code /api/sources} shows and what {@code source_status.last_outcome} keeps, to the letter. A failure is the kind
 * named by the stage where it arose: fetch's {@link FailureKind}, parse's {@link ParseFailureKind}, under the same
 * name; {@link #UNEXPECTED} also stands for whatever the pipeline itself could not foresee.
 */
public enum PollOutcome {

	/** A 200 whose body was read and stored, or a push from a hub. */
	OK,
	/** A 304: nothing changed since the validators we sent. */
	NOT_MODIFIED,
	/** The service stopped during the poll: nothing recorded, nothing held against the source. Never stored. */
	INTERRUPTED,
	/** Never polled yet (no outcome stored). */
	PENDING,
	/** See {@link FailureKind#TIMEOUT}. */
	TIMEOUT,
	/** See {@link FailureKind#NETWORK}. */
	NETWORK,
	/** See {@link FailureKind#HTTP_STATUS}. */
	HTTP_STATUS,
	/** See {@link FailureKind#GONE}: the source is not polled again until its url changes. */
	GONE,
	/** See {@link FailureKind#BLOCKED_ADDRESS}. */
	BLOCKED_ADDRESS,
	/** See {@link FailureKind#TOO_MANY_REDIRECTS}. */
	TOO_MANY_REDIRECTS,
	/** See {@link FailureKind#RATE_LIMITED}. */
	RATE_LIMITED,
	/** See {@link FailureKind#TOO_LARGE}. */
	TOO_LARGE,
	/** See {@link ParseFailureKind#NOT_A_FEED}. */
	NOT_A_FEED,
	/** See {@link ParseFailureKind#PARSE_ERROR}. */
	PARSE_ERROR,
	/** A bug of ours, in the fetch or anywhere on the way: logged with its stack trace. */
	UNEXPECTED;

	/** The outcome of a poll whose fetch failed. */
	public static PollOutcome of(FailureKind kind) {
		// A switch with no default: a kind added to fetch does not compile until it has its outcome here.
		return switch (kind) {
			case TIMEOUT -> TIMEOUT;
			case NETWORK -> NETWORK;
			case HTTP_STATUS -> HTTP_STATUS;
			case GONE -> GONE;
			case BLOCKED_ADDRESS -> BLOCKED_ADDRESS;
			case TOO_MANY_REDIRECTS -> TOO_MANY_REDIRECTS;
			case RATE_LIMITED -> RATE_LIMITED;
			case TOO_LARGE -> TOO_LARGE;
			case UNEXPECTED -> UNEXPECTED;
		};
	}

	/** The outcome of a poll whose body could not be read as a feed. */
	public static PollOutcome of(ParseFailureKind kind) {
		return switch (kind) {
			case NOT_A_FEED -> NOT_A_FEED;
			case PARSE_ERROR -> PARSE_ERROR;
		};
	}

	/** True for a failure; false for {@code OK}, {@code NOT_MODIFIED}, {@code INTERRUPTED} and {@code PENDING}. */
	public boolean failure() {
		return this != OK && this != NOT_MODIFIED && this != INTERRUPTED && this != PENDING;
	}

	/**
	 * The outcome a {@code last_outcome} column holds: {@code PENDING} for none, and {@code UNEXPECTED} for a name
	 * this version does not know (a newer instance sharing the database wrote it), rather than a source that cannot
	 * be read at all.
	 */
	static PollOutcome stored(@Nullable String name) {
		if (name == null) {
			return PENDING;
		}
		try {
			return valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return UNEXPECTED;
		}
	}

	/** What a {@code last_outcome} column keeps of it: nothing before the first poll. */
	@Nullable String storedName() {
		return (this == PENDING) ? null : name();
	}

}

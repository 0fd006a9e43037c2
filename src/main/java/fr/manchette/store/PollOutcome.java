package fr.manchette.store;

import fr.manchette.fetch.FailureKind;
import fr.manchette.parse.ParseFailureKind;
import org.jspecify.annotations.Nullable;

/**
 * How the last poll of a source ended, from the scheduler to {@code /api/sources}. The name of each constant is what
 * {@code /api/sources} shows and what {@code source_status.last_outcome} keeps, to the letter. A failure stands for the kind
 * named by the stage where it arose, fetch's {@link FailureKind} or parse's {@link ParseFailureKind}, under the same
 * name (a test holds them to it); {@link #UNEXPECTED} also stands for whatever the pipeline itself could not foresee.
 */
public enum PollOutcome {

	/** A 200 whose body was read and stored, or a push from a hub. */
	OK,
	/** A 304: nothing changed since the validators we sent. */
	NOT_MODIFIED,
	/**
	 * The service stopped during the poll, or the store could not take it (the database away, a table locked): nothing
	 * recorded, nothing held against the source. Never stored.
	 */
	INTERRUPTED,
	/** Never polled yet (no outcome stored). */
	PENDING,
	// The failures: each the kind of the stage where it arises, under its name.
	TIMEOUT(FailureKind.TIMEOUT), NETWORK(FailureKind.NETWORK), HTTP_STATUS(FailureKind.HTTP_STATUS),
	GONE(FailureKind.GONE), BLOCKED_ADDRESS(FailureKind.BLOCKED_ADDRESS),
	TOO_MANY_REDIRECTS(FailureKind.TOO_MANY_REDIRECTS), RATE_LIMITED(FailureKind.RATE_LIMITED),
	TOO_LARGE(FailureKind.TOO_LARGE),
	NOT_A_FEED(ParseFailureKind.NOT_A_FEED), PARSE_ERROR(ParseFailureKind.PARSE_ERROR),
	/** A bug of ours, in the fetch or anywhere on the way: logged with its stack trace. */
	UNEXPECTED(FailureKind.UNEXPECTED);

	/** The stage's failure kind it stands for; null for an outcome that is no failure. */
	private final @Nullable Enum<?> kind;

	PollOutcome() {
		this(null);
	}

	PollOutcome(@Nullable Enum<?> kind) {
		this.kind = kind;
	}

	/** The outcome of a poll whose fetch failed. */
	public static PollOutcome of(FailureKind kind) {
		return failure(kind);
	}

	/** The outcome of a poll whose body could not be read as a feed. */
	public static PollOutcome of(ParseFailureKind kind) {
		return failure(kind);
	}

	private static PollOutcome failure(Enum<?> kind) {
		for (PollOutcome outcome : values()) {
			if (outcome.kind == kind) {
				return outcome;
			}
		}
		throw new IllegalStateException("No outcome stands for " + kind);
	}

	/** True for a failure; false for {@code OK}, {@code NOT_MODIFIED}, {@code INTERRUPTED} and {@code PENDING}. */
	public boolean failure() {
		return this.kind != null;
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

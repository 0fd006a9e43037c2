package fr.manchette.store;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The health of one source, as its last polls left it.
 *
 * @param url the address in feeds.yml when it was last polled
 * @param lastOutcome how its last poll ended; {@code PENDING} before the first
 * @param consecutiveFailures failures since the last success
 * @param etag the validator to send next time
 * @param lastModified the date to send back next time
 * @param movedTo where the feed moved for good (301, 308): polled instead of {@code url} until feeds.yml changes
 * @param declaredInterval how often the feed says it changes, if it says
 * @param reading how feeds.yml had the body read when it was last polled ({@code Source.reading()}); null when not
 *     known (a row from before it was kept)
 */
public record SourceStatus(String sourceId, String url, @Nullable Instant lastAttemptAt,
		@Nullable Instant lastSuccessAt, PollOutcome lastOutcome, int consecutiveFailures,
		@Nullable String lastError, @Nullable String etag, @Nullable String lastModified,
		@Nullable Instant nextAttemptAt, @Nullable String movedTo, @Nullable Duration declaredInterval,
		@Nullable String reading) {

	/** A source never polled yet. */
	public static SourceStatus unknown(String sourceId, String url) {
		return new SourceStatus(sourceId, url, null, null, PollOutcome.PENDING, 0, null, null, null, null, null, null,
				null);
	}

	/**
	 * What a poll of {@code url}, read as {@code reading} says, starts from: this status, unless feeds.yml now names
	 * another url or has the body read otherwise (another {@code type}, other selectors), in which case nothing learnt
	 * before applies (outcome, failures, validators, moves, gone): a 304 to the old validators would say that the page
	 * did not change, not that what is now read from it did not.
	 */
	public SourceStatus forSource(String url, String reading) {
		if (url.equals(this.url) && reading.equals(this.reading)) {
			return this;
		}
		if (url.equals(this.url) && this.reading == null) {
			// Polled before readings were kept: taken as read this way, and kept so from now on.
			return new SourceStatus(this.sourceId, this.url, this.lastAttemptAt, this.lastSuccessAt, this.lastOutcome,
					this.consecutiveFailures, this.lastError, this.etag, this.lastModified, this.nextAttemptAt,
					this.movedTo, this.declaredInterval, reading);
		}
		return new SourceStatus(this.sourceId, url, this.lastAttemptAt, this.lastSuccessAt, PollOutcome.PENDING, 0, null, null, null,
				this.nextAttemptAt, null, null, reading);
	}

	/** A 200: the failures end, the new validators are kept. */
	public SourceStatus succeeded(Instant at, @Nullable String etag, @Nullable String lastModified, Instant next,
			@Nullable String movedTo, @Nullable Duration declaredInterval) {
		return new SourceStatus(this.sourceId, this.url, at, at, PollOutcome.OK, 0, null, etag, lastModified, next,
				(movedTo != null) ? movedTo : this.movedTo, declaredInterval, this.reading);
	}

	/**
	 * This success, of a body cut short (the connection ended before it did, or the document ends early): its whole
	 * items are stored, but its validators vouch for a body not received, so none is kept and the next poll asks for
	 * all of it.
	 * @param detail what was cut, for {@code /api/sources}
	 */
	public SourceStatus cutShort(String detail) {
		return new SourceStatus(this.sourceId, this.url, this.lastAttemptAt, this.lastSuccessAt, this.lastOutcome,
				this.consecutiveFailures, detail, null, null, this.nextAttemptAt, this.movedTo, this.declaredInterval,
				this.reading);
	}

	/** A 304: a success that changes nothing else. */
	public SourceStatus notModified(Instant at, Instant next) {
		return notModified(at, next, null, null);
	}

	/**
	 * A 304 that gave validators of its own: they replace ours (RFC 9111 §4.3.4), those it did not give stay.
	 */
	public SourceStatus notModified(Instant at, Instant next, @Nullable String etag, @Nullable String lastModified) {
		return new SourceStatus(this.sourceId, this.url, at, at, PollOutcome.NOT_MODIFIED, 0, null,
				(etag != null) ? etag : this.etag, (lastModified != null) ? lastModified : this.lastModified, next,
				this.movedTo, this.declaredInterval, this.reading);
	}

	/** A failure: counted, described, and the next attempt pushed back. Validators are kept for next time. */
	public SourceStatus failed(Instant at, PollOutcome outcome, String detail, @Nullable Instant next) {
		return new SourceStatus(this.sourceId, this.url, at, this.lastSuccessAt, outcome,
				this.consecutiveFailures + 1, detail, this.etag, this.lastModified, next, this.movedTo,
				this.declaredInterval, this.reading);
	}

	/** True once the feed answered 410 Gone at this url. */
	public boolean gone() {
		return this.lastOutcome == PollOutcome.GONE;
	}

}

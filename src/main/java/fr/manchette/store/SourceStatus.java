package fr.manchette.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The health of one source, as its last polls left it.
 *
 * @param url the address last polled
 * @param lastOutcome {@code OK}, {@code NOT_MODIFIED}, or the failure kind
 * @param consecutiveFailures failures since the last success
 * @param etag the validator to send next time
 * @param lastModified the date to send back next time
 */
public record SourceStatus(String sourceId, String url, @Nullable Instant lastAttemptAt,
		@Nullable Instant lastSuccessAt, @Nullable String lastOutcome, int consecutiveFailures,
		@Nullable String lastError, @Nullable String etag, @Nullable String lastModified,
		@Nullable Instant nextAttemptAt) {

	/** A source never polled yet. */
	public static SourceStatus unknown(String sourceId, String url) {
		return new SourceStatus(sourceId, url, null, null, null, 0, null, null, null, null);
	}

}

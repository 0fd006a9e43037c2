package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * When to poll a source next: its interval after a success; after failures, capped exponential backoff with
 * jitter, and never sooner than a {@code Retry-After} asked.
 */
final class PollTiming {

	static final Duration MAX_BACKOFF = Duration.ofHours(6);

	private PollTiming() {
	}

	static Instant afterSuccess(Instant now, Duration interval) {
		return now.plus(jitter(interval));
	}

	static Instant afterFailure(Instant now, Duration interval, int consecutiveFailures,
			@Nullable Duration retryAfter) {
		int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
		Duration backoff = interval.multipliedBy(1L << doublings);
		if (backoff.compareTo(MAX_BACKOFF) > 0) {
			backoff = MAX_BACKOFF;
		}
		Duration wait = jitter(backoff);
		if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
			wait = retryAfter.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : retryAfter;
		}
		return now.plus(wait);
	}

	/** Up to 10% more, so that sources started together drift apart instead of firing in step forever. */
	private static Duration jitter(Duration base) {
		long millis = base.toMillis();
		return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 10 + 1));
	}

}

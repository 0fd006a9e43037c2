package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import fr.manchette.config.Backoff;
import org.jspecify.annotations.Nullable;

/**
 * When to poll a source next: its interval after a success, lengthened (never shortened) by what the feed declares
 * it needs; after failures, capped exponential backoff with jitter, and never sooner than a {@code Retry-After} of up
 * to {@link #MAX_WAIT} (a longer one waits that long, or the backoff when that is longer).
 */
public final class PollTiming {

	/** Longest wait, whatever a failing source or a feed's {@code <ttl>} says: a source is never dropped. */
	static final Duration MAX_WAIT = Duration.ofHours(6);

	private PollTiming() {
	}

	/**
	 * The interval of a source that is not adaptive, and why: its interval of feeds.yml, or the feed's declared period
	 * when that is longer. A function of the file and the feed alone, so that an edit shows at once.
	 */
	public static InForce fixed(Duration configured, @Nullable Duration declared) {
		Duration interval = interval(configured, declared);
		return new InForce(interval, interval.equals(configured) ? IntervalReason.FIXED : IntervalReason.TTL);
	}

	/** An interval in force and why. */
	public record InForce(Duration interval, IntervalReason reason) {
	}

	/** The interval of feeds.yml, or the feed's declared period when that is longer. */
	static Duration interval(Duration configured, @Nullable Duration declared) {
		if (declared == null || declared.compareTo(configured) <= 0) {
			return configured;
		}
		return (declared.compareTo(MAX_WAIT) > 0) ? max(configured, MAX_WAIT) : declared;
	}

	static Instant afterSuccess(Instant now, Duration interval) {
		return now.plus(jitter(interval));
	}

	static Instant afterFailure(Instant now, Duration interval, int consecutiveFailures,
			@Nullable Duration retryAfter) {
		Duration wait = jitter(new Backoff(interval, max(interval, MAX_WAIT)).after(consecutiveFailures));
		if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
			// Capped, but never below the backoff: a source whose interval is longer than the cap waits its interval.
			wait = max(wait, min(retryAfter, MAX_WAIT));
		}
		return now.plus(wait);
	}

	/**
	 * Up to 10% more, so that sources started together drift apart instead of firing in step forever; but not past
	 * {@link #MAX_WAIT} when the base is within it: a feed's {@code <ttl>} of a day, or a source failing all day, is
	 * polled every 6 h, not every 6 h 36 min.
	 */
	private static Duration jitter(Duration base) {
		long millis = base.toMillis();
		Duration jittered = Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 10 + 1));
		return min(jittered, max(base, MAX_WAIT));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}

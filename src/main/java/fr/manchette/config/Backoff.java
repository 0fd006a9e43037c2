package fr.manchette.config;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How long to leave a remote alone after failures in a row: {@code first} after one, doubled after each one more,
 * at most {@code cap}. The one rule of every retry the service makes of its own: a source's polls, a webhook's
 * deliveries, a WebSub subscription, a ping of the hub.
 *
 * @param first the wait after the first failure
 * @param cap the longest wait, however many failures
 */
public record Backoff(Duration first, Duration cap) {

	public Backoff {
		Assert.isTrue(first.compareTo(Duration.ZERO) > 0, "the first wait must be positive, not " + first);
		Assert.isTrue(cap.compareTo(first) >= 0, "the longest wait (" + cap + ") must be at least the first (" + first
				+ ")");
	}

	/** The wait after this many failures in a row; {@code first} for one or none. */
	public Duration after(int failures) {
		int doublings = Math.max(failures - 1, 0);
		// Compared by division: first × 2^doublings is only computed once known to be at most the cap, so that no
		// count of failures overflows (a shift of 63 or more would wrap 2^doublings to a negative or to 1).
		if (doublings >= Long.SIZE - 1 || this.first.compareTo(this.cap.dividedBy(1L << doublings)) > 0) {
			return this.cap;
		}
		return this.first.multipliedBy(1L << doublings);
	}

}

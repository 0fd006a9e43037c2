package fr.manchette.websub;

import java.time.Duration;
import java.time.Instant;

import fr.manchette.store.WebSubSubscription;

/** When a failed or denied subscription is tried again: a minute, doubled at each failure, at most a day. */
final class Backoff {

	private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	private static final Duration LAST_RETRY = Duration.ofDays(1);

	private Backoff() {
	}

	/** The wait after this many failures in a row. */
	static Duration after(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 20);
		Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
		return (wait.compareTo(LAST_RETRY) > 0) ? LAST_RETRY : wait;
	}

	/** Backoff from the failures so far; while a lease runs, never later than its end, so that renewal goes on. */
	static Instant retryAt(WebSubSubscription subscription, Instant now) {
		Instant retryAt = now.plus(after(subscription.failures() + 1));
		Instant leaseEnd = subscription.leaseUntil();
		return (leaseEnd != null && leaseEnd.isAfter(now) && leaseEnd.isBefore(retryAt)) ? leaseEnd : retryAt;
	}

}

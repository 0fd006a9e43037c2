package fr.manchette.websub;

import java.time.Duration;
import java.time.Instant;

import fr.manchette.config.Backoff;
import fr.manchette.store.WebSubSubscription;

/** When a failed or denied subscription is tried again: a minute, doubled at each failure, at most a day. */
final class SubscriptionRetry {

	static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofDays(1));

	private SubscriptionRetry() {
	}

	/** Backoff from the failures so far; while a lease runs, never later than its end, so that renewal goes on. */
	static Instant retryAt(WebSubSubscription subscription, Instant now) {
		Instant retryAt = now.plus(BACKOFF.after(subscription.failures() + 1));
		Instant leaseEnd = subscription.leaseUntil();
		return (leaseEnd != null && leaseEnd.isAfter(now) && leaseEnd.isBefore(retryAt)) ? leaseEnd : retryAt;
	}

}

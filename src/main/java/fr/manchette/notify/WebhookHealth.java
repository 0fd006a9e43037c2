package fr.manchette.notify;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of {@code /api/webhooks}: a webhook and how its deliveries went.
 *
 * @param url where it posts to, without user, password, query or fragment
 * @param lastSuccess when a delivery last succeeded
 * @param lastFailure when an attempt last failed
 * @param lastError why it failed: an HTTP status, a timeout, a network error, a refused address
 * @param pending deliveries still to make, retries included
 * @param givenUp deliveries that failed every attempt
 */
public record WebhookHealth(String url, @Nullable Instant lastSuccess, @Nullable Instant lastFailure,
		@Nullable String lastError, long pending, long givenUp) {

}

package fr.manchette.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How one webhook fared.
 *
 * @param hook its id
 * @param pending deliveries still to make, retries included
 * @param givenUp deliveries that failed every attempt
 * @param lastSuccess when a delivery last succeeded
 * @param lastFailure when an attempt last failed
 * @param lastError why it failed
 */
public record WebhookRecord(String hook, long pending, long givenUp, @Nullable Instant lastSuccess,
		@Nullable Instant lastFailure, @Nullable String lastError) {

}

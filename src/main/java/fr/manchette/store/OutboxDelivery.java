package fr.manchette.store;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A delivery an instance has claimed: the event, and how many attempts it has had.
 *
 * @param id the outbox row, also the delivery's id for the receiver
 */
public record OutboxDelivery(long id, String hook, String storyKey, String event, String title, @Nullable String link,
		List<String> sources, Instant storyAt, int attempts) {

	public OutboxDelivery {
		sources = List.copyOf(sources);
	}

}

package fr.manchette.pipeline;

import java.time.Clock;
import java.time.Instant;

import fr.manchette.dedup.StoryMatcher;
import fr.manchette.store.ItemRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the first poll, completes the story index of items stored by a version that had none: their
 * link keys, and the headlines of those within the window. Nothing to do on later starts.
 */
@Component
class StoryIndexBackfill {

	private static final Logger log = LoggerFactory.getLogger(StoryIndexBackfill.class);

	private final ItemRepository items;

	private final StoryMatcher matcher;

	private final Clock clock;

	StoryIndexBackfill(ItemRepository items, StoryMatcher matcher, Clock clock) {
		this.items = items;
		this.matcher = matcher;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void backfill() {
		Instant from = this.clock.instant().minus(this.matcher.window());
		int completed = this.items.indexOlderItems(from);
		if (completed > 0) {
			log.info("Story index completed for items={} stored before it existed", completed);
		}
	}

}

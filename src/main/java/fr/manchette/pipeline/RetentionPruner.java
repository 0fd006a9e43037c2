package fr.manchette.pipeline;

import java.time.Clock;
import java.time.Instant;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.ItemRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes items older than feeds.yml's {@code retention}, once an hour. */
@Component
class RetentionPruner {

	private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

	private final CurrentFeeds feeds;

	private final ItemRepository items;

	private final Clock clock;

	RetentionPruner(CurrentFeeds feeds, ItemRepository items, Clock clock) {
		this.feeds = feeds;
		this.items = items;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void prune() {
		Instant cutoff = this.clock.instant().minus(this.feeds.get().retention());
		int deleted = this.items.pruneOlderThan(cutoff);
		if (deleted > 0) {
			log.info("Pruned items={} older than {}", deleted, cutoff);
		}
	}

}

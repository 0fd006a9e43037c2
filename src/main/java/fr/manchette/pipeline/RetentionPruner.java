package fr.manchette.pipeline;

import java.time.Clock;
import java.time.Instant;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.dedup.StoryMatcher;
import fr.manchette.store.ItemRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes items older than feeds.yml's {@code retention}, once an hour; and drops from the story index the headlines
 * sorted more than twice the story window ago, which no incoming item can match any more. Housekeeping of the store
 * that polling fills: an instance that only serves ({@code manchette.polling.enabled=false}) leaves it to those that
 * poll. Both steps delete in small batches, each committed alone.
 */
@Component
@ConditionalOnBooleanProperty(name = "manchette.polling.enabled", matchIfMissing = true)
class RetentionPruner {

	private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

	private final CurrentFeeds feeds;

	private final ItemRepository items;

	private final StoryMatcher matcher;

	private final Clock clock;

	/** Where the previous pruning of the story index stopped: the next one starts there. */
	private Instant indexPrunedUntil = Instant.EPOCH;

	RetentionPruner(CurrentFeeds feeds, ItemRepository items, StoryMatcher matcher, Clock clock) {
		this.feeds = feeds;
		this.items = items;
		this.matcher = matcher;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void prune() {
		Instant cutoff = this.clock.instant().minus(this.feeds.get().retention());
		int deleted = this.items.pruneOlderThan(cutoff);
		if (deleted > 0) {
			log.info("Pruned items={} older than {}", deleted, cutoff);
		}
		Instant indexCutoff = this.clock.instant().minus(this.matcher.window().multipliedBy(2));
		if (indexCutoff.isAfter(this.indexPrunedUntil)) {
			this.items.pruneStoryIndex(this.indexPrunedUntil, indexCutoff);
			this.indexPrunedUntil = indexCutoff;
		}
	}

}

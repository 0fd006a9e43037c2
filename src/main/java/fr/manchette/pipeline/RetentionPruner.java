package fr.manchette.pipeline;

import java.time.Clock;
import java.time.Instant;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.dedup.StoryWindow;
import fr.manchette.fetch.SourcesTime;
import fr.manchette.store.DroppedItems;
import fr.manchette.store.HeadlineEdits;
import fr.manchette.store.ItemPruner;
import fr.manchette.store.PrunedItems;
import fr.manchette.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes items older than feeds.yml's {@code retention}, once an hour, in small batches each committed alone; and
 * lets the story window forget the headlines sorted more than twice the story window ago, which no incoming item can
 * match any more, and the store the headline edits made before then. Retention counts back from the sources' time
 * when this machine's clock runs far ahead of it ({@link SourcesTime}). Housekeeping of the store that polling fills:
 * an instance that only serves ({@code manchette.polling.enabled=false}) leaves it to those that poll.
 */
class RetentionPruner {

	private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

	private final CurrentFeeds feeds;

	private final ItemPruner items;

	private final StoryWindow window;

	private final Clock clock;

	private final DroppedItems dropped;

	private final PrunedItems pruned;

	private final HeadlineEdits edits;

	private final SourcesTime sourcesTime;

	private final StoreOutage outage;

	RetentionPruner(CurrentFeeds feeds, ItemPruner items, StoryWindow window, Clock clock, DroppedItems dropped,
			PrunedItems pruned, HeadlineEdits edits, SourcesTime sourcesTime, StoreOutage outage) {
		this.outage = outage;
		this.edits = edits;
		this.sourcesTime = sourcesTime;
		this.feeds = feeds;
		this.items = items;
		this.window = window;
		this.clock = clock;
		this.dropped = dropped;
		this.pruned = pruned;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void prune() {
		try {
			pruneOlder();
		}
		catch (RuntimeException ex) {
			// The next round prunes what this one left; the outage is told once, not with a stack trace an hour.
			if (!this.outage.said("pruning", ex)) {
				throw ex;
			}
		}
	}

	private void pruneOlder() {
		Instant cutoff = this.sourcesTime.correct(this.clock.instant()).minus(this.feeds.get().retention());
		int deleted = this.items.pruneOlderThan(cutoff);
		if (deleted > 0) {
			log.info("Pruned items={} older than {}", deleted, cutoff);
		}
		this.window.forgetBefore(this.window.keptFrom());
		this.edits.forgetBefore(this.window.keptFrom());
		// The rules' memory of dropped items goes with the items they would have been.
		this.dropped.pruneOlderThan(cutoff);
		this.pruned.forgetOlderThan(cutoff);
	}

}

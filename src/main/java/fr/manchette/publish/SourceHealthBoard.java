package fr.manchette.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.DroppedItems;
import fr.manchette.store.SourceStanding;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The health of every source of feeds.yml, in file order. */
@Component
public class SourceHealthBoard {

	private final CurrentFeeds feeds;

	private final SourceStatusRepository statuses;

	private final DroppedItems dropped;

	SourceHealthBoard(CurrentFeeds feeds, SourceStatusRepository statuses, DroppedItems dropped) {
		this.feeds = feeds;
		this.statuses = statuses;
		this.dropped = dropped;
	}

	public List<SourceHealth> sources() {
		Map<String, SourceStanding> byId = new HashMap<>();
		this.statuses.standings().forEach((standing) -> byId.put(standing.status().sourceId(), standing));
		Map<String, Map<String, Long>> dropped = this.dropped.counts();
		return this.feeds.get()
			.feeds()
			.stream()
			.map((source) -> health(source, byId.get(source.id()), dropped.getOrDefault(source.id(), Map.of())))
			.toList();
	}

	private static SourceHealth health(Source source, @Nullable SourceStanding standing, Map<String, Long> dropped) {
		String url = source.url().toString();
		SourceStatus status = ((standing != null) ? standing.status() : SourceStatus.unknown(source.id(), url))
			.forUrl(url);
		long items = (standing != null) ? standing.itemCount() : 0;
		return new SourceHealth(source.id(), source.name(), url, source.category(), source.enabled(),
				status.lastAttemptAt(), status.lastSuccessAt(), status.lastOutcome(), status.consecutiveFailures(),
				status.lastError(), status.nextAttemptAt(), items, status.movedTo(), dropped, null)
			.withFreshness(SourceFreshness.of(source, (standing != null) ? standing.pace() : null,
					(standing != null) ? standing.delays() : null));
	}

}

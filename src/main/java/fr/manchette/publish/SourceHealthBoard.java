package fr.manchette.publish;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.PollPace;
import fr.manchette.store.PollPaceRepository;
import fr.manchette.store.PublishDelayRepository;
import fr.manchette.store.RecentDelays;
import fr.manchette.store.DroppedItems;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import org.springframework.stereotype.Component;

/** The health of every source of feeds.yml, in file order. */
@Component
public class SourceHealthBoard {

	private final CurrentFeeds feeds;

	private final SourceStatusRepository statuses;

	private final PollPaceRepository paces;

	private final PublishDelayRepository delays;

	private final DroppedItems dropped;

	SourceHealthBoard(CurrentFeeds feeds, SourceStatusRepository statuses, PollPaceRepository paces,
			PublishDelayRepository delays, DroppedItems dropped) {
		this.feeds = feeds;
		this.statuses = statuses;
		this.paces = paces;
		this.delays = delays;
		this.dropped = dropped;
	}

	public List<SourceHealth> sources() {
		Map<String, SourceStatus> byId = this.statuses.findAll()
			.stream()
			.collect(Collectors.toMap(SourceStatus::sourceId, Function.identity()));
		Map<String, Long> counts = this.statuses.itemCounts();
		Map<String, PollPace> paces = this.paces.findAll();
		Map<String, RecentDelays> delays = this.delays.findAll();
		Map<String, Map<String, Long>> dropped = this.dropped.counts();
		return this.feeds.get()
			.feeds()
			.stream()
			.map((source) -> health(source, byId, counts, dropped.getOrDefault(source.id(), Map.of()))
				.withFreshness(SourceFreshness.of(source, paces.get(source.id()), delays.get(source.id()))))
			.toList();
	}

	private static SourceHealth health(Source source, Map<String, SourceStatus> statuses, Map<String, Long> counts,
			Map<String, Long> dropped) {
		SourceStatus status = statuses
			.getOrDefault(source.id(), SourceStatus.unknown(source.id(), source.url().toString()))
			.forUrl(source.url().toString());
		return new SourceHealth(source.id(), source.name(), source.url().toString(), source.category(),
				source.enabled(), status.lastAttemptAt(), status.lastSuccessAt(), status.lastOutcome(),
				status.consecutiveFailures(), status.lastError(), status.nextAttemptAt(),
				counts.getOrDefault(source.id(), 0L), status.movedTo(), dropped, null);
	}

}

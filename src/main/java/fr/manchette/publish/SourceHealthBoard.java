package fr.manchette.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.ShownUrl;
import fr.manchette.config.Source;
import fr.manchette.pipeline.PollPacer;
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

	private final PollPacer pacer;

	SourceHealthBoard(CurrentFeeds feeds, SourceStatusRepository statuses, DroppedItems dropped, PollPacer pacer) {
		this.feeds = feeds;
		this.statuses = statuses;
		this.dropped = dropped;
		this.pacer = pacer;
	}

	public List<SourceHealth> sources() {
		Map<String, SourceStanding> byId = new HashMap<>();
		this.statuses.standings().forEach((standing) -> byId.put(standing.status().sourceId(), standing));
		Map<String, Map<String, Long>> dropped = this.dropped.counts();
		// Read once for every source, not once for each whose last poll said it was pushed.
		Set<String> pushed = this.pacer.pushedNow();
		return this.feeds.get()
			.feeds()
			.stream()
			.map((source) -> health(source, byId.get(source.id()), dropped.getOrDefault(source.id(), Map.of()),
					pushed))
			.toList();
	}

	private SourceHealth health(Source source, @Nullable SourceStanding stored, Map<String, Long> dropped,
			Set<String> pushed) {
		String url = source.url().toString();
		// A source not polled yet has no row: nothing known, nothing stored.
		SourceStanding standing = (stored != null) ? stored
				: new SourceStanding(SourceStatus.unknown(source.id(), url), 0, null, null);
		SourceStatus status = standing.status().forSource(url, source.reading());
		// Shown to whoever asks: a credential in the url's query hidden, in the address it moved to and errors as well.
		return new SourceHealth(source.id(), source.name(), source.shownUrl(), source.category(), source.enabled(),
				status.lastAttemptAt(), status.lastSuccessAt(), status.lastOutcome(), status.consecutiveFailures(),
				(status.lastError() != null) ? ShownUrl.of(status.lastError()) : null,
				// A disabled source is not polled, whatever its row still says (an instance that polls takes it out).
				source.enabled() ? status.nextAttemptAt() : null, standing.itemCount(),
				(status.movedTo() != null) ? ShownUrl.of(status.movedTo()) : null, dropped,
				SourceFreshness.of(source, this.pacer.inForce(source, status, standing.pace(), pushed), standing.pace(),
						standing.delays()));
	}

}

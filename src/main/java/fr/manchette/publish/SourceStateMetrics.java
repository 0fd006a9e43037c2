package fr.manchette.publish;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStanding;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreOutage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The sources' health in {@code /actuator/prometheus}, for an alert to fire on: {@code manchette_sources{state}}, how
 * many sources of feeds.yml are in each {@link SourceState}, and {@code manchette_items}, the items stored for them. Which
 * sources fail, and why, {@code /sources} and {@code /api/sources} say; one series per state, not per source, keeps
 * a thousand sources from making three thousand series.
 * <p>
 * The figures are read from the store when they are asked for, in one scan of the sources' status for all the
 * gauges of a scrape (kept for a second), so that every instance sharing a database tells the same.
 */
@Component
class SourceStateMetrics {

	/** How long the figures of one read serve: the gauges of one scrape are read one after the other. */
	private static final long FRESH_NANOS = 1_000_000_000L;

	private final CurrentFeeds feeds;

	private final SourceStatusRepository statuses;

	private @Nullable Tally last;

	private final StoreOutage outage;

	SourceStateMetrics(CurrentFeeds feeds, SourceStatusRepository statuses, MeterRegistry meters, StoreOutage outage) {
		this.feeds = feeds;
		this.outage = outage;
		this.statuses = statuses;
		for (SourceState state : SourceState.values()) {
			Gauge.builder("manchette.sources", this, (metrics) -> metrics.tally().sources().get(state))
				.description("Sources of feeds.yml by what their last poll says of them")
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(meters);
		}
		Gauge.builder("manchette.items", this, (metrics) -> metrics.tally().items())
			.description("Items stored for the sources of feeds.yml")
			.register(meters);
	}

	synchronized Tally tally() {
		long now = System.nanoTime();
		Tally tally = this.last;
		if (tally != null && (now - tally.readAt() <= FRESH_NANOS || this.outage.down())) {
			// While the database is away, the figures last read: a scrape would wait for a connection at each gauge.
			return tally;
		}
		try {
			tally = read(now);
		}
		catch (RuntimeException ex) {
			if (tally == null || !StoreOutage.unreachable(ex)) {
				throw ex;
			}
			this.outage.failed("reading the sources' status for the metrics", ex);
			tally = new Tally(tally.sources(), tally.items(), now);
		}
		this.last = tally;
		return tally;
	}

	private Tally read(long now) {
		Map<String, SourceStanding> byId = new HashMap<>();
		this.statuses.standings().forEach((standing) -> byId.put(standing.status().sourceId(), standing));
		Map<SourceState, Integer> sources = new EnumMap<>(SourceState.class);
		for (SourceState state : SourceState.values()) {
			sources.put(state, 0);
		}
		long items = 0;
		for (Source source : this.feeds.get().feeds()) {
			SourceStanding standing = byId.get(source.id());
			PollOutcome outcome = (standing != null) ? standing.status().lastOutcome() : PollOutcome.PENDING;
			sources.merge(SourceState.of(source.enabled(), outcome), 1, Integer::sum);
			items += (standing != null) ? standing.itemCount() : 0;
		}
		return new Tally(sources, items, now);
	}

	/** The figures of one read: sources by state, items, and when it was made ({@link System#nanoTime}). */
	record Tally(Map<SourceState, Integer> sources, long items, long readAt) {
	}

}

package fr.manchette.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.manchette.store.PublishDelayRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Measures how long each new item took from its publication to the merged feed: from its date to the moment its
 * poll stored it (the feeds are rendered from the store, so that is when readers can have it). Recorded in the
 * Prometheus histogram {@code manchette_publish_delay_seconds{source}} and in the source's latest delays, which
 * {@code /api/sources} sums up as a median and a 90th percentile.
 * <p>
 * Only credible dates count. An item without a date of its own, or dated after its fetch began (a clock ahead, or a
 * date in the future capped by the normalizer) says nothing. An item dated before the source's previous successful
 * poll, give or take {@link #SKEW}, was not in the feed then: the source published it late (a backdated post, a feed
 * that lags its site), a delay that is not ours to measure; and the first poll of a source, whose items are its
 * backlog, counts none. What remains is what polling costs: at most the time since the previous successful poll.
 */
@Component
public class PublishDelays {

	/** How far a source's clock may lag ours before its items' dates stop being believed. */
	static final Duration SKEW = Duration.ofMinutes(2);

	/** Buckets of the histogram, from a push's seconds to a quiet source's ceiling. */
	private static final Duration[] BUCKETS = { Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
			Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
			Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
			Duration.ofHours(6), Duration.ofHours(24) };

	private static final Logger log = LoggerFactory.getLogger(PublishDelays.class);

	private final MeterRegistry meters;

	private final PublishDelayRepository delays;

	private final Clock clock;

	PublishDelays(MeterRegistry meters, PublishDelayRepository delays, Clock clock) {
		this.meters = meters;
		this.delays = delays;
		this.clock = clock;
	}

	/**
	 * Records the delays of a poll's new items, once they are stored.
	 * @param published the publication dates the feed gave the items the poll stored for the first time
	 * @param previousSuccess when the source last answered before this poll; null for its first poll
	 * @param fetchedAt when this poll's fetch began
	 */
	public void record(String sourceId, List<Instant> published, @Nullable Instant previousSuccess,
			Instant fetchedAt) {
		List<Duration> measured = credible(published, previousSuccess, fetchedAt, this.clock.instant());
		if (measured.isEmpty()) {
			return;
		}
		Timer timer = Timer.builder("manchette.publish.delay")
			.description("Time from an item's publication to its first appearance in the merged feed")
			.tag("source", sourceId)
			.serviceLevelObjectives(BUCKETS)
			.register(this.meters);
		measured.forEach(timer::record);
		try {
			this.delays.append(sourceId, measured);
		}
		catch (RuntimeException ex) {
			// The items are stored; losing a figure of /api/sources is no reason to fail the poll.
			log.warn("Could not record the delays source={} detail={}", sourceId, ex.getMessage());
		}
	}

	/** The delays of the items whose dates can be believed, to the second. */
	static List<Duration> credible(List<Instant> given, @Nullable Instant previousSuccess, Instant fetchedAt,
			Instant storedAt) {
		List<Duration> measured = new ArrayList<>();
		if (previousSuccess == null) {
			return measured;
		}
		Instant earliest = previousSuccess.minus(SKEW);
		for (Instant published : given) {
			if (published.isBefore(fetchedAt) && !published.isBefore(earliest)) {
				measured.add(Duration.ofSeconds(Duration.between(published, storedAt).toSeconds()));
			}
		}
		return measured;
	}

}

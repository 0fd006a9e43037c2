package fr.manchette.config;

import java.time.Duration;

import fr.manchette.config.MappingReader.Bound;
import org.jspecify.annotations.Nullable;

/**
 * How often feeds.yml may ask for a source to be polled, in {@code poll} and in each source: no {@code interval} and
 * no {@code max-interval} under the floor ({@code manchette.polling.min-interval}, the polite floor for someone else's
 * server), no {@code interval} over a week, and no {@code max-interval} over a day.
 */
final class IntervalBounds {

	/** The floor unless the service says otherwise. */
	static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

	/**
	 * The longest {@code interval}: a weekly publication polled once a week. Past it a source is better
	 * {@code enabled: false}; and a failing source waits at most its interval, however long.
	 */
	static final Bound LONGEST_INTERVAL = new Bound(Duration.ofDays(7), "7d");

	/** The longest {@code max-interval}: however quiet, a source is looked at every day. */
	static final Bound LONGEST_MAX_INTERVAL = new Bound(Duration.ofDays(1), "24h");

	private final Bound floor;

	IntervalBounds(Duration floor) {
		this.floor = Bound.of(floor);
	}

	/** {@code interval}, from the floor to a week. */
	@Nullable Duration interval(MappingReader reader) {
		return reader.duration("interval", this.floor, LONGEST_INTERVAL);
	}

	/** {@code max-interval}, the ceiling of adaptive intervals: no shorter than the floor, no longer than a day. */
	@Nullable Duration maxInterval(MappingReader reader) {
		return reader.duration("max-interval", this.floor, LONGEST_MAX_INTERVAL);
	}

}

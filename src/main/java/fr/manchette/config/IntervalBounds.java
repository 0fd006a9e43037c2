package fr.manchette.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How often feeds.yml may ask for a source to be polled, in {@code poll} and in each source: no {@code interval} and
 * no {@code max-interval} under the floor ({@code manchette.polling.min-interval}, the polite floor for someone else's
 * server), and no {@code max-interval} over a day.
 */
final class IntervalBounds {

	/** The floor unless the service says otherwise. */
	static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

	/** The longest {@code max-interval}: however quiet, a source is looked at every day. */
	static final Duration LONGEST_MAX_INTERVAL = Duration.ofDays(1);

	private final Duration floor;

	private final String floorText;

	IntervalBounds(Duration floor) {
		this.floor = floor;
		// As an operator writes it in the messages: DurationStyle prints every duration in one unit ("60000ms").
		long seconds = floor.toSeconds();
		this.floorText = (seconds % 60 == 0) ? (seconds / 60) + "m" : seconds + "s";
	}

	/** {@code interval}, at least the floor. */
	@Nullable Duration interval(MappingReader reader) {
		return reader.duration("interval", this.floor, this.floorText);
	}

	/** {@code max-interval}, the ceiling of adaptive intervals: no shorter than the floor, no longer than a day. */
	@Nullable Duration maxInterval(MappingReader reader) {
		Duration maxInterval = reader.duration("max-interval", this.floor, this.floorText);
		if (maxInterval != null && maxInterval.compareTo(LONGEST_MAX_INTERVAL) > 0) {
			reader.problem("max-interval \"" + reader.value("max-interval") + "\" is too long (at most 24h)");
			return null;
		}
		return maxInterval;
	}

}

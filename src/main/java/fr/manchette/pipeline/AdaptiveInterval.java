package fr.manchette.pipeline;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of adaptive polling. A source's publishing rate is counted from what each poll finds new, over the
 * time since the previous successful poll, and smoothed with a memory of {@link #MEMORY} (an exponentially weighted
 * average over time: a poll long after the last one weighs more than one a minute after it). Dates in the feed play
 * no part: a feed whose {@code pubDate} lies cannot drive it.
 * <p>
 * The interval is the mean time between two new items (poll about once per item, as Miniflux's
 * {@code entry_frequency} does), kept between the floor and the ceiling, and never shorter than what the feed
 * declares ({@code <ttl>}, {@code sy:updatePeriod}) unless that is past the ceiling. A source that goes quiet sees its
 * rate decay towards zero and drifts to the ceiling in a few {@link #MEMORY}s; one found publishing again at a
 * ceiling poll gets a rate from that poll alone (its weight is nearly one after hours of silence), so it is back
 * near its new pace at once.
 */
final class AdaptiveInterval {

	/** How far back the rate remembers: long enough to smooth a busy source's bursts, short enough to follow its day. */
	static final Duration MEMORY = Duration.ofHours(2);

	private AdaptiveInterval() {
	}

	/** An interval and why it was chosen. */
	record Choice(Duration interval, IntervalReason reason) {
	}

	/**
	 * @param previous the rate measured so far, null before the first measure
	 * @param start the interval the source starts from (its configured one): the rate assumed before any measure
	 * @param elapsed time since the previous successful poll; null for the first one, whose items are the feed's
	 * backlog and say nothing of its rate
	 * @param newItems items this poll stored for the first time
	 * @return new items per hour
	 */
	static double rate(@Nullable Double previous, Duration start, @Nullable Duration elapsed, int newItems) {
		double before = (previous != null) ? previous : perHour(start);
		if (elapsed == null || elapsed.isNegative() || elapsed.isZero()) {
			return before;
		}
		double hours = elapsed.toMillis() / 3_600_000.0;
		double weight = 1 - Math.exp(-hours / (MEMORY.toMillis() / 3_600_000.0));
		return before * (1 - weight) + (newItems / hours) * weight;
	}

	/** The mean time between items at {@code rate}, within {@code floor} and {@code ceiling}, lengthened by a ttl. */
	static Choice interval(double rate, Duration floor, Duration ceiling, @Nullable Duration declared) {
		Choice byRate;
		// Past the ceiling (or no item at all): the quotient could overflow a Duration, and is the ceiling anyway.
		if (rate <= 0 || 3_600.0 / rate >= ceiling.toSeconds()) {
			byRate = new Choice(ceiling, IntervalReason.CEILING);
		}
		else {
			Duration mean = Duration.ofMillis(Math.round(3_600_000.0 / rate));
			byRate = (mean.compareTo(floor) < 0) ? new Choice(floor, IntervalReason.FLOOR)
					: new Choice(mean, IntervalReason.RATE);
		}
		if (declared != null && declared.compareTo(byRate.interval()) > 0) {
			// The feed asks to be left alone that long: obeyed, up to the ceiling, which is the operator's promise.
			Duration ttl = (declared.compareTo(ceiling) > 0) ? ceiling : declared;
			return new Choice(ttl, IntervalReason.TTL);
		}
		return byRate;
	}

	private static double perHour(Duration interval) {
		return 3_600_000.0 / Math.max(interval.toMillis(), 1);
	}

}

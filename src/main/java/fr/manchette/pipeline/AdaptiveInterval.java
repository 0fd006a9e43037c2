package fr.manchette.pipeline;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of adaptive polling. A source's publishing rate is counted from what each poll finds new, over the
 * time since the previous successful poll, and smoothed with a memory of {@link #MEMORY} (an exponentially weighted
 * rate over time: a poll long after the last one weighs more than one a minute after it, and an hour ago weighs
 * less than the last minutes). Dates in the feed play no part: a feed whose {@code pubDate} lies cannot drive it.
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
	 * A publishing rate and how much observed time it rests on, older time weighing less.
	 *
	 * @param perHour new items per hour
	 * @param hours the observed time behind it, each hour weighed by how recent it is: at most {@link #MEMORY}
	 */
	record Rate(double perHour, double hours) {
	}

	/**
	 * The rate after a poll: the new items are taken as spread over the time since the previous successful poll,
	 * and added to what was known, which fades with the time passed. Before any measure the source is assumed to
	 * publish once per starting interval, on the evidence of one such interval only: the first polls that find
	 * something soon outweigh it.
	 * @param previous the rate measured so far, null before the first measure
	 * @param start the interval the source starts from (its configured one)
	 * @param elapsed time since the previous successful poll; null for the first one, whose items are the feed's
	 * backlog and say nothing of its rate
	 * @param newItems items this poll stored for the first time
	 */
	static Rate rate(@Nullable Rate previous, Duration start, @Nullable Duration elapsed, int newItems) {
		Rate before = (previous != null) ? previous : new Rate(1 / hours(start), hours(start));
		if (elapsed == null || elapsed.isNegative() || elapsed.isZero()) {
			return before;
		}
		double memory = hours(MEMORY);
		double span = hours(elapsed);
		double kept = Math.exp(-span / memory);
		// The weight of the elapsed span itself, its older part fading as the rest does: at most the memory.
		double spanWeight = memory * (1 - kept);
		double weight = before.hours() * kept + spanWeight;
		double items = before.perHour() * before.hours() * kept + newItems * spanWeight / span;
		return new Rate(items / weight, weight);
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

	private static double hours(Duration duration) {
		return Math.max(duration.toMillis(), 1) / 3_600_000.0;
	}

}

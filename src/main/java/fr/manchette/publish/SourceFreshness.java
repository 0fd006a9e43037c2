package fr.manchette.publish;

import java.time.Duration;
import java.util.Objects;

import fr.manchette.config.Source;
import fr.manchette.pipeline.IntervalReason;
import fr.manchette.pipeline.PollTiming;
import fr.manchette.store.PollPace;
import fr.manchette.store.RecentDelays;
import org.jspecify.annotations.Nullable;

/**
 * How fresh a source is kept, on {@code /api/sources} beside its health.
 *
 * @param intervalSeconds the time between two polls in force; null for a source not polled (disabled, or gone)
 * @param intervalReason why: {@code fixed}, {@code rate}, {@code floor}, {@code ceiling}, {@code ttl},
 * {@code backoff}, {@code pushed}; {@code start} for an adaptive source whose rate is not measured yet;
 * {@code disabled} or {@code gone} for one not polled
 * @param itemsPerHour its publishing rate as measured from when its new items were first seen, null until two
 * successful polls have measured it
 * @param delayMedianSeconds the median time from publication to the merged feed of its latest new items with a
 * credible date (up to {@value RecentDelays#KEPT}), null while there is none
 * @param delayP90Seconds the 90th percentile of the same
 * @param delaysMeasured how many delays the two figures are drawn from
 */
public record SourceFreshness(@Nullable Long intervalSeconds, String intervalReason, @Nullable Double itemsPerHour,
		@Nullable Long delayMedianSeconds, @Nullable Long delayP90Seconds, int delaysMeasured) {

	/**
	 * @param inForce the interval in force and why, null for a source not polled
	 * @param pace what the last poll measured of its rate
	 */
	static SourceFreshness of(Source source, PollTiming.@Nullable InForce inForce,
			@Nullable PollPace pace, @Nullable RecentDelays delays) {
		// A source that is not polled has no interval in force: why, its file or its feed says.
		Duration interval = (inForce != null) ? inForce.interval() : null;
		String reason = (inForce != null) ? inForce.reason().word()
				: (!source.enabled() ? IntervalReason.DISABLED : IntervalReason.GONE).word();
		Double rate = (pace != null && pace.arrivalRate() != null) ? Math.round(pace.arrivalRate() * 100) / 100.0
				: null;
		Duration median = (delays != null) ? delays.median() : null;
		Duration p90 = (delays != null) ? delays.p90() : null;
		return new SourceFreshness((interval != null) ? interval.toSeconds() : null, reason, rate,
				(median != null) ? median.toSeconds() : null, (p90 != null) ? p90.toSeconds() : null,
				(delays != null) ? delays.delays().size() : 0);
	}

	/** Equal component by component, written out for the reason {@link SourceHealth#equals} is. */
	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || other instanceof SourceFreshness that
				&& Objects.equals(this.intervalSeconds, that.intervalSeconds)
				&& this.delaysMeasured == that.delaysMeasured && this.intervalReason.equals(that.intervalReason)
				&& Objects.equals(this.itemsPerHour, that.itemsPerHour)
				&& Objects.equals(this.delayMedianSeconds, that.delayMedianSeconds)
				&& Objects.equals(this.delayP90Seconds, that.delayP90Seconds);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.intervalSeconds, this.intervalReason, this.itemsPerHour, this.delayMedianSeconds,
				this.delayP90Seconds, this.delaysMeasured);
	}

}

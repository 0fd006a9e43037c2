package fr.manchette.pipeline;

import java.time.Duration;

import fr.manchette.pipeline.AdaptiveInterval.Choice;
import fr.manchette.pipeline.AdaptiveInterval.Rate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic of adaptive polling: the rate from what polls find new, the interval from the rate. */
class AdaptiveIntervalTests {

	private static final Duration FLOOR = Duration.ofMinutes(1);

	private static final Duration CEILING = Duration.ofHours(6);

	@Test
	void firstPollKeepsTheStartingRateWhateverItsBacklog() {
		assertThat(AdaptiveInterval.rate(null, Duration.ofMinutes(15), null, 50)).isEqualTo(new Rate(4, 0.25));
		assertThat(AdaptiveInterval.rate(new Rate(2.5, 1.5), Duration.ofMinutes(15), null, 50))
			.isEqualTo(new Rate(2.5, 1.5));
	}

	@Test
	void firstMeasuresSoonOutweighTheStartingRate() {
		Rate start = AdaptiveInterval.rate(null, Duration.ofMinutes(15), null, 30);
		assertThat(AdaptiveInterval.rate(start, Duration.ofMinutes(15), Duration.ofMinutes(15), 30).perHour())
			.isGreaterThan(60);
		assertThat(AdaptiveInterval.rate(start, Duration.ofMinutes(15), Duration.ofMinutes(15), 0).perHour())
			.isLessThan(2.5);
	}

	@Test
	void rateFollowsWhatPollsFindOverTime() {
		Rate rate = null;
		// Twelve new items an hour, polled every five minutes for a day.
		for (int poll = 0; poll < 288; poll++) {
			rate = AdaptiveInterval.rate(rate, Duration.ofMinutes(15), Duration.ofMinutes(5), 1);
		}
		assertThat(rate.perHour()).isCloseTo(12.0, within(0.01));
		assertThat(rate.hours()).isCloseTo(AdaptiveInterval.MEMORY.toMinutes() / 60.0, within(0.01));
	}

	@Test
	void longSilenceWeighsMoreThanAShortOne() {
		Rate steady = new Rate(12, 2);
		double afterMinute = AdaptiveInterval.rate(steady, Duration.ofMinutes(15), Duration.ofMinutes(1), 0).perHour();
		double afterSixHours = AdaptiveInterval.rate(steady, Duration.ofMinutes(15), Duration.ofHours(6), 0).perHour();
		assertThat(afterMinute).isGreaterThan(11.8);
		assertThat(afterSixHours).isLessThan(0.7);
	}

	@Test
	void busySourceIsHeldAtTheFloor() {
		assertThat(AdaptiveInterval.interval(120, FLOOR, CEILING, null))
			.isEqualTo(new Choice(FLOOR, IntervalReason.FLOOR));
	}

	@Test
	void steadySourceIsPolledAboutOncePerItem() {
		assertThat(AdaptiveInterval.interval(4, FLOOR, CEILING, null))
			.isEqualTo(new Choice(Duration.ofMinutes(15), IntervalReason.RATE));
	}

	@Test
	void quietSourceWaitsTheCeiling() {
		assertThat(AdaptiveInterval.interval(0.05, FLOOR, CEILING, null))
			.isEqualTo(new Choice(CEILING, IntervalReason.CEILING));
		assertThat(AdaptiveInterval.interval(0, FLOOR, CEILING, null))
			.isEqualTo(new Choice(CEILING, IntervalReason.CEILING));
		assertThat(AdaptiveInterval.interval(Double.MIN_VALUE, FLOOR, CEILING, null))
			.isEqualTo(new Choice(CEILING, IntervalReason.CEILING));
	}

	@Test
	void declaredTtlIsAFloorButNotPastTheCeiling() {
		assertThat(AdaptiveInterval.interval(120, FLOOR, CEILING, Duration.ofMinutes(30)))
			.isEqualTo(new Choice(Duration.ofMinutes(30), IntervalReason.TTL));
		assertThat(AdaptiveInterval.interval(120, FLOOR, CEILING, Duration.ofDays(1)))
			.isEqualTo(new Choice(CEILING, IntervalReason.TTL));
		// A ttl shorter than the rate's interval changes nothing.
		assertThat(AdaptiveInterval.interval(1, FLOOR, CEILING, Duration.ofMinutes(5)))
			.isEqualTo(new Choice(Duration.ofHours(1), IntervalReason.RATE));
	}

}

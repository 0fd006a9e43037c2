package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which new items' dates are believed when measuring the publish-to-feed delay. */
class PublishDelaysTests {

	private static final Instant PREVIOUS = Instant.parse("2025-05-16T10:00:00Z");

	private static final Instant FETCHED = PREVIOUS.plus(Duration.ofMinutes(15));

	private static final Instant STORED = FETCHED.plusSeconds(2);

	@Test
	void itemPublishedSinceThePreviousPollCountsToItsStore() {
		assertThat(PublishDelays.credible(List.of(FETCHED.minusSeconds(300)), PREVIOUS, FETCHED, STORED))
			.containsExactly(Duration.ofSeconds(302));
	}

	@Test
	void futureAndLateItemsAreLeftOut() {
		List<Instant> items = List.of(FETCHED.plusSeconds(60), FETCHED, PREVIOUS.minus(Duration.ofHours(3)),
				PREVIOUS.minusSeconds(60));
		// Only the last: within the skew allowed before the previous poll.
		assertThat(PublishDelays.credible(items, PREVIOUS, FETCHED, STORED))
			.containsExactly(Duration.ofMinutes(16).plusSeconds(2));
	}

	@Test
	void firstPollOfASourceCountsNothing() {
		assertThat(PublishDelays.credible(List.of(FETCHED.minusSeconds(300)), null, FETCHED, STORED))
			.isEmpty();
	}

}

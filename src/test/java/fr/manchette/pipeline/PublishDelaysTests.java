package fr.manchette.pipeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import fr.manchette.normalize.Item;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which new items' dates are believed when measuring the publish-to-feed delay. */
class PublishDelaysTests {

	private static final Instant PREVIOUS = Instant.parse("2025-05-16T10:00:00Z");

	private static final Instant FETCHED = PREVIOUS.plus(Duration.ofMinutes(15));

	private static final Instant STORED = FETCHED.plusSeconds(2);

	@Test
	void itemPublishedSinceThePreviousPollCountsToItsStore() {
		assertThat(PublishDelays.credible(List.of(item(FETCHED.minusSeconds(300), true)), PREVIOUS, FETCHED, STORED))
			.containsExactly(Duration.ofSeconds(302));
	}

	@Test
	void undatedFutureAndLateItemsAreLeftOut() {
		List<Item> items = List.of(item(FETCHED, false), item(FETCHED.plusSeconds(60), true),
				item(FETCHED, true), item(PREVIOUS.minus(Duration.ofHours(3)), true),
				item(PREVIOUS.minusSeconds(60), true));
		// Only the last: within the skew allowed before the previous poll.
		assertThat(PublishDelays.credible(items, PREVIOUS, FETCHED, STORED))
			.containsExactly(Duration.ofMinutes(16).plusSeconds(2));
	}

	@Test
	void firstPollOfASourceCountsNothing() {
		assertThat(PublishDelays.credible(List.of(item(FETCHED.minusSeconds(300), true)), null, FETCHED, STORED))
			.isEmpty();
	}

	private static Item item(Instant published, boolean known) {
		return new Item("g-" + published, "Titre", URI.create("https://a.example/" + published.getEpochSecond()),
				"<p>Titre</p>", "Titre", published, known, List.of());
	}

}

package fr.manchette.dedup;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlineCacheTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private final HeadlineCache cache = new HeadlineCache();

	@Test
	void aHeadlineStoredWithoutComparisonComesBackWithTheKeyItWasStoredWith() {
		String title = "Le Maroc et la Mauritanie vont relier leurs réseaux électriques";
		TitleKey key = TitleKey.of(title);
		this.cache.put(title, key);

		MatchedHeadline headline = this.cache.of(candidate(new String(title)));

		// Its key is not worked out again from the title, and its units once only.
		assertThat(headline.key()).isSameAs(key);
		assertThat(this.cache.of(candidate(title))).isSameAs(headline);
	}

	@Test
	void theHeadlinesLatelyUsedStayAndTheOthersGo() {
		String kept = "Gaza : au moins 80 morts dans des frappes israéliennes";
		String dropped = "Carburants : baisse de 10 centimes à la pompe";
		MatchedHeadline keptHeadline = new MatchedHeadline(TitleKey.of(kept));
		MatchedHeadline droppedHeadline = new MatchedHeadline(TitleKey.of(dropped));
		this.cache.put(dropped, droppedHeadline);
		this.cache.put(kept, keptHeadline);
		TitleKey any = TitleKey.of("Une dépêche");
		for (int i = 0; i < HeadlineCache.CACHED_HEADLINES + 4000; i++) {
			if (i % 1000 == 0) {
				// Asked for now and then: the least recently used are forgotten first, however often asked before.
				assertThat(this.cache.of(candidate(kept))).isSameAs(keptHeadline);
			}
			this.cache.put("Dépêche " + i, any);
		}

		assertThat(this.cache.of(candidate(kept))).isSameAs(keptHeadline);
		MatchedHeadline again = this.cache.of(candidate(dropped));
		assertThat(again).isNotSameAs(droppedHeadline);
		// Worked out again, the same.
		assertThat(again.key()).isEqualTo(droppedHeadline.key());
		assertThat(again.units()).isEqualTo(droppedHeadline.units());
	}

	private static StoryCandidate candidate(String title) {
		return new StoryCandidate(1, "source", "story", title, T0);
	}

}

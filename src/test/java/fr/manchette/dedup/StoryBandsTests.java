package fr.manchette.dedup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The band hashes are stored: they must not change from one version to the next. */
class StoryBandsTests {

	@Test
	void aHeadlineHasOneHashPerBandAndNoneWithoutWords() {
		assertThat(StoryBands.of(TitleKey.of("Carburants : baisse de 10 centimes"))).hasSize(StoryBands.BANDS)
			.doesNotHaveDuplicates();
		assertThat(StoryBands.of(TitleKey.of("Le, la, les"))).isEmpty();
	}

	@Test
	void hashesAreTheSameInEveryVersion() {
		assertThat(StoryBands.of(TitleKey.of("Carburants : baisse de 10 centimes à la pompe")).get(0))
			.isEqualTo(GOLDEN_FIRST_BAND);
	}

	@Test
	void twoSpellingsOfOneWordShareTheirBands() {
		assertThat(StoryBands.of(TitleKey.of("Soulier d'or européen pour Mbappé")))
			.isEqualTo(StoryBands.of(TitleKey.of("Soulier d'or d'Europe pour Mbappé")));
	}

	/** Computed once; a change here means every stored band hash is void (and needs a migration). */
	private static final long GOLDEN_FIRST_BAND = -3602456210888609648L;

}

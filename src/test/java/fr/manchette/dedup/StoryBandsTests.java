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

	@Test
	void aWordsPrefixIsHashedAsItsUtf8Bytes() {
		// ASCII is hashed from the characters, the rest through UTF-8, a surrogate pair cut in two included.
		for (String word : new String[] { "", "a", "maro", "maroc", "marocain", "été", "çaèàù", "ab\uD83D\uDE00cd",
				"abcd\uD83D\uDE00", "abcde\uD83D\uDE00", "x\u00FFy" }) {
			String prefix = (word.length() > StoryBands.PREFIX) ? word.substring(0, StoryBands.PREFIX) : word;
			assertThat(StoryBands.prefixHash(word)).as(word).isEqualTo(StoryBands.fnv1a(prefix));
		}
	}

	/** Computed once; a change here means every stored band hash is void (and needs a migration). */
	private static final long GOLDEN_FIRST_BAND = -3602456210888609648L;

}

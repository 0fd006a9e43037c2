package fr.manchette.editorial;

import java.util.List;
import java.util.regex.Pattern;

import fr.manchette.parse.WordLists;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlainFrench}: which texts skip Lingua, on the written headlines of {@link HeadlineSamples} and the real
 * French titles of the shared corpus (when it is there).
 */
class PlainFrenchTests {

	@Test
	void frenchHeadlinesWithTheirLittleWordsArePlainFrench() {
		assertThat(PlainFrench.is("Le Wydad remporte le derby face au Raja")).isTrue();
		assertThat(PlainFrench.is("Trump : Main basse sur le Groenland")).isTrue();
		assertThat(PlainFrench.is("L'ONU s'inquiète de la situation en Syrie")).as("l' and de la: one French word")
			.isFalse();
		assertThat(PlainFrench.is("L'ONU s'inquiète des combats à Gaza")).isTrue();
		assertThat(PlainFrench.is("« On ne peut plus attendre », a déclaré le maire")).as("on, French too").isTrue();
		assertThat(PlainFrench.is("« Le compte n’y est pas », selon les syndicats")).as("y, French too").isTrue();
	}

	@Test
	void aLongTextIsReadToAWordsEndAsTheDetectorReadsIt() {
		// Cut at the detector's limit, « lesquels » would read as « les »: a second French word.
		String text = "dans " + "b".repeat(151) + " lesquels et pour";
		assertThat(text.indexOf("lesquels") + 3).isEqualTo(LanguageDetector.MAX_CHARS);

		assertThat(PlainFrench.is(text)).isFalse();
	}

	@Test
	void noEnglishSpanishOrArabicHeadlineIsPlainFrench() {
		for (String name : List.of("headlines-en.txt", "headlines-ar.txt")) {
			assertThat(HeadlineSamples.written(name)).noneMatch(PlainFrench::is);
		}
		assertThat(PlainFrench.is("El Gobierno y los sindicatos firman un acuerdo sur les salaires")).isFalse();
		assertThat(PlainFrench.is("French president Macron visits Rabat des deux rives for talks")).isFalse();
	}

	/** Any character of Unicode's Arabic block, and none next to it, makes a French headline not plain French. */
	@Test
	void anArabicCharacterAnywhereMakesATextNotPlainFrench() {
		for (char c = '\u05F0'; c <= '\u0710'; c++) {
			boolean arabic = Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC;
			assertThat(PlainFrench.is("Le Wydad remporte le derby face au Raja " + c)).as("U+%04X", (int) c).isEqualTo(!arabic);
			assertThat(PlainFrench.is(c + " Le Wydad remporte le derby face au Raja")).as("U+%04X", (int) c).isEqualTo(!arabic);
		}
	}

	@Test
	void mixedHeadlinesArePlainFrenchOnlyWhenFrench() {
		for (String line : HeadlineSamples.written("headlines-mixed.txt")) {
			String[] parts = line.split("\t");
			if (PlainFrench.is(parts[1])) {
				assertThat(parts[0]).as(parts[1]).isEqualTo("fr");
			}
		}
	}

	@Test
	void mostRealFrenchTitlesSkipTheDetector() {
		List<String> titles = HeadlineSamples.corpusFrenchTitles();
		org.junit.jupiter.api.Assumptions.assumeTrue(!titles.isEmpty(),
				() -> "no corpus at " + HeadlineSamples.CORPUS.toAbsolutePath().normalize());
		long plain = titles.stream().filter(PlainFrench::is).count();
		assertThat((double) plain / titles.size()).isGreaterThanOrEqualTo(0.5);
	}

	@Test
	void theListsShareNoWord() {
		Pattern word = Pattern.compile("\\p{Ll}+");
		assertThat(WordLists.entries("french-function-words", word)).contains("les", "dans", "l", "à")
			.hasSize(47)
			.doesNotContainAnyElementsOf(WordLists.entries("english-spanish-function-words", word));
	}

}

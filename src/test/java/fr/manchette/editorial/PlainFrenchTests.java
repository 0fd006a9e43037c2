package fr.manchette.editorial;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
	}

	@Test
	void noEnglishSpanishOrArabicHeadlineIsPlainFrench() {
		for (String name : List.of("headlines-en.txt", "headlines-ar.txt")) {
			assertThat(HeadlineSamples.written(name)).noneMatch(PlainFrench::is);
		}
		assertThat(PlainFrench.is("El Gobierno y los sindicatos firman un acuerdo sur les salaires")).isFalse();
		assertThat(PlainFrench.is("French president Macron visits Rabat des deux rives for talks")).isFalse();
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
	void theListsLoadAndAWordListRefusesARepeatOrAStrayLine() {
		assertThat(PlainFrench.WordList.load("french-function-words.txt")).contains("les", "dans", "l", "à").hasSize(47);
		assertThat(PlainFrench.WordList.load("english-spanish-function-words.txt")).contains("the", "los");
		assertThatIllegalStateException().isThrownBy(() -> PlainFrench.WordList.parse("x.txt", "# c\nles\ndes\nles\n"))
			.withMessage("x.txt line 4: les twice");
		assertThatIllegalStateException().isThrownBy(() -> PlainFrench.WordList.parse("x.txt", "les\nDes\n"))
			.withMessage("x.txt line 2: not a lower-case word: Des");
		assertThatIllegalStateException().isThrownBy(() -> PlainFrench.WordList.parse("x.txt", "les des\n"))
			.withMessage("x.txt line 1: not a lower-case word: les des");
	}

	@Test
	void theListsShareNoWord() {
		assertThat(PlainFrench.WordList.load("french-function-words.txt"))
			.doesNotContainAnyElementsOf(PlainFrench.WordList.load("english-spanish-function-words.txt"));
	}

}

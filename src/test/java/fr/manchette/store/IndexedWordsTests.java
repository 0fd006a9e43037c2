package fr.manchette.store;

import java.util.ArrayList;
import java.util.List;

import fr.manchette.dedup.FrenchWords;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexedWordsTests {

	@Test
	void keepsTheWordsThatSplittingOnSpacesKeeps() {
		List<String> texts = List.of(SearchText.fold("Les élus votent pour la réforme dans les temps, sans débat"),
				"  le  roi   a fes  ", "\tles\n", "la-bas est loin", "aujourd'hui l'etat", "", "   ", "abc",
				"les", "x".repeat(70) + " de " + "yz", "nous vous ils elles leur leurs");

		for (String text : texts) {
			assertThat(words(text)).as(text).isEqualTo(split(text));
		}
	}

	@Test
	void everyStopWordIsFoundAndNothingThatOnlyStartsOne() {
		for (String stop : FrenchWords.stopWords()) {
			String text = "x " + stop + " y";
			assertThat(IndexedWords.isStopWord(text, 2, 2 + stop.length())).as(stop).isTrue();
			assertThat(IndexedWords.isStopWord(stop + "z", 0, stop.length() + 1)).as(stop + "z").isFalse();
		}
		assertThat(IndexedWords.isStopWord("reforme", 0, 7)).isFalse();
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		IndexedWords.forEach(text, (in, from, to) -> words.add(in.substring(from, to)));
		return words;
	}

	/** What the index kept before it read words in place. */
	private static List<String> split(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.trim().split(" ")) {
			if (word.length() >= WordIndex.MIN_LENGTH && !FrenchWords.isStopWord(word)) {
				words.add(word);
			}
		}
		return words;
	}

}

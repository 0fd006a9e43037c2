package fr.manchette.dedup;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchWordsTests {

	@Test
	void spellingsOfOneWordAndOfOneName() {
		assertThat(FrenchWords.variants("maroc", "marocain")).isTrue();
		assertThat(FrenchWords.variants("touriste", "tourisme")).isTrue();
		assertThat(FrenchWords.variants("mar", "maroc")).isFalse();
		assertThat(FrenchWords.variants("2025", "2025")).isTrue();
		assertThat(FrenchWords.variants("u2025", "u2025x")).isFalse();
		assertThat(FrenchWords.nameVariants("racheline", "rachline")).isTrue();
		assertThat(FrenchWords.nameVariants("akhannouch", "akhanouch")).isTrue();
		assertThat(FrenchWords.nameVariants("macron", "micron")).isTrue();
		assertThat(FrenchWords.nameVariants("macron", "macr")).isTrue();
		assertThat(FrenchWords.nameVariants("bayrou", "barnier")).isFalse();
	}

	/** The letters compared before the digits, without cutting the words: the answers of the first version. */
	@Test
	void theSameAnswersAsCuttingTheWords() {
		Random random = new Random(3);
		String letters = "aab1r";
		for (int n = 0; n < 200_000; n++) {
			String x = word(random, letters);
			String y = (random.nextInt(3) == 0) ? edited(random, x, letters) : word(random, letters);
			assertThat(FrenchWords.variants(x, y)).as(x + " " + y).isEqualTo(variantsByCutting(x, y));
			assertThat(FrenchWords.nameVariants(x, y)).as(x + " " + y).isEqualTo(nameVariantsByCutting(x, y));
		}
	}

	/** One lookup says of a word what each list says: every word of a list, and a word of none. */
	@Test
	void whatTheListsSayOfAWordInOneLookup() {
		Set<String> words = new HashSet<>(List.of("maroc", "hausse", "jusqu", "un", "pas", "haute"));
		words.addAll(FrenchWords.STOP);
		words.addAll(FrenchWords.NEGATION);
		words.addAll(FrenchWords.NAME_CONNECTORS);
		words.addAll(FrenchWords.PLACE_QUALIFIERS);
		words.addAll(FrenchWords.COMMON_OPENERS);
		words.addAll(FrenchWords.UNITS);
		words.addAll(FrenchWords.TIME_MODES);
		words.addAll(FrenchWords.NUMBER_WORDS.keySet());
		words.addAll(FrenchWords.ABBREVIATIONS.keySet());
		words.addAll(FrenchWords.LEMMAS.keySet());
		for (String word : words) {
			FrenchWords.Listed listed = FrenchWords.listed(word);
			assertThat(listed).as(word)
				.isEqualTo(new FrenchWords.Listed(FrenchWords.STOP.contains(word), FrenchWords.NEGATION.contains(word),
						FrenchWords.NAME_CONNECTORS.contains(word), FrenchWords.PLACE_QUALIFIERS.contains(word),
						FrenchWords.COMMON_OPENERS.contains(word), FrenchWords.UNITS.contains(word),
						FrenchWords.TIME_MODES.contains(word), FrenchWords.NUMBER_WORDS.get(word),
						FrenchWords.ABBREVIATIONS.get(word), FrenchWords.LEMMAS.get(word)));
		}
		assertThat(FrenchWords.listed("maroc")).isSameAs(FrenchWords.Listed.NONE);
		assertThat(FrenchWords.listed("pas").negation()).isTrue();
	}

	/** ASCII told without Character's tables, every other character by them. */
	@Test
	void aDigitIsWhatCharacterSaysIsOne() {
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			assertThat(FrenchWords.hasDigit("x" + c)).as("U+%04X", (int) c).isEqualTo(Character.isDigit(c));
		}
	}

	@Test
	void theSharedStemIsTheStem() {
		for (String word : List.of("journaux", "sacrees", "manifestent", "hausses", "prix", "2025", "maroc", "eu")) {
			assertThat(FrenchWords.sharedStem(word, FrenchWords.listed(word))).as(word).isEqualTo(FrenchWords.stem(word));
		}
	}

	/** The endings counted and cut once: the stems of the first version, which cut them one after the other. */
	@Test
	void theSameStemsAsCuttingOneEndingAfterAnother() {
		assertThat(FrenchWords.stem("journaux")).isEqualTo("journal");
		assertThat(FrenchWords.stem("sacrees")).isEqualTo("sacr");
		assertThat(FrenchWords.stem("manifestent")).isEqualTo("manifest");
		Random random = new Random(5);
		for (int n = 0; n < 200_000; n++) {
			String word = word(random, "aeuxsnt1");
			assertThat(FrenchWords.stem(word)).as(word).isEqualTo(stemByCutting(word));
		}
	}

	private static String stemByCutting(String folded) {
		String word = FrenchWords.LEMMAS.getOrDefault(folded, folded);
		if (FrenchWords.hasDigit(word)) {
			return word;
		}
		if (word.length() > 4 && word.endsWith("aux")) {
			word = word.substring(0, word.length() - 3) + "al";
		}
		else if (word.length() > 3 && (word.endsWith("s") || word.endsWith("x"))) {
			word = word.substring(0, word.length() - 1);
		}
		if (word.length() > 6 && word.endsWith("ent")) {
			word = word.substring(0, word.length() - 3);
		}
		for (int i = 0; i < 2 && word.length() > 3 && word.endsWith("e"); i++) {
			word = word.substring(0, word.length() - 1);
		}
		return word;
	}

	private static String word(Random random, String letters) {
		StringBuilder word = new StringBuilder();
		int length = 1 + random.nextInt(9);
		for (int i = 0; i < length; i++) {
			word.append(letters.charAt(random.nextInt(letters.length())));
		}
		return word.toString();
	}

	/** One letter inserted, deleted or replaced at random, or none. */
	private static String edited(Random random, String word, String letters) {
		int at = random.nextInt(word.length() + 1);
		char letter = letters.charAt(random.nextInt(letters.length()));
		return switch (random.nextInt(4)) {
			case 0 -> word.substring(0, at) + letter + word.substring(at);
			case 1 -> (at < word.length()) ? word.substring(0, at) + word.substring(at + 1) : word;
			case 2 -> (at < word.length()) ? word.substring(0, at) + letter + word.substring(at + 1) : word;
			default -> word;
		};
	}

	private static boolean variantsByCutting(String x, String y) {
		if (x.equals(y)) {
			return true;
		}
		if (FrenchWords.hasDigit(x) || FrenchWords.hasDigit(y)) {
			return false;
		}
		int common = FrenchWords.commonPrefix(x, y);
		return (common == Math.min(x.length(), y.length()) && common >= 4) || common >= 6;
	}

	private static boolean nameVariantsByCutting(String x, String y) {
		return variantsByCutting(x, y) || (x.length() >= 6 && y.length() >= 6 && oneEditApartByCutting(x, y));
	}

	private static boolean oneEditApartByCutting(String x, String y) {
		if (Math.abs(x.length() - y.length()) > 1) {
			return false;
		}
		String shorter = (x.length() <= y.length()) ? x : y;
		String longer = (x.length() <= y.length()) ? y : x;
		int i = 0;
		while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
			i++;
		}
		if (shorter.length() == longer.length()) {
			return shorter.substring(i + Math.min(1, shorter.length() - i))
				.equals(longer.substring(i + Math.min(1, longer.length() - i)));
		}
		return shorter.substring(i).equals(longer.substring(i + 1));
	}

}

package fr.manchette.normalize;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.manchette.parse.AccentFold;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "L'Économie, en 2026 ! | ' l economie en 2026 '", "'' | '  '", "' ?! ' | '  '",
			"Œuvre—d’art | ' oeuvre d art '", "العربية 3 | ' العربيه 3 '", "1\u202F400 morts | ' 1 400 morts 1400 '",
			"1 400 000 et 12.500 | ' 1 400 000 et 12 500 1400000 12500 '", "en 2025 300 morts | ' en 2025 300 morts '",
			"٢٠٢٦ ١٠٠ | ' 2026 100 '" })
	void foldsToSpacedWords(String text, String folded) {
		assertThat(FoldedText.fold(text)).isEqualTo(folded);
	}

	/**
	 * What a reader types finds what a feed writes, both ways: the words of {@code q} start words of the folded text
	 * whatever the case, the accents, the Unicode form, the apostrophe, the hyphen or the invisible characters.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "L’ONU alerte | l'onu", "L'ONU alerte | l’ONU", "aujourd’hui | aujourd'hui",
			"Un cœur | coeur", "Un coeur | cœur", "ÉTÉ CHAUD | été", "un été | ÉTÉ", "e\u0301te\u0301 | été", "été | e\u0301te\u0301",
			"Saint-Étienne | saint etienne", "Saint\u2011Étienne | saint-étienne", "Saint-Étienne | SAINT-ETIENNE",
			"inter\u00ADnational | international", "ﬁnance | finance", "ＣＡＮ 2025 | can", "1\u202F400 morts | 1 400", "1\u202F400 morts | 1400", "10 000 manifestants | 10000",
			"العَرَبِيَّة | العربية", "العربية | العَرَبِيَّة", "المغـــرب | المغرب", "إبراهيم | ابراهيم", "ابراهيم | إبراهيم",
			"ٱلله | الله", "مستشفى | مستشفي", "مدرسة | مدرسه", "كأس ٢٠٢٦ | 2026", "كأس 2026 | ٢٠٢٦" })
	void aQueryFindsTheTextWhateverItsForms(String text, String query) {
		assertThat(FoldedText.containsAll(FoldedText.fold(text), FoldedText.words(query))).isTrue();
	}

	private static final Pattern GROUPED = Pattern.compile("(?<= )[0-9]{1,3}(?: [0-9]{3})+(?= )");

	/** The regex the hand-written fold replaced, as the oracle, on text made of the kinds of characters that matter. */
	@Test
	void foldsAsTheRegexItReplaced() {
		Pattern nonWord = Pattern.compile("[^\\p{L}\\p{N}]+");
		String pieces = "aZé9 ,.'’-\t\n\u00A0\u202FŒœßİ²½Ⅻ٣العربية😀\uD800x_«»999";
		Random random = new Random(7);
		for (int i = 0; i < 50_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int n = random.nextInt(12); n > 0; n--) {
				text.append(pieces.charAt(random.nextInt(pieces.length())));
			}
			String expected = " " + nonWord.matcher(AccentFold.fold(text.toString())).replaceAll(" ").trim() + " ";
			// Numbers in groups of three figures, once more whole.
			StringBuilder whole = new StringBuilder(expected);
			Matcher grouped = GROUPED.matcher(expected);
			while (grouped.find()) {
				whole.append(grouped.group().replace(" ", "")).append(' ');
			}
			expected = whole.toString();
			assertThat(FoldedText.fold(text.toString())).as(text.toString()).isEqualTo(expected);
		}
	}

}

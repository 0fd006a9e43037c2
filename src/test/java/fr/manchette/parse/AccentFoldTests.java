package fr.manchette.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AccentFoldTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Œuvre | oeuvre", "Sénégal | senegal", "ÉTÉ 2026 | ete 2026",
			"déjà vu | deja vu", "Cæsar | caesar", "l’Élysée « hier » | l’elysee « hier »", "rien | rien",
			"Ἀθῆναι | αθηναι", "ΟΔΟΣ | οδος", "المغرب | المغرب" })
	void foldsCaseAccentsAndLigatures(String text, String folded) {
		assertThat(AccentFold.fold(text)).isEqualTo(folded);
	}

	/** What Arabic search engines ignore: harakat, tatweel, the hamza's seat, the spellings of a final ya and ta. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "العَرَبِيَّة | العربيه", "عـــربي | عربي", "أحمد إبراهيم آمال ٱلله | احمد ابراهيم امال الله",
			"مدرسة | مدرسه", "مستشفى | مستشفي", "مُؤْتَمَر | موتمر", "٢٠٢٦ ۲۰۲۶ | 2026 2026", "\u200Fالمغرب\u200E | المغرب",
			"ﻻ ﺍﻟﻌﺮﺑﻴﺔ | لا العربيه" })
	void foldsArabicAsItsSearchEnginesDo(String text, String folded) {
		assertThat(AccentFold.fold(text)).isEqualTo(folded);
	}

	/** Compatibility forms as the letters they stand for; invisible format characters gone from inside words. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "ﬁnance ﬂeur | finance fleur", "ＡＢＣ１２３ | abc123", "XIXᵉ siècle, 1ᵉʳ | xixe siecle, 1er",
			"inter\u00ADnational | international", "zéro\u200Bvirgule | zerovirgule", "jo\u200Dint non\u200Cjoint | joint nonjoint",
			"e\u0301te\u0301 | ete" })
	void foldsCompatibilityFormsAndDropsInvisibleCharacters(String text, String folded) {
		assertThat(AccentFold.fold(text)).isEqualTo(folded);
	}

	@Test
	void leavesAsciiLowerCaseAsItIs() {
		String text = "le maroc et la france";
		assertThat(AccentFold.fold(text)).isSameAs(text);
	}

	/**
	 * The table folds a character at a time what the Normalizer folds a text at a time: the same text out, on text
	 * made of every kind of character near the tables' edges (marks after letters, Greek final sigma, surrogates).
	 */
	@Test
	void foldsAsTheNormalizer() {
		String pieces = "aZé9 ,.'’-\t\u00A0\u202FŒœÆæßİıÅÅǅǄ\u0301\u0327\u036F\u0370ΣσςΑ\u2013\u2014\u2026€\u20CF\u20D0"
				+ "\u20D2ⅫﬁÀ٣العربية😀\uD800\u1E9E\u0149ǰ";
		Random random = new Random(11);
		for (int i = 0; i < 100_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int n = random.nextInt(10); n > 0; n--) {
				text.append(pieces.charAt(random.nextInt(pieces.length())));
			}
			String sample = text.toString();
			assertThat(AccentFold.fold(sample)).as(sample).isEqualTo(AccentFold.normalized(sample));
		}
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			String one = String.valueOf(c);
			assertThat(AccentFold.fold("A" + one + "é")).as("U+%04X", (int) c)
				.isEqualTo(AccentFold.normalized("A" + one + "é"));
		}
	}

	/** Real French feeds (../shared/corpus, skipped when absent): every line folds as the Normalizer folds it. */
	@Test
	void foldsRealFeedsAsTheNormalizer() throws IOException {
		Path corpus = Path.of("..", "shared", "corpus", "real-fr");
		assumeTrue(Files.isDirectory(corpus), () -> "no corpus at " + corpus.toAbsolutePath().normalize());
		int lines = 0;
		try (Stream<Path> files = Files.walk(corpus)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
				for (String line : content.split("\n")) {
					assertThat(AccentFold.fold(line)).isEqualTo(AccentFold.normalized(line));
					lines++;
				}
			}
		}
		assertThat(lines).isGreaterThan(1000);
	}

}

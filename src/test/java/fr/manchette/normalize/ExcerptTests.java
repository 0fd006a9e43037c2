package fr.manchette.normalize;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptTests {

	/**
	 * Text without a space to cut at (emoji sequences, flags, Arabic with harakat, decomposed accents) is cut between
	 * two characters as a reader sees them, at every length: never inside a surrogate pair, a ZWJ sequence, a flag,
	 * or between a letter and its marks.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "👨\u200D👩\u200D👧\u200D👦", "🇲🇦🇫🇷", "👍🏽", "العَرَبِيَّةُ", "e\u0301te\u0301", "😀" })
	void neverCutsInsideWhatAReaderSeesAsOneCharacter(String piece) {
		String text = piece.repeat(40);
		Set<Integer> boundaries = new HashSet<>(Set.of(0));
		Matcher graphemes = Pattern.compile("\\X").matcher(text);
		while (graphemes.find()) {
			boundaries.add(graphemes.end());
		}
		for (int max = 10; max < 60; max++) {
			String excerpt = Excerpt.of(text, max);
			assertThat(excerpt).hasSizeLessThanOrEqualTo(max).endsWith("…");
			String head = excerpt.substring(0, excerpt.length() - 1);
			assertThat(text).startsWith(head);
			assertThat(boundaries).as("cut at %d of %d", head.length(), max).contains(head.length());
		}
	}

}

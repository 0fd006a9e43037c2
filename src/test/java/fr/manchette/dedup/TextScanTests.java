package fr.manchette.dedup;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each scan gives the answer of the pattern it stands for, on texts made of the characters that matter to it. */
class TextScanTests {

	/** Letters, digits, the characters the scans look for, spaces of every kind, and a surrogate pair. */
	private static final String ALPHABET = "ab9 \t\n\u000B\f\r\u00A0\u202F-–—|:.!?,;()'’‘‛ʼ´`«»“”„‟\"‹›[]%°\uD83D\uDE00é";

	@Test
	void replacingCharactersIsReplacingWhatTheirClassMatches() {
		Random random = new Random(7);
		for (int n = 0; n < 20_000; n++) {
			String text = text(random);
			assertThat(TextScan.replace(text, TextScan.chars("’‘‛ʼ´`"), '\'')).isEqualTo(text.replaceAll("[’‘‛ʼ´`]", "'"));
			assertThat(TextScan.replace(text, TextScan.chars("«»“”„‟\"‹›"), ' ')).isEqualTo(text.replaceAll("[«»“”„‟\"‹›]", " "));
			assertThat(TextScan.replace(text, TextScan.chars("\u00A0\u202F\u2009\u2007\u200A"), ' '))
				.isEqualTo(text.replaceAll("[\\u00A0\\u202F\\u2009\\u2007\\u200A]", " "));
		}
		String untouched = "Le Maroc bat le Bénin";
		assertThat(TextScan.replace(untouched, TextScan.chars("«»"), ' ')).isSameAs(untouched);
	}

	@Test
	void aClauseBreakIsFoundWhereThePatternFindsIt() {
		Pattern clauseBreak = Pattern.compile("[:.!?–—|]|\\s-\\s");
		Pattern clauseOrComma = Pattern.compile("[:.!?–—|,;()]|\\s-\\s");
		Random random = new Random(11);
		for (int n = 0; n < 50_000; n++) {
			String gap = text(random);
			assertThat(TextScan.hasAnyOrSpacedHyphen(gap, TextScan.chars(":.!?–—|"))).as(gap).isEqualTo(clauseBreak.matcher(gap).find());
			assertThat(TextScan.hasAnyOrSpacedHyphen(gap, TextScan.chars(":.!?–—|,;()"))).as(gap)
				.isEqualTo(clauseOrComma.matcher(gap).find());
		}
		assertThat(TextScan.hasAnyOrSpacedHyphen(" - ", TextScan.chars(":"))).isTrue();
		assertThat(TextScan.hasAnyOrSpacedHyphen("-", TextScan.chars(":"))).isFalse();
		assertThat(TextScan.hasAnyOrSpacedHyphen("\u00A0-\u00A0", TextScan.chars(":"))).isFalse();
	}

	@Test
	void aDigitIsWhatTheBackslashDOfAPatternMeans() {
		Pattern digit = Pattern.compile("\\d");
		for (String text : new String[] { "", "abc", "a1", "٣", "１", "2025" }) {
			assertThat(TextScan.hasAsciiDigit(text)).as(text).isEqualTo(digit.matcher(text).find());
		}
	}

	/** A set of characters holds every character of its text, ASCII or not, and no other. */
	@Test
	void aSetOfCharactersHoldsItsCharactersAndNoOther() {
		for (String chars : new String[] { "", "’‘‛ʼ´`", "«»“”„‟\"‹›", ":.!?–—|,;()", "'.-", "\u0000?@\u007F\u0080\uFFFF" }) {
			TextScan.Chars set = TextScan.chars(chars);
			for (char c = 0; c < Character.MAX_VALUE; c++) {
				assertThat(set.contains(c)).as(chars + " " + (int) c).isEqualTo(chars.indexOf(c) >= 0);
			}
			assertThat(set.contains(Character.MAX_VALUE)).isEqualTo(chars.indexOf(Character.MAX_VALUE) >= 0);
		}
	}

	/** Up to six characters of the alphabet: gaps between words are short, and short texts cover every case. */
	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(7);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

}

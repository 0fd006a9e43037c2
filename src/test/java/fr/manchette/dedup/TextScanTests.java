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
	void thousandsSeparatorsAndDecimalCommasAreWhatTheirPatternsReplace() {
		Pattern thousands = Pattern.compile("(?<=\\d)[ .](?=\\d{3}(?!\\d))");
		Pattern decimalComma = Pattern.compile("(?<=\\d),(?=\\d)");
		String alphabet = "0912 .,a٣";
		Random random = new Random(13);
		for (int n = 0; n < 100_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String given = text.toString();
			assertThat(TextScan.withoutThousandsSeparators(given)).as(given)
				.isEqualTo(thousands.matcher(given).replaceAll(""));
			assertThat(TextScan.withDecimalPoints(given)).as(given).isEqualTo(decimalComma.matcher(given).replaceAll("."));
		}
		assertThat(TextScan.withoutThousandsSeparators("1 000 000 et 1.400 mais 10 0000")).isEqualTo("1000000 et 1400 mais 10 0000");
		String untouched = "2025 : 12 morts";
		assertThat(TextScan.withoutThousandsSeparators(untouched)).isSameAs(untouched);
		assertThat(TextScan.withDecimalPoints(untouched)).isSameAs(untouched);
	}

	/** The tokens of a headline are the matches of the pattern they were once found by. */
	@Test
	void tokensAreWhatTheirPatternFinds() {
		Pattern token = Pattern.compile("[\\p{L}\\p{N}]+(?:['.&-][\\p{L}\\p{N}]+)*%?");
		// Letters and figures of several kinds (« ½ », « Ⅲ », Arabic digits, a letter beyond the 16 bits, half of a
		// surrogate pair alone), the joiners, the per cent and what separates.
		String[] alphabet = { "a", "É", "9", "٣", "½", "Ⅲ", "\uD835\uDC00", "\uD83D\uDE00", "\uD835", "\uDC00", "'", ".",
				"&", "-", "%", " ", ":", "’", "_" };
		Random random = new Random(17);
		for (int n = 0; n < 100_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(10);
			for (int i = 0; i < length; i++) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String given = text.toString();
			StringBuilder expected = new StringBuilder();
			java.util.regex.Matcher matcher = token.matcher(given);
			while (matcher.find()) {
				expected.append('[').append(matcher.start()).append(',').append(matcher.end()).append(']');
			}
			StringBuilder scanned = new StringBuilder();
			int at = HeadlineParts.tokenStart(given, 0);
			while (at < given.length()) {
				int end = HeadlineParts.tokenEnd(given, at);
				scanned.append('[').append(at).append(',').append(end).append(']');
				at = HeadlineParts.tokenStart(given, end);
			}
			assertThat(scanned.toString()).as(given).isEqualTo(expected.toString());
		}
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

package fr.manchette.normalize;

import java.util.Arrays;
import java.util.List;

import fr.manchette.parse.AccentFold;

/**
 * Text folded for comparing words: {@link AccentFold} (lower case, no accents, ligatures and compatibility forms
 * split, invisible characters dropped, Arabic folded as its search engines fold it), every run of what
 * is not a letter or a digit one space, and a space on each side, so that "etoile" finds "Étoile", "oeuvre" finds
 * "œuvre", and a word start is found with {@code " " + word}. The one fold of {@code q} searches and of the words of feeds.yml's rules.
 */
public final class FoldedText {

	private FoldedText() {
	}

	/** The folded text, padded with a space on each side. */
	public static String fold(String text) {
		String folded = AccentFold.fold(text);
		StringBuilder spaced = new StringBuilder(folded.length() + 2).append(' ');
		// Every run of what is neither a letter nor a digit (\p{L}, \p{N}) one space, by hand: this folds the text of
		// every item stored, and a regex's replaceAll cost twice the fold itself.
		boolean grouped = false;
		for (int i = 0; i < folded.length();) {
			int codePoint = folded.codePointAt(i);
			if (isWordPart(codePoint)) {
				int last = spaced.length() - 1;
				grouped |= isDigit(codePoint) && spaced.charAt(last) == ' ' && last > 0 && isDigit(spaced.charAt(last - 1));
				spaced.appendCodePoint(codePoint);
			}
			else if (spaced.charAt(spaced.length() - 1) != ' ') {
				spaced.append(' ');
			}
			i += Character.charCount(codePoint);
		}
		if (spaced.length() == 1 || spaced.charAt(spaced.length() - 1) != ' ') {
			// Nothing but spaces reads "  ", as the padding of nothing.
			spaced.append(' ');
		}
		if (grouped) {
			appendGroupedNumbers(spaced);
		}
		return spaced.toString();
	}

	/**
	 * Numbers written in groups of three figures, as French feeds write them (« 1 400 », « 10 000 », with a narrow
	 * no-break space, a space, a dot or a comma between the groups), written once more whole at the end, so that
	 * « 1400 » finds « 1 400 » as « 1 400 » does: a first group of one to three figures, then groups of three.
	 */
	private static void appendGroupedNumbers(StringBuilder spaced) {
		int length = spaced.length();
		int start = 1;
		while (start < length) {
			int end = spaced.indexOf(" ", start);
			int first = figures(spaced, start, end);
			int next = end + 1;
			StringBuilder whole = null;
			while (first >= 1 && first <= 3 && next < length) {
				int nextEnd = spaced.indexOf(" ", next);
				if (figures(spaced, next, nextEnd) != 3) {
					break;
				}
				if (whole == null) {
					whole = new StringBuilder().append(spaced, start, end);
				}
				whole.append(spaced, next, nextEnd);
				end = nextEnd;
				next = nextEnd + 1;
			}
			if (whole != null) {
				spaced.append(whole).append(' ');
			}
			start = end + 1;
		}
	}

	/** How many characters {@code from} to {@code to} are, when all are ASCII figures; -1 otherwise. */
	private static int figures(CharSequence text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isDigit(text.charAt(i))) {
				return -1;
			}
		}
		return to - from;
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isWordPart(int codePoint) {
		if (codePoint < 0x80) {
			return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
					|| (codePoint >= '0' && codePoint <= '9');
		}
		return switch (Character.getType(codePoint)) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
					Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
					Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
			default -> false;
		};
	}

	/** The distinct folded words of a query or a rule, in order. */
	public static List<String> words(String query) {
		return Arrays.stream(fold(query).trim().split(" ")).filter((word) -> !word.isEmpty()).distinct().toList();
	}

	/** Whether every word starts a word of the folded text: {@code econom} is in « L'économie ». */
	public static boolean containsAll(String folded, List<String> words) {
		for (String word : words) {
			if (!folded.contains(" " + word)) {
				return false;
			}
		}
		return true;
	}

}

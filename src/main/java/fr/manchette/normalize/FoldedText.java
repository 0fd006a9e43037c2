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
		for (int i = 0; i < folded.length();) {
			int codePoint = folded.codePointAt(i);
			if (isWordPart(codePoint)) {
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
		return spaced.toString();
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

package fr.manchette.normalize;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import fr.manchette.parse.AccentFold;

/**
 * Text folded for comparing words: {@link AccentFold} (lower case, no accents, ligatures split), every run of what
 * is not a letter or a digit one space, and a space on each side, so that "etoile" finds "Étoile", "oeuvre" finds
 * "œuvre", and a word start is found with {@code " " + word}. The one fold of {@code q} searches and of the words of feeds.yml's rules.
 */
public final class FoldedText {

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private FoldedText() {
	}

	/** The folded text, padded with a space on each side. */
	public static String fold(String text) {
		String spaced = NON_WORD.matcher(AccentFold.fold(text)).replaceAll(" ").trim();
		return " " + spaced + " ";
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

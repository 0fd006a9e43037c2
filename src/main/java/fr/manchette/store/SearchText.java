package fr.manchette.store;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The folded form in which items are searched: lower case, no accents, ligatures split, so that "etoile" finds
 * "Étoile" and "oeuvre" finds "œuvre" whatever the database's collation.
 */
final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final int MAX_LENGTH = 4000;

	private SearchText() {
	}

	static String fold(String text) {
		String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
		String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		String spaced = NON_WORD.matcher(bare).replaceAll(" ").trim();
		// Spaces around, so that a word can be matched at a word start with LIKE '% word%'.
		String folded = " " + spaced + " ";
		return (folded.length() > MAX_LENGTH) ? folded.substring(0, MAX_LENGTH) : folded;
	}

	static List<String> words(String query) {
		return Arrays.stream(fold(query).trim().split(" ")).filter((word) -> !word.isEmpty()).distinct().toList();
	}

}

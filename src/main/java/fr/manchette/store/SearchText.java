package fr.manchette.store;

import java.util.List;

import fr.manchette.normalize.FoldedText;

/**
 * The folded form in which items are searched: lower case, no accents, ligatures split, so that "etoile" finds
 * "Étoile" and "oeuvre" finds "œuvre" whatever the database's collation.
 */
final class SearchText {

	private static final int MAX_LENGTH = 4000;

	private SearchText() {
	}

	static String fold(String text) {
		// Spaces around, so that a word can be matched at a word start with LIKE '% word%'.
		String folded = FoldedText.fold(text);
		return (folded.length() > MAX_LENGTH) ? folded.substring(0, MAX_LENGTH) : folded;
	}

	static List<String> words(String query) {
		return FoldedText.words(query);
	}

}

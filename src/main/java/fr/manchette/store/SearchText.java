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
		if (folded.length() <= MAX_LENGTH) {
			return folded;
		}
		// Not between the halves of a surrogate pair (a letter past U+FFFF): PostgreSQL would store the half as « ? ».
		return folded.substring(0, Character.isHighSurrogate(folded.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH);
	}

	static List<String> words(String query) {
		return FoldedText.words(query);
	}

}

package fr.manchette.editorial;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.manchette.parse.WordLists;

/**
 * Tells, without Lingua, a text that is plainly French: two French function words, no English or Spanish one, no
 * Arabic letter. Most items of a French feed are such texts, and Lingua costs more than anything else done to an item
 * before the store; what is not plain (a short title, a mixed one, another language) goes to Lingua as before.
 */
final class PlainFrench {

	/** Lower-case words as written, accents included: they are looked up in the text as it is, without a fold. */
	private static final Pattern WORD = Pattern.compile("\\p{Ll}+");

	private static final Set<String> FRENCH = Set.copyOf(WordLists.entries("french-function-words", WORD));

	private static final Set<String> OTHERS = Set.copyOf(WordLists.entries("english-spanish-function-words", WORD));

	/**
	 * The longest word of either list: a longer word of the text is none of theirs (lower-casing never shortens a
	 * word), and is passed over without being copied and looked up; most words of a text are.
	 */
	private static final int LONGEST = Stream.concat(FRENCH.stream(), OTHERS.stream())
		.mapToInt(String::length)
		.max()
		.orElse(0);

	private PlainFrench() {
	}

	static boolean is(String text) {
		return frenchWords(text) >= 2;
	}

	/**
	 * Whether the text has a French function word and no English or Spanish one, nor an Arabic letter: too little to
	 * tell without the detector, enough to take French when the detector is not clearly sure of another language.
	 */
	static boolean leans(String text) {
		return frenchWords(text) >= 1;
	}

	/** How many French function words the text has, or -1 when it has an English or Spanish one or Arabic letters. */
	private static int frenchWords(String text) {
		Set<String> french = null;
		// Read as far as the detector would, to a word's end: a word cut short may read as another (« lesquels »).
		int length = (text.length() <= LanguageDetector.MAX_CHARS) ? text.length()
				: Math.max(0, text.lastIndexOf(' ', LanguageDetector.MAX_CHARS));
		int start = -1;
		for (int i = 0; i <= length; i++) {
			char c = (i < length) ? text.charAt(i) : ' ';
			// Character.UnicodeBlock.ARABIC, compared as its range: UnicodeBlock.of searches every block, per char.
			if (c >= '\u0600' && c <= '\u06FF') {
				return -1;
			}
			if (Character.isLetter(c)) {
				if (start < 0) {
					start = i;
				}
				continue;
			}
			if (start >= 0 && i - start > LONGEST) {
				start = -1;
			}
			else if (start >= 0) {
				String word = text.substring(start, i).toLowerCase(Locale.ROOT);
				start = -1;
				if (OTHERS.contains(word)) {
					return -1;
				}
				if (FRENCH.contains(word)) {
					french = (french != null) ? french : new HashSet<>(4);
					french.add(word);
				}
			}
		}
		return (french != null) ? french.size() : 0;
	}

}

package fr.manchette.parse;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one accent and case fold of the service: lower case, accents off, ligatures split, so that « Œuvre » is
 * « oeuvre » and « Sénégal » is « senegal ». Dates (here and in normalize), the story matcher's words, the word lists
 * and {@code q} searches all compare words folded so. In parse, the first stage that reads words.
 * <p>
 * It folds the text of every item stored and every headline read: a text of Latin letters, marks and punctuation
 * (French text) is folded a character at a time from a table; any other text takes the Normalizer. The table is
 * made by the Normalizer itself, one character at a time, so both give the same text: over these characters the fold
 * of a text is the folds of its characters put end to end (lower case without context, a decomposition of each
 * character, the marks taken off wherever canonical order puts them).
 */
public final class AccentFold {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** The characters below it are folded from {@link #LATIN}: Latin letters, IPA, spacing modifiers, marks. */
	private static final char LATIN_END = 0x370;

	/** General punctuation and currency signs (’ « – — … € and the thin spaces): folded from {@link #PUNCTUATION}. */
	private static final char PUNCTUATION_START = 0x2000;

	private static final char PUNCTUATION_END = 0x20D0;

	private static final String[] LATIN = table((char) 0, LATIN_END);

	private static final String[] PUNCTUATION = table(PUNCTUATION_START, PUNCTUATION_END);

	private AccentFold() {
	}

	/** The text in lower case, without accents, « œ » and « æ » written out. */
	public static String fold(String text) {
		int length = text.length();
		int i = 0;
		// Most words of French headlines are ASCII lower case: the text itself.
		while (i < length) {
			char c = text.charAt(i);
			if (c >= 128 || (c >= 'A' && c <= 'Z')) {
				break;
			}
			i++;
		}
		if (i == length) {
			return text;
		}
		StringBuilder folded = new StringBuilder(length).append(text, 0, i);
		for (; i < length; i++) {
			String fold = tableFold(text.charAt(i));
			if (fold == null) {
				return normalized(text);
			}
			folded.append(fold);
		}
		return folded.toString();
	}

	/** The fold of a character from the tables, or null for a character outside them. */
	private static String tableFold(char c) {
		if (c < LATIN_END) {
			return LATIN[c];
		}
		if (c >= PUNCTUATION_START && c < PUNCTUATION_END) {
			return PUNCTUATION[c - PUNCTUATION_START];
		}
		return null;
	}

	/** The fold by the Normalizer: what the tables are made of, and what folds any other text. */
	static String normalized(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		boolean ascii = true;
		for (int i = 0; i < lower.length() && ascii; i++) {
			ascii = lower.charAt(i) < 128;
		}
		if (ascii) {
			return lower;
		}
		lower = lower.replace("œ", "oe").replace("æ", "ae");
		return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}

	private static String[] table(char from, char to) {
		String[] table = new String[to - from];
		for (char c = from; c < to; c++) {
			table[c - from] = normalized(String.valueOf(c)).intern();
		}
		return table;
	}

}

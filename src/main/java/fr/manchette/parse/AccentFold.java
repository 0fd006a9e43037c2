package fr.manchette.parse;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one accent and case fold of the service: lower case, accents off, ligatures split, so that « Œuvre » is
 * « oeuvre » and « Sénégal » is « senegal ». Dates (here and in normalize), the story matcher's words, the word lists
 * and {@code q} searches all compare words folded so. In parse, the first stage that reads words.
 * <p>
 * Compatibility forms are read as the letters they stand for (NFKD): « ﬁ » is « fi », full-width « Ａ » is « a »,
 * « 1ᵉʳ » is « 1er ». Invisible format characters (soft hyphen, zero-width joiners, marks of writing direction) are
 * dropped, so a word they sit in stays one word. Arabic is folded as its search engines fold it: harakat and the
 * hamza over or under a carrier are marks, dropped with the accents; tatweel is dropped; « ٱ » is « ا » (as « أ إ
 * آ » are, by the marks); « ى » is « ي », « ة » is « ه »; Arabic-Indic figures are ASCII ones (« ٢٠٢٦ » is « 2026 »).
 * <p>
 * It folds the text of every item stored and every headline read: a text of Latin letters, marks and punctuation
 * (French text) is folded a character at a time from a table; any other text takes the Normalizer. The table is
 * made by the Normalizer itself, one character at a time, so both give the same text: over these characters the fold
 * of a text is the folds of its characters put end to end (lower case without context, a decomposition of each
 * character, the marks taken off wherever canonical order puts them).
 */
public final class AccentFold {

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
		boolean ascii = true;
		for (int i = 0; i < text.length() && ascii; i++) {
			ascii = text.charAt(i) < 128;
		}
		if (ascii) {
			return text.toLowerCase(Locale.ROOT);
		}
		// Decomposed first, then lower case: a compatibility form may stand for a capital (« ℌ », « Ⓐ »).
		String lower = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
		StringBuilder folded = new StringBuilder(lower.length());
		for (int i = 0; i < lower.length();) {
			int c = lower.codePointAt(i);
			i += Character.charCount(c);
			switch (Character.getType(c)) {
				case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
						Character.FORMAT -> {
					// Accents, harakat, hamza over or under its carrier; soft hyphen, joiners, direction marks.
				}
				default -> {
					switch (c) {
						case 'œ' -> folded.append("oe");
						case 'æ' -> folded.append("ae");
						case '\u0640' -> {
							// Tatweel, which only stretches a word.
						}
						case '\u0671' -> folded.append('\u0627'); // alef wasla: alef
						case '\u0649' -> folded.append('\u064A'); // alef maqsura: ya
						case '\u0629' -> folded.append('\u0647'); // ta marbuta: ha
						default -> folded.appendCodePoint(arabicIndicDigit(c));
					}
				}
			}
		}
		return folded.toString();
	}

	/** The text with its Arabic-Indic figures as ASCII ones, and nothing else changed: « ١٩:٣٥ » is « 19:35 ». */
	static String asciiDigits(String text) {
		StringBuilder ascii = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int digit = arabicIndicDigit(c);
			if (digit != c && ascii == null) {
				ascii = new StringBuilder(text);
			}
			if (ascii != null) {
				ascii.setCharAt(i, (char) digit);
			}
		}
		return (ascii != null) ? ascii.toString() : text;
	}

	/** An Arabic-Indic figure (U+0660 to U+0669, or the eastern ones U+06F0 to U+06F9) as the ASCII one. */
	private static int arabicIndicDigit(int c) {
		if (c >= 0x660 && c <= 0x669) {
			return '0' + c - 0x660;
		}
		if (c >= 0x6F0 && c <= 0x6F9) {
			return '0' + c - 0x6F0;
		}
		return c;
	}

	private static String[] table(char from, char to) {
		String[] table = new String[to - from];
		for (char c = from; c < to; c++) {
			table[c - from] = normalized(String.valueOf(c)).intern();
		}
		return table;
	}

}

package fr.manchette.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shortens plain text at a word boundary, so that tickers and readers never show half a word. */
final class Excerpt {

	private static final String ELLIPSIS = "…";

	/** What may be left dangling before the ellipsis: spaces, no-break spaces, and the punctuation they precede. */
	private static final Pattern GRAPHEME = Pattern.compile("\\X");

	private static final Pattern DANGLING = Pattern.compile("[\\s\\u00A0\\u202F,;:«(\\[-]+$");

	private Excerpt() {
	}

	/**
	 * The text itself when it fits, else its longest prefix ending at a space, followed by "…".
	 * @param text plain text, already folded
	 * @param max the length of the result, ellipsis included
	 * @return at most {@code max} characters
	 */
	static String of(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int limit = max - ELLIPSIS.length();
		// Cut only at an ASCII space: a no-break space binds « to its word and : to the one before.
		int cut = text.lastIndexOf(' ', limit);
		if (cut < limit / 2) {
			cut = graphemeStart(text, limit);
		}
		String head = DANGLING.matcher(text.substring(0, cut)).replaceAll("");
		return head + ELLIPSIS;
	}

	/**
	 * The start of the character a reader sees at {@code index} (a grapheme): a cut there keeps a letter with its
	 * accents or harakat, an emoji with its skin tone or the people its joiners join, a flag's two letters together.
	 */
	private static int graphemeStart(String text, int index) {
		Matcher graphemes = GRAPHEME.matcher(text);
		int start = 0;
		while (graphemes.find() && graphemes.end() <= index) {
			start = graphemes.end();
		}
		return start;
	}

}

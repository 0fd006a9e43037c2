package fr.manchette.normalize;

import java.util.regex.Pattern;

/** Shortens plain text at a word boundary, so that tickers and readers never show half a word. */
final class Excerpt {

	private static final String ELLIPSIS = "…";

	/** What may be left dangling before the ellipsis: spaces, no-break spaces, and the punctuation they precede. */
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
			cut = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
		}
		String head = DANGLING.matcher(text.substring(0, cut)).replaceAll("");
		return head + ELLIPSIS;
	}

}

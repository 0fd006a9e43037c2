package fr.manchette.dedup;

/**
 * Scans of a headline's characters that its reading does for every item: each says in a comment the pattern it gives
 * the same answer as. A regular expression costs a matcher and a search for every headline; most headlines have none
 * of the characters these look for, and a loop over them tells so for less.
 */
final class TextScan {

	private TextScan() {
	}

	/** The text with every character of {@code chars} replaced by {@code with}: the very text when it has none. */
	static String replace(String text, String chars, char with) {
		int first = indexOfAny(text, chars, 0);
		if (first < 0) {
			return text;
		}
		char[] replaced = text.toCharArray();
		for (int i = first; i < replaced.length; i++) {
			if (chars.indexOf(replaced[i]) >= 0) {
				replaced[i] = with;
			}
		}
		return new String(replaced);
	}

	/** Whether the text has one of these characters. */
	static boolean hasAny(String text, String chars) {
		return indexOfAny(text, chars, 0) >= 0;
	}

	/** Where the first of these characters is from {@code from} on, or -1. */
	static int indexOfAny(String text, String chars, int from) {
		for (int i = from; i < text.length(); i++) {
			if (chars.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/** Whether the text has a digit as a regular expression's {@code \d} means it: 0 to 9. */
	static boolean hasAsciiDigit(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isAsciiDigit(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Whether the text has one of {@code chars}, or a hyphen between two spaces: what {@code find} of
	 * {@code [chars]|\s-\s} says, {@code \s} being a space, a tab, a line break, a form feed or a vertical tab.
	 */
	static boolean hasAnyOrSpacedHyphen(String text, String chars) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (chars.indexOf(c) >= 0) {
				return true;
			}
			if (c == '-' && i > 0 && i + 1 < text.length() && isRegexSpace(text.charAt(i - 1))
					&& isRegexSpace(text.charAt(i + 1))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

}

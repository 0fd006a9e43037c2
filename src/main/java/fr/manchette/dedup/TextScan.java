package fr.manchette.dedup;

/**
 * Scans of a headline's characters that its reading does for every item: each says in a comment the pattern it gives
 * the same answer as. A regular expression costs a matcher and a search for every headline; most headlines have none
 * of the characters these look for, and a loop over them tells so for less.
 */
final class TextScan {

	private TextScan() {
	}

	/**
	 * A set of characters to look for, a regular expression's {@code [...]} of them. Headlines are mostly ASCII: an
	 * ASCII character is told in or out by a bit of a mask, where {@code String.indexOf} over the set, for every
	 * character of a headline, was a tenth of reading it under the quick compiler.
	 */
	static final class Chars {

		private final long[] latin1 = new long[4];

		private final char[] beyond;

		private Chars(String chars) {
			StringBuilder beyond = new StringBuilder();
			for (int i = 0; i < chars.length(); i++) {
				char c = chars.charAt(i);
				if (c < 256) {
					this.latin1[c >> 6] |= 1L << c;
				}
				else {
					beyond.append(c);
				}
			}
			this.beyond = beyond.toString().toCharArray();
		}

		/**
		 * Latin-1 (the letters of French but « œ », and « » ´) by a bit of four masks; the few characters beyond
		 * (’ – —) by a loop over them, where {@code String.indexOf} was a tenth of reading a headline with accents.
		 */
		boolean contains(char c) {
			if (c < 256) {
				return (this.latin1[c >> 6] & (1L << c)) != 0;
			}
			for (char other : this.beyond) {
				if (other == c) {
					return true;
				}
			}
			return false;
		}

	}

	/** The set of these characters. */
	static Chars chars(String chars) {
		return new Chars(chars);
	}

	/** The text with every character of {@code chars} replaced by {@code with}: the very text when it has none. */
	static String replace(String text, Chars chars, char with) {
		int first = indexOfAny(text, chars, 0);
		if (first < 0) {
			return text;
		}
		char[] replaced = text.toCharArray();
		for (int i = first; i < replaced.length; i++) {
			if (chars.contains(replaced[i])) {
				replaced[i] = with;
			}
		}
		return new String(replaced);
	}

	/** Whether the text has one of these characters. */
	static boolean hasAny(String text, Chars chars) {
		return indexOfAny(text, chars, 0) >= 0;
	}

	/** Where the first of these characters is from {@code from} on, or -1. */
	static int indexOfAny(String text, Chars chars, int from) {
		for (int i = from; i < text.length(); i++) {
			if (chars.contains(text.charAt(i))) {
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

	/**
	 * The text without its thousands separators: what {@code replaceAll("")} of {@code (?<=\d)[ .](?=\d{3}(?!\d))}
	 * gives, a space or a dot after a digit and before a group of exactly three ("10 000", "1.400"). The very text
	 * when it has none.
	 */
	static String withoutThousandsSeparators(String text) {
		StringBuilder kept = null;
		int copied = 0;
		for (int i = 1; i + 3 < text.length(); i++) {
			char c = text.charAt(i);
			if ((c == ' ' || c == '.') && isAsciiDigit(text.charAt(i - 1)) && isAsciiDigit(text.charAt(i + 1))
					&& isAsciiDigit(text.charAt(i + 2)) && isAsciiDigit(text.charAt(i + 3))
					&& (i + 4 == text.length() || !isAsciiDigit(text.charAt(i + 4)))) {
				kept = (kept != null) ? kept : new StringBuilder(text.length());
				kept.append(text, copied, i);
				copied = i + 1;
			}
		}
		return (kept != null) ? kept.append(text, copied, text.length()).toString() : text;
	}

	/**
	 * The text with a point for each comma between two digits: what {@code replaceAll(".")} of
	 * {@code (?<=\d),(?=\d)} gives ("2,25" is 2.25). The very text when it has none.
	 */
	static String withDecimalPoints(String text) {
		char[] replaced = null;
		for (int i = 1; i + 1 < text.length(); i++) {
			if (text.charAt(i) == ',' && isAsciiDigit(text.charAt(i - 1)) && isAsciiDigit(text.charAt(i + 1))) {
				replaced = (replaced != null) ? replaced : text.toCharArray();
				replaced[i] = '.';
			}
		}
		return (replaced != null) ? new String(replaced) : text;
	}

	static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Whether the text has one of {@code chars}, or a hyphen between two spaces: what {@code find} of
	 * {@code [chars]|\s-\s} says, {@code \s} being a space, a tab, a line break, a form feed or a vertical tab.
	 */
	static boolean hasAnyOrSpacedHyphen(String text, Chars chars) {
		return hasAnyOrSpacedHyphen(text, 0, text.length(), chars);
	}

	/**
	 * {@link #hasAnyOrSpacedHyphen(String, Chars)} of the text from {@code from} to {@code to}, read in place: the
	 * gaps between a headline's words, without a string for each.
	 */
	static boolean hasAnyOrSpacedHyphen(String text, int from, int to, Chars chars) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (chars.contains(c)) {
				return true;
			}
			if (c == '-' && i > from && i + 1 < to && isRegexSpace(text.charAt(i - 1))
					&& isRegexSpace(text.charAt(i + 1))) {
				return true;
			}
		}
		return false;
	}

	/** Where {@code c} is in the text from {@code from} to {@code to}, or -1. */
	static int indexOf(String text, char c, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) == c) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

}

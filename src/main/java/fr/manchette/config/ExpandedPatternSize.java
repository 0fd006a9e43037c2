package fr.manchette.config;

/**
 * How large an RE2 pattern is once its counted repetitions are written out: {@code ((a{1000}){1000}){1000}} is a
 * billion. RE2/J compiles every repetition out, and has no ceiling of its own (RE2 in C++ has one): such a pattern in
 * feeds.yml would fill the heap when the file is read, and end the service. An estimate from the text, on the high
 * side; a pattern is never parsed beyond what counting needs.
 */
final class ExpandedPatternSize {

	/** Far beyond any rule's need (RE2/J itself allows x{1000}), far below what fills a heap. */
	static final int MAX = 10_000;

	private ExpandedPatternSize() {
	}

	/** The size, or {@code MAX + 1} as soon as it is over {@link #MAX}. */
	static int of(String pattern) {
		int[] enclosing = new int[pattern.length() + 1];
		int depth = 0;
		int size = 0;
		int last = 0;
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c == '(') {
				enclosing[depth++] = size;
				size = 0;
				last = 0;
				i++;
				continue;
			}
			if (c == ')' && depth > 0) {
				last = Math.max(1, size);
				size = capped(enclosing[--depth] + last);
				i++;
				continue;
			}
			int end = (c == '{') ? repeatEnd(pattern, i) : -1;
			if (end > 0) {
				int times = times(pattern.substring(i + 1, end));
				size = capped(size + (long) last * (times - 1));
				last = capped((long) last * times);
				i = end + 1;
				continue;
			}
			// Any other atom: a character, an escape, a class; an operator counts as one, on the high side.
			i = (c == '\\') ? escapeEnd(pattern, i) : (c == '[') ? classEnd(pattern, i) : i + 1;
			last = 1;
			size = capped(size + 1L);
		}
		return size;
	}

	private static int capped(long size) {
		return (int) Math.min(size, MAX + 1L);
	}

	/** The index of the } of a counted repetition {n}, {n,} or {n,m} at {@code open}, or -1 for a literal {. */
	private static int repeatEnd(String pattern, int open) {
		int close = pattern.indexOf('}', open);
		return (close > open + 1 && pattern.substring(open + 1, close).matches("\\d+(,\\d*)?")) ? close : -1;
	}

	// The most times the repeated atom is written out: m of {n,m}, n + 1 of {n,}, n of {n}.
	private static int times(String counts) {
		int comma = counts.indexOf(',');
		String most = (comma < 0) ? counts : (comma == counts.length() - 1) ? null : counts.substring(comma + 1);
		String number = (most != null) ? most : counts.substring(0, comma);
		int times = (number.length() > 6) ? MAX + 1 : Integer.parseInt(number);
		return Math.max(1, (most == null) ? times + 1 : times);
	}

	private static int escapeEnd(String pattern, int backslash) {
		int next = backslash + 1;
		if (next + 1 < pattern.length() && "pPx".indexOf(pattern.charAt(next)) >= 0
				&& pattern.charAt(next + 1) == '{') {
			int close = pattern.indexOf('}', next);
			return (close > 0) ? close + 1 : pattern.length();
		}
		return Math.min(next + 1, pattern.length());
	}

	private static int classEnd(String pattern, int open) {
		int i = open + 1;
		if (i < pattern.length() && pattern.charAt(i) == '^') {
			i++;
		}
		if (i < pattern.length() && pattern.charAt(i) == ']') {
			i++;
		}
		while (i < pattern.length() && pattern.charAt(i) != ']') {
			i = (pattern.charAt(i) == '\\') ? i + 2 : (pattern.startsWith("[:", i) && pattern.indexOf(":]", i) > 0)
					? pattern.indexOf(":]", i) + 2 : i + 1;
		}
		return Math.min(i + 1, pattern.length());
	}

}

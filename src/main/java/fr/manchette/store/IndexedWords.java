package fr.manchette.store;

import java.util.Set;

import fr.manchette.dedup.FrenchWords;

/**
 * Which words of a folded search text the word index keeps, found in place: the text's space-separated words of
 * {@value WordIndex#MIN_LENGTH} characters and more that are not stop words. An item with a summary has some forty of
 * them; finding them as regions of the text, with the stop words in a table that compares characters in place, makes
 * no string, set or boxed number for any of them (with strings, sets and boxed keys, working out the words was a third
 * of the word indexer's CPU in a first poll of 1000 feeds).
 */
final class IndexedWords {

	/** One slot per stop word and as many empty: a probe ends at the first empty slot. */
	private static final String[] STOP_TABLE = table(FrenchWords.stopWords());

	private IndexedWords() {
	}

	/** Receives each kept word as the characters {@code from} to {@code to} of the text. */
	@FunctionalInterface
	interface Visitor {

		void word(String text, int from, int to);

	}

	/**
	 * Calls the visitor for each kept word, in the text's order; a word that occurs twice is visited twice. The text
	 * is cut as {@code text.trim().split(" ")} cuts it.
	 */
	static void forEach(String text, Visitor visitor) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) <= ' ') {
			start++;
		}
		while (end > start && text.charAt(end - 1) <= ' ') {
			end--;
		}
		while (start < end) {
			int space = text.indexOf(' ', start);
			int to = (space < 0 || space > end) ? end : space;
			if (to - start >= WordIndex.MIN_LENGTH && !isStopWord(text, start, to)) {
				visitor.word(text, start, to);
			}
			start = to + 1;
		}
	}

	/** Whether the characters {@code from} to {@code to} of the text are a stop word. */
	static boolean isStopWord(String text, int from, int to) {
		int mask = STOP_TABLE.length - 1;
		for (int slot = hash(text, from, to) & mask;; slot = (slot + 1) & mask) {
			String stop = STOP_TABLE[slot];
			if (stop == null) {
				return false;
			}
			if (stop.length() == to - from && text.regionMatches(from, stop, 0, to - from)) {
				return true;
			}
		}
	}

	private static String[] table(Set<String> words) {
		int size = Integer.highestOneBit(Math.max(words.size(), 1) * 2) * 2;
		String[] table = new String[size];
		for (String word : words) {
			int slot = hash(word, 0, word.length()) & (size - 1);
			while (table[slot] != null) {
				slot = (slot + 1) & (size - 1);
			}
			table[slot] = word;
		}
		return table;
	}

	private static int hash(String text, int from, int to) {
		int hash = 0;
		for (int i = from; i < to; i++) {
			hash = 31 * hash + text.charAt(i);
		}
		// Spread the high bits to the low ones that pick the slot.
		return hash ^ (hash >>> 16);
	}

}

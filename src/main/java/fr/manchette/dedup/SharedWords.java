package fr.manchette.dedup;

/**
 * One instance of each word read from headlines, as far as a small table allows: the matcher keeps some sixteen
 * thousand title keys (see {@link HeadlineCache}), a dozen words each, most of them words of many other headlines
 * (« maroc », « hausse », « 2025 »), and a word of its own costs some 50 bytes a headline.
 * <p>
 * A table of {@value #SIZE} words, each in the place its hash gives: a word finds there the instance read before it,
 * or takes the place. A frequent word is nearly always there; two words of one place take turns, and a word that lost
 * its place is only no longer shared. So it holds {@value #SIZE} words at most (some 2 MB with their bytes, mostly
 * the very words the kept keys hold), costs a hash and a comparison a word, and takes no lock: a place is one
 * reference, read or written whole, and a word is immutable.
 */
final class SharedWords {

	static final int SIZE = 1 << 15;

	private static final String[] WORDS = new String[SIZE];

	private SharedWords() {
	}

	/** The instance of this word read before, if it still has its place; else this one, which takes it. */
	static String of(String word) {
		int place = BandPostings.mix(word.hashCode()) & (SIZE - 1);
		String held = WORDS[place];
		if (held != null && held.equals(word)) {
			return held;
		}
		WORDS[place] = word;
		return word;
	}

	/**
	 * The instance of the first {@code length} characters of {@code text}, as {@link #of(String)}: they are only
	 * copied out of it when that word has no instance here.
	 */
	static String of(String text, int length) {
		if (length == text.length()) {
			return of(text);
		}
		// The hash String gives the word, worked out from the text.
		int hash = 0;
		for (int i = 0; i < length; i++) {
			hash = 31 * hash + text.charAt(i);
		}
		int place = BandPostings.mix(hash) & (SIZE - 1);
		String held = WORDS[place];
		if (held != null && held.length() == length && text.startsWith(held)) {
			return held;
		}
		String word = text.substring(0, length);
		WORDS[place] = word;
		return word;
	}

}

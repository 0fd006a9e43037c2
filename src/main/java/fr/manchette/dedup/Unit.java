package fr.manchette.dedup;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What similarity counts in a headline: a name (however many words), or another word.
 *
 * @param words the name's words, or the one word
 * @param name whether it is a name
 * @param senses the senses of the one word (none for a name), looked up once: a comparison asks for them again for
 * every unit of the other headline
 * @param bound the pairs of its words of which the first does not stand without the second (see
 * {@link TitleKey#bound})
 * @param figure whether it is a number or what counts one (« 29 millions d'euros »): a story is not told by its
 * figures
 * @param hash what {@link #same} compares first (its first word's hash and its size), worked out once: the overlap
 * of two headlines asks it of every pair of their units
 * @param country the country whose capital or seat it names (see {@link Metonyms}), looked up once; null for most
 * @param initial the first letter of its first word (-1 when it is empty), and
 * @param sensed whether it has senses: what {@link #apart} asks of every pair of units of two headlines, read as fields
 */
record Unit(List<String> words, boolean name, List<Senses.Sense> senses, Set<List<String>> bound, boolean figure,
		int hash, @Nullable List<String> country, int initial, boolean sensed) {

	Unit(List<String> words, boolean name, List<Senses.Sense> senses, Set<List<String>> bound, boolean figure) {
		this(words, name, senses, bound, figure, words.get(0).hashCode() * 31 + words.size(),
				Metonyms.countryOf(words), words.get(0).isEmpty() ? -1 : words.get(0).charAt(0), !senses.isEmpty());
	}

	static List<Unit> of(TitleKey key) {
		return of(key, null);
	}

	/** As {@link #array}, in a list. */
	static List<Unit> of(TitleKey key, @Nullable WordUnits shared) {
		return List.of(array(key, shared));
	}

	/**
	 * The units of a headline, names first, then the other words each once, in their order; the units of single
	 * words taken from {@code shared} when given (the same for a word, see {@link WordUnits}).
	 * <p>
	 * Worked out for every headline the matcher meets: a headline has a dozen words, so the words already in a name,
	 * already a figure or already a unit are looked for in arrays, not put in sets.
	 */
	static Unit[] array(TitleKey key, @Nullable WordUnits shared) {
		List<String> words = key.words();
		int count = words.size();
		List<List<String>> names = key.names();
		Unit[] units = new Unit[((names != null) ? names.size() : 0) + count];
		int size = 0;
		if (names != null) {
			for (int n = 0; n < names.size(); n++) {
				// By index: an iterator made for every headline the matcher meets.
				List<String> name = names.get(n);
				if (!name.isEmpty() && indexOf(units, size, name) < 0) {
					units[size++] = new Unit(name, true, List.of(), key.bound(), false);
				}
			}
		}
		int named = size;
		// Whether each word is a figure: « 29 millions d'euros »; not the currency after a rate (« 0,4 % face au
		// dollar »). A word after one that is a figure anywhere before counts.
		boolean[] figures = new boolean[count];
		for (int i = 0; i < count; i++) {
			String word = words.get(i);
			String before = (i > 0) ? words.get(i - 1) : "";
			figures[i] = FrenchWords.hasDigit(word) || (figure(words, figures, i, before) && !before.endsWith("%")
					&& FrenchWords.AMOUNTS.contains(word));
		}
		for (int i = 0; i < count; i++) {
			String word = words.get(i);
			if (key.repeated(i) || inName(units, named, word)) {
				continue;
			}
			boolean figure = figure(words, figures, count, word);
			units[size++] = (shared != null) ? shared.of(word, figure)
					: new Unit(List.of(word), false, Senses.of(word), Set.of(), figure);
		}
		// Held as long as the headline is: no room to spare.
		return (size == units.length) ? units : Arrays.copyOf(units, size);
	}

	/** Where a unit with these words is among the first {@code size}, or -1. */
	private static int indexOf(Unit[] units, int size, List<String> words) {
		for (int i = 0; i < size; i++) {
			if (units[i].words.equals(words)) {
				return i;
			}
		}
		return -1;
	}

	/** Whether a word is a word of one of the first {@code named} units, the names. */
	private static boolean inName(Unit[] units, int named, String word) {
		for (int i = 0; i < named; i++) {
			if (units[i].words.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/** Whether this word is a figure among the first {@code until} words. */
	private static boolean figure(List<String> words, boolean[] figures, int until, String word) {
		for (int i = 0; i < until; i++) {
			if (figures[i] && words.get(i).equals(word)) {
				return true;
			}
		}
		return false;
	}

	/** How many units of {@code a} find their own in {@code b}, each unit of {@code b} used once: the same first. */
	static int shared(Unit[] a, Unit[] b) {
		return sharedOf(counts(a, b));
	}

	/** As {@link #overlap(Unit[], Unit[])}, of lists. */
	static Overlap overlap(List<Unit> a, List<Unit> b) {
		return overlap(a.toArray(new Unit[0]), b.toArray(new Unit[0]));
	}

	/**
	 * The units of {@code a} that find their own in {@code b}, as {@link #shared}, and how many are not figures: the
	 * same units first, then those that stand for one thing ({@link #like}), each unit of {@code b} used once.
	 * <p>
	 * What it costs is the pairs it looks at, so each pair is first told apart by what is cheap: two units are the
	 * same only if their first words have the same hash and they have as many words; two words that are neither
	 * names nor of a sense (most words) stand for one thing only if they are two spellings of one word, which start
	 * with the same letter.
	 */
	static Overlap overlap(Unit[] a, Unit[] unitsB) {
		long counts = counts(a, unitsB);
		return new Overlap(sharedOf(counts), besidesFiguresOf(counts));
	}

	/**
	 * What {@link #overlap(Unit[], Unit[])} counts, in one long: the units shared in its high half, those of them not
	 * figures in its low half. The matcher asks it of some fifteen headlines an item, and the quick compiler
	 * allocates every record made, even one read at once and let go.
	 */
	static long counts(Unit[] a, Unit[] unitsB) {
		if (a.length > Long.SIZE || unitsB.length > Long.SIZE) {
			return countsOfMany(a, unitsB);
		}
		// The units used in two bit sets, not two arrays: the quick compiler allocates whatever is made, and an item
		// is compared with some fifteen headlines (some 600 bytes an item, a twentieth of what the story step
		// allocated).
		int sizeA = a.length;
		int sizeB = unitsB.length;
		long usedA = 0;
		long usedB = 0;
		int shared = 0;
		int words = 0;
		for (int i = 0; i < sizeA; i++) {
			Unit x = a[i];
			int hash = x.hash;
			for (int j = 0; j < sizeB; j++) {
				if ((usedB & (1L << j)) == 0 && unitsB[j].hash == hash && x.same(unitsB[j])) {
					usedA |= 1L << i;
					usedB |= 1L << j;
					shared++;
					words += (x.figure() && unitsB[j].figure()) ? 0 : 1;
					break;
				}
			}
		}
		for (int i = 0; i < sizeA; i++) {
			if ((usedA & (1L << i)) != 0) {
				continue;
			}
			Unit x = a[i];
			for (int j = 0; j < sizeB; j++) {
				Unit y = unitsB[j];
				if ((usedB & (1L << j)) == 0 && !apart(x, y) && x.like(y)) {
					usedA |= 1L << i;
					usedB |= 1L << j;
					shared++;
					words += (x.figure() && y.figure()) ? 0 : 1;
					break;
				}
			}
		}
		return ((long) shared << 32) | words;
	}

	/** The units shared, of what {@link #counts} gives. */
	static int sharedOf(long counts) {
		return (int) (counts >>> 32);
	}

	/** The units shared that are not figures, of what {@link #counts} gives. */
	static int besidesFiguresOf(long counts) {
		return (int) counts;
	}

	/** The same, in arrays, for a headline of more than 64 units (a text given as a title). */
	private static long countsOfMany(Unit[] a, Unit[] unitsB) {
		// Arrays, not lists: under the quick compiler, each call of a list's method is a call through its interface.
		int sizeA = a.length;
		int sizeB = unitsB.length;
		boolean[] usedA = new boolean[sizeA];
		boolean[] usedB = new boolean[sizeB];
		int shared = 0;
		int words = 0;
		for (int i = 0; i < sizeA; i++) {
			Unit x = a[i];
			int hash = x.hash;
			for (int j = 0; j < sizeB; j++) {
				if (!usedB[j] && unitsB[j].hash == hash && x.same(unitsB[j])) {
					usedA[i] = true;
					usedB[j] = true;
					shared++;
					words += (x.figure() && unitsB[j].figure()) ? 0 : 1;
					break;
				}
			}
		}
		for (int i = 0; i < sizeA; i++) {
			if (usedA[i]) {
				continue;
			}
			Unit x = a[i];
			for (int j = 0; j < sizeB; j++) {
				Unit y = unitsB[j];
				if (!usedB[j] && !apart(x, y) && x.like(y)) {
					usedA[i] = true;
					usedB[j] = true;
					shared++;
					words += (x.figure() && y.figure()) ? 0 : 1;
					break;
				}
			}
		}
		return ((long) shared << 32) | words;
	}

	/**
	 * Whether two units surely do not stand for one thing, without asking {@link #like}: neither is a name, they
	 * start with two letters (so they are no spellings of one word, see {@link FrenchWords#variants}), and one has no
	 * sense to share.
	 */
	private static boolean apart(Unit x, Unit y) {
		if (x.name || y.name || (x.sensed && y.sensed)) {
			return false;
		}
		return x.initial >= 0 && y.initial >= 0 && x.initial != y.initial;
	}

	/**
	 * @param units how many units the two headlines share
	 * @param besidesFigures how many of them are not figures (see {@link Unit#figure()})
	 */
	record Overlap(int units, int besidesFigures) {
	}

	/** Whether two units are the same words. */
	boolean same(Unit other) {
		List<String> x = this.words;
		List<String> y = other.words;
		if (x.size() != y.size() || x.get(0).hashCode() != y.get(0).hashCode()) {
			return false;
		}
		for (int i = 0; i < x.size(); i++) {
			if (!x.get(i).equals(y.get(i))) {
				return false;
			}
		}
		return true;
	}

	/** Whether two units stand for one thing (see {@link StoryMatcher#compare}). */
	boolean like(Unit other) {
		if (this.name || other.name) {
			return part(other.words, this.words, other.bound) || part(this.words, other.words, this.bound)
					|| other.words.equals(this.country) || this.words.equals(other.country);
		}
		String x = this.words.get(0);
		String y = other.words.get(0);
		if (FrenchWords.variants(x, y)) {
			return true;
		}
		if (!other.sensed) {
			return false;
		}
		// Indexed: under the quick compiler, a loop over a list makes an iterator.
		for (int i = 0; i < this.senses.size(); i++) {
			if (other.senses.contains(this.senses.get(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether every word of {@code part} has a spelling in {@code whole} (« Regragui » of « Walid Regragui », « Tanger »
	 * of « CHU de Tanger »), and no word of it stands without one it is bound to (see {@link TitleKey#bound}):
	 * « Conseil » is no part of « Conseil d'État », nor « Loire » of « Haute-Loire ».
	 */
	static boolean part(List<String> whole, List<String> part, Set<List<String>> bound) {
		if (part.isEmpty() || part.size() > whole.size()) {
			// Each word of the part takes a word of its own in the whole.
			return false;
		}
		// The words of the whole taken so far: a name has a few, an array beats a set here. Made once the first word has
		// its own: most names compared are no part of the other, and tell so at their first word.
		String[] taken = null;
		for (int p = 0; p < part.size(); p++) {
			String word = part.get(p);
			String found = null;
			for (int i = 0; i < whole.size() && found == null; i++) {
				String candidate = whole.get(i);
				if ((taken == null || !contains(taken, p, candidate)) && FrenchWords.nameVariants(word, candidate)) {
					found = candidate;
				}
			}
			if (found == null) {
				return false;
			}
			if (taken == null) {
				taken = new String[part.size()];
			}
			taken[p] = found;
		}
		if (bound.isEmpty()) {
			// Most names: no iterator made for nothing.
			return true;
		}
		for (List<String> pair : bound) {
			if (contains(taken, taken.length, pair.get(0)) && whole.contains(pair.get(1))
					&& !contains(taken, taken.length, pair.get(1))) {
				return false;
			}
		}
		return true;
	}

	private static boolean contains(String[] words, int count, String word) {
		for (int i = 0; i < count; i++) {
			if (words[i].equals(word)) {
				return true;
			}
		}
		return false;
	}

}

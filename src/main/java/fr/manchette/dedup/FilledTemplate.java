package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One template filled twice, the first kind of {@link Substitution}: word for word the same headline as written but
 * for a stretch that each fills its own way.
 */
final class FilledTemplate {

	private FilledTemplate() {
	}

	/**
	 * Whether the two headlines are word for word the same as written (stop words, articles and plurals too) but for
	 * one stretch of a few words ({@value #STRETCH} at most) that each fills its own way, and words that one of them
	 * adds (« à domicile », « (23e journée) »): one template filled twice. « Inflation : les prix progressent de 3,9 %
	 * sur un an en avril » / « Inflation : les prix augmentent de 3,9 % … », « Lyon renverse Montpellier (5-0) à
	 * domicile » / « Lyon domine Montpellier (5-0) ». The stretch of each must have a word that is no spelling of one
	 * in the other's; when nothing else differs, a word of the same sense does not make them one story either: two
	 * newsrooms telling one story do not write the same sentence but for a verb, while results, indices and forecasts
	 * are written so, and there the word is the news. Rewritten headlines (« le prix du mouton en hausse » / « les
	 * prix des moutons grimpent ») differ in more places and go to {@link Substitution}.
	 */
	static boolean template(MatchedHeadline a, MatchedHeadline b) {
		Surface ta = a.surface();
		Surface tb = b.surface();
		List<String> sa = ta.words;
		List<String> sb = tb.words;
		int[][] pairs = aligned(ta, tb);
		long alignedWords = 0;
		for (int[] pair : pairs) {
			// A stop word has no stem.
			alignedWords += (ta.stems[pair[0]] != null) ? 1 : 0;
		}
		if (pairs.length < Substitution.FRAME
				|| alignedWords * 5 < Math.max(ta.content.size(), tb.content.size()) * 3) {
			// Not the same sentence: fewer than three words in five in common, in order, stop words aside.
			return false;
		}
		int[] stretch = null;
		boolean added = false;
		for (int k = 0; k <= pairs.length; k++) {
			int fromA = (k == 0) ? 0 : pairs[k - 1][0] + 1;
			int fromB = (k == 0) ? 0 : pairs[k - 1][1] + 1;
			int toA = (k == pairs.length) ? sa.size() : pairs[k][0];
			int toB = (k == pairs.length) ? sb.size() : pairs[k][1];
			if (fromA < toA && fromB < toB) {
				if (stretch != null) {
					// Two stretches filled differently: a headline written anew.
					return false;
				}
				stretch = new int[] { fromA, toA, fromB, toB };
			}
			else if (fromA < toA || fromB < toB) {
				added = true;
			}
		}
		if (bounded(ta, tb, pairs, 0) || bounded(tb, ta, pairs, 1)) {
			return true;
		}
		if (stretch == null || stretch[1] - stretch[0] > STRETCH || stretch[3] - stretch[2] > STRETCH) {
			return false;
		}
		List<String> x = content(sa.subList(stretch[0], stretch[1]));
		List<String> y = content(sb.subList(stretch[2], stretch[3]));
		spelled(x, y, a.key().acronyms());
		spelled(y, x, b.key().acronyms());
		if (added && (x.size() != 1 || y.size() != 1)) {
			// With words added besides, only one word swapped for another is a template filled twice.
			return false;
		}
		// A word of the stretch that the other headline has elsewhere has moved, not changed.
		List<String> otherX = tb.content;
		List<String> otherY = ta.content;
		return anyWithout(x, otherX, added, false) && anyWithout(y, otherY, added, true);
	}

	/**
	 * Whether a word of {@code stretch} has no counterpart among {@code others}; {@code reversed}: the others are
	 * the first of each pair asked. Loops, not streams: the quick compiler allocates each stream and lambda.
	 */
	private static boolean anyWithout(List<String> stretch, List<String> others, boolean sense, boolean reversed) {
		for (int i = 0; i < stretch.size(); i++) {
			String word = stretch.get(i);
			boolean found = false;
			for (int j = 0; j < others.size() && !found; j++) {
				found = reversed ? counterpart(others.get(j), word, sense) : counterpart(word, others.get(j), sense);
			}
			if (!found) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code a} says how far something goes (« jusqu'en plaine », « jusqu'à 44 degrés ») where the same
	 * sentence in {@code b} says nothing of it: « de la neige attendue mardi » / « des chutes de neige jusqu'en plaine
	 * attendues mardi » are two forecasts, as « attendues jeudi » / « attendues jusqu'à jeudi » are.
	 */
	private static boolean bounded(Surface surfaceA, Surface surfaceB, int[][] pairs, int side) {
		if (!surfaceA.bounds) {
			// Most headlines: nothing to look for.
			return false;
		}
		List<String> a = surfaceA.words;
		Set<Integer> aligned = new HashSet<>();
		for (int[] pair : pairs) {
			aligned.add(pair[side]);
		}
		List<String> other = surfaceB.content;
		for (int i = 0; i < a.size(); i++) {
			if (a.get(i).equals(BOUND) && !aligned.contains(i)) {
				List<String> bound = content(a.subList(i + 1, Math.min(a.size(), i + 4)));
				if (!bound.isEmpty() && other.stream().noneMatch((word) -> FrenchWords.variants(word, bound.get(0)))) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean counterpart(String u, String v, boolean sense) {
		return FrenchWords.variants(u, v) || (sense && sameSense(List.of(u), List.of(v)));
	}

	/** The same word as written, or (stop words aside) two spellings of it: « attendue » / « attendues ». */
	private static boolean sameToken(String a, String b, @Nullable String stemOfA, @Nullable String stemOfB) {
		// The hashes first, each kept by its string: most pairs of words differ, and tell so at once.
		return (a.hashCode() == b.hashCode() && a.equals(b)) || (stemOfA != null && stemOfB != null
				&& stemOfA.hashCode() == stemOfB.hashCode() && stemOfA.equals(stemOfB));
	}

	/** The stem of each word, null for a stop word: worked out once, not for every pair of words compared. */
	static @Nullable String[] stems(List<String> words) {
		String[] stems = new String[words.size()];
		for (int i = 0; i < stems.length; i++) {
			String word = words.get(i);
			FrenchWords.Listed listed = FrenchWords.listed(word);
			stems[i] = listed.stop() ? null : FrenchWords.stem(word, listed);
		}
		return stems;
	}

	/** The positions of the words two lists have in the same order, as many as can be. */
	private static int[][] aligned(Surface surfaceA, Surface surfaceB) {
		String[] a = surfaceA.array;
		String[] b = surfaceB.array;
		@Nullable String[] stemsA = surfaceA.stems;
		@Nullable String[] stemsB = surfaceB.stems;
		// One array, row after row: longest[i][j] is at i × (b.length + 1) + j. Every cell is written before it is
		// read but the last row and column, which are 0.
		int row = b.length + 1;
		int[] longest = table((a.length + 1) * row);
		Arrays.fill(longest, a.length * row, (a.length + 1) * row, 0);
		for (int i = 0; i < a.length; i++) {
			longest[i * row + b.length] = 0;
		}
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				longest[i * row + j] = sameToken(a[i], b[j], stemsA[i], stemsB[j]) ? longest[(i + 1) * row + j + 1] + 1
						: Math.max(longest[(i + 1) * row + j], longest[i * row + j + 1]);
			}
		}
		List<int[]> pairs = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (sameToken(a[i], b[j], stemsA[i], stemsB[j])
					&& longest[i * row + j] == longest[(i + 1) * row + j + 1] + 1) {
				pairs.add(new int[] { i++, j++ });
			}
			else if (longest[(i + 1) * row + j] >= longest[i * row + j + 1]) {
				i++;
			}
			else {
				j++;
			}
		}
		return pairs.toArray(new int[0][]);
	}

	/**
	 * The table of {@link #aligned}, each thread's own, kept from one pair to the next: the quick compiler allocates
	 * and zeroes a new one each time, some 2 kB for each lead similar enough to be looked at for contradictions (a
	 * twentieth of what the story step allocated). A larger table than {@value #KEPT_TABLE} cells (a text given as a
	 * title) is made for its pair alone.
	 */
	private static final int KEPT_TABLE = 48 * 48;

	private static final ThreadLocal<int[]> TABLES = ThreadLocal.withInitial(() -> new int[KEPT_TABLE]);

	/** A table of at least {@code size} cells, of any content. */
	private static int[] table(int size) {
		return (size <= KEPT_TABLE) ? TABLES.get() : new int[size];
	}

	/** Takes out of both an acronym of {@code x} and the words of {@code y} that spell it out: « BAM », « Bank Al-Maghrib ». */
	private static void spelled(List<String> x, List<String> y, Set<String> acronyms) {
		for (String acronym : acronyms) {
			int start = TitleKey.spelledOut(acronym, y, Collections.nCopies(y.size(), 0));
			if (start >= 0 && x.remove(FrenchWords.stem(acronym))) {
				y.subList(start, start + acronym.length()).clear();
			}
		}
	}

	/** The word before how far something goes: « jusqu'en plaine ». */
	private static final String BOUND = "jusqu";

	/**
	 * A headline's words as written, with what every template compared with it reads of them: the stem of each
	 * (null for a stop word), the words that carry something ({@link #content}), whether it says how far something
	 * goes. Worked out once for a headline, not for each comparison.
	 */
	static final class Surface {

		final List<String> words;

		final String[] array;

		final @Nullable String[] stems;

		final List<String> content;

		final boolean bounds;

		Surface(List<String> words) {
			this.words = words;
			this.array = words.toArray(new String[0]);
			// Kept as long as the headline is: the stems the key's words are already (see SharedWords), not copies.
			@Nullable String[] stems = stems(words);
			for (int i = 0; i < stems.length; i++) {
				stems[i] = (stems[i] != null) ? SharedWords.of(stems[i]) : null;
			}
			this.stems = stems;
			List<String> content = content(words);
			content.replaceAll(SharedWords::of);
			this.content = List.copyOf(content);
			this.bounds = words.contains(BOUND);
		}

	}

	/** Words of a template's stretch: « s'impose face à » is three. */
	static final int STRETCH = 4;

	/** The words of a stretch as written that carry something, as {@link TitleKey#words} has them. */
	private static List<String> content(List<String> surface) {
		List<String> content = new ArrayList<>();
		for (String word : surface) {
			// What the lists say of the word, looked up once (see FrenchWords#listed).
			FrenchWords.Listed listed = FrenchWords.listed(word);
			if (!listed.stop()) {
				List<String> expanded = listed.abbreviation();
				if (expanded != null) {
					content.addAll(expanded);
				}
				else {
					content.add((listed.number() != null) ? listed.number() : FrenchWords.stem(word, listed));
				}
			}
		}
		return content;
	}

	static boolean sameSense(List<String> x, List<String> y) {
		Set<Senses.Sense> senses = new HashSet<>();
		x.forEach((word) -> senses.addAll(Senses.of(word)));
		return y.stream().anyMatch((word) -> Senses.of(word).stream().anyMatch(senses::contains));
	}

}

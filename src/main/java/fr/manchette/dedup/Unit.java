package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 */
record Unit(List<String> words, boolean name, List<Senses.Sense> senses, Set<List<String>> bound,
		boolean figure) {

	static List<Unit> of(TitleKey key) {
		List<Unit> units = new ArrayList<>();
		Set<String> inNames = new HashSet<>();
		if (key.names() != null) {
			for (List<String> name : key.names()) {
				if (!name.isEmpty() && units.stream().noneMatch((unit) -> unit.words().equals(name))) {
					units.add(new Unit(name, true, List.of(), key.bound(), false));
					inNames.addAll(name);
				}
			}
		}
		Set<String> figures = new HashSet<>();
		for (int i = 0; i < key.words().size(); i++) {
			String word = key.words().get(i);
			// « 29 millions d'euros »; not the currency after a rate (« 0,4 % face au dollar »).
			String before = (i > 0) ? key.words().get(i - 1) : "";
			if (FrenchWords.hasDigit(word) || (figures.contains(before) && !before.endsWith("%")
					&& FrenchWords.AMOUNTS.contains(word))) {
				figures.add(word);
			}
		}
		for (String word : new LinkedHashSet<>(key.words())) {
			if (!inNames.contains(word)) {
				units.add(new Unit(List.of(word), false, Senses.of(word), Set.of(), figures.contains(word)));
			}
		}
		return units;
	}

	/** How many units of {@code a} find their own in {@code b}, each unit of {@code b} used once: the same first. */
	static int shared(List<Unit> a, List<Unit> b) {
		return overlap(a, b).units();
	}

	/** The units of {@code a} that find their own in {@code b}, as {@link #shared}, and how many are not figures. */
	static Overlap overlap(List<Unit> a, List<Unit> b) {
		boolean[] usedA = new boolean[a.size()];
		boolean[] usedB = new boolean[b.size()];
		int shared = 0;
		int words = 0;
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < a.size(); i++) {
				for (int j = 0; j < b.size() && !usedA[i]; j++) {
					if (!usedB[j] && ((pass == 0) ? a.get(i).same(b.get(j)) : a.get(i).like(b.get(j)))) {
						usedA[i] = true;
						usedB[j] = true;
						shared++;
						words += (a.get(i).figure() && b.get(j).figure()) ? 0 : 1;
					}
				}
			}
		}
		return new Overlap(shared, words);
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
					|| Metonyms.sameCountry(this.words, other.words);
		}
		String x = this.words.get(0);
		String y = other.words.get(0);
		if (FrenchWords.variants(x, y)) {
			return true;
		}
		if (other.senses.isEmpty()) {
			return false;
		}
		for (Senses.Sense sense : this.senses) {
			if (other.senses.contains(sense)) {
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
		if (part.isEmpty()) {
			return false;
		}
		Set<String> taken = new HashSet<>();
		for (String word : part) {
			String found = null;
			for (int i = 0; i < whole.size() && found == null; i++) {
				if (!taken.contains(whole.get(i)) && FrenchWords.nameVariants(word, whole.get(i))) {
					found = whole.get(i);
				}
			}
			if (found == null) {
				return false;
			}
			taken.add(found);
		}
		for (List<String> pair : bound) {
			if (taken.contains(pair.get(0)) && whole.contains(pair.get(1)) && !taken.contains(pair.get(1))) {
				return false;
			}
		}
		return true;
	}

}

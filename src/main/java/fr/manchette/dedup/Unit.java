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
 */
record Unit(List<String> words, boolean name, List<FrenchWords.Sense> senses) {

	static List<Unit> of(TitleKey key) {
		List<Unit> units = new ArrayList<>();
		Set<String> inNames = new HashSet<>();
		if (key.names() != null) {
			for (List<String> name : key.names()) {
				if (!name.isEmpty() && units.stream().noneMatch((unit) -> unit.words().equals(name))) {
					units.add(new Unit(name, true, List.of()));
					inNames.addAll(name);
				}
			}
		}
		for (String word : new LinkedHashSet<>(key.words())) {
			if (!inNames.contains(word)) {
				units.add(new Unit(List.of(word), false, FrenchWords.senses(word)));
			}
		}
		return units;
	}

	/** How many units of {@code a} find their own in {@code b}, each unit of {@code b} used once: the same first. */
	static int shared(List<Unit> a, List<Unit> b) {
		boolean[] usedA = new boolean[a.size()];
		boolean[] usedB = new boolean[b.size()];
		int shared = 0;
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < a.size(); i++) {
				for (int j = 0; j < b.size() && !usedA[i]; j++) {
					if (!usedB[j] && ((pass == 0) ? a.get(i).words().equals(b.get(j).words()) : a.get(i).like(b.get(j)))) {
						usedA[i] = true;
						usedB[j] = true;
						shared++;
					}
				}
			}
		}
		return shared;
	}

	/** Whether two units stand for one thing (see {@link StoryMatcher#compare}). */
	boolean like(Unit other) {
		if (this.name || other.name) {
			return within(this.words, other.words) || within(other.words, this.words)
					|| FrenchWords.sameCountry(this.words, other.words);
		}
		String x = this.words.get(0);
		String y = other.words.get(0);
		if (FrenchWords.variants(x, y)) {
			return true;
		}
		if (other.senses.isEmpty()) {
			return false;
		}
		for (FrenchWords.Sense sense : this.senses) {
			if (other.senses.contains(sense)) {
				return true;
			}
		}
		return false;
	}

	/** Whether every word of {@code part} has a spelling in {@code whole}. */
	private static boolean within(List<String> part, List<String> whole) {
		for (String word : part) {
			boolean found = false;
			for (int i = 0; i < whole.size() && !found; i++) {
				found = FrenchWords.nameVariants(word, whole.get(i));
			}
			if (!found) {
				return false;
			}
		}
		return true;
	}

}

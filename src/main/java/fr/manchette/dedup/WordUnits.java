package fr.manchette.dedup;

import java.util.List;
import java.util.Set;

/**
 * The units of single words (see {@link Unit}), one instance per word and figure as far as a small table allows,
 * shared by the headlines the matcher keeps: most words of a headline are words of many others (« maroc »,
 * « hausse », « 2025 »), and a unit of its own, with the list of its one word, costs some 56 bytes a word a headline.
 * A unit of one word is all its word's: no name, its senses, nothing bound; so any instance of it will do.
 * <p>
 * A table of {@value #SIZE} units, each in the place its word's hash gives, as {@link SharedWords}: a frequent word
 * finds its unit there; two words of one place take turns, and a unit that lost its place is only no longer shared.
 * It holds some 2 MB at most, and takes no lock: a place is one reference, and a unit is immutable.
 */
final class WordUnits {

	static final int SIZE = 1 << 15;

	private final Unit[] units = new Unit[SIZE];

	/** The unit of this word: the one handed out before for it, if it still has its place. */
	Unit of(String word, boolean figure) {
		int place = (BandPostings.mix(word.hashCode()) + (figure ? 1 : 0)) & (SIZE - 1);
		Unit held = this.units[place];
		if (held != null && held.figure() == figure && held.words().get(0).equals(word)) {
			return held;
		}
		Unit unit = new Unit(List.of(word), false, Senses.of(word), Set.of(), figure);
		this.units[place] = unit;
		return unit;
	}

}

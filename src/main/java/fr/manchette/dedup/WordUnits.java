package fr.manchette.dedup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The units of single words (see {@link Unit}), one instance per word and figure, shared by the headlines the
 * matcher keeps: most words of a headline are words of many others (« Maroc », « hausse », « 2025 »), and a unit of
 * its own, with the list of its one word, costs some 56 bytes a word a headline. A unit of one word is all its
 * word's: no name, its senses, nothing bound.
 * <p>
 * Bounded: past {@value #MOST} words it forgets them all and starts again, as headlines bring new words every day;
 * the units already handed out stay as they are, only no longer shared with the next ones.
 */
final class WordUnits {

	/** Words held at most: some 100 bytes each, word included. */
	static final int MOST = 65_536;

	private final Map<String, Unit> words = new ConcurrentHashMap<>();

	private final Map<String, Unit> figures = new ConcurrentHashMap<>();

	/** The unit of this word: the one handed out before for it, if still held. */
	Unit of(String word, boolean figure) {
		Map<String, Unit> units = figure ? this.figures : this.words;
		Unit unit = units.get(word);
		if (unit == null) {
			if (units.size() >= MOST) {
				units.clear();
			}
			unit = new Unit(List.of(word), false, Senses.of(word), Set.of(), figure);
			Unit raced = units.putIfAbsent(word, unit);
			unit = (raced != null) ? raced : unit;
		}
		return unit;
	}

	/** Words held. */
	int size() {
		return this.words.size() + this.figures.size();
	}

}

package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence with one slot filled differently, what {@link Contradiction#SUBSTITUTION} asks: the same template
 * filled twice (word for word the same headline but for a stretch), or a slot of a rewritten headline.
 */
final class Substitution {

	private Substitution() {
	}

	/**
	 * Whether the headlines are one sentence with one slot filled differently: the same words before and after
	 * ({@value #FRAME} at least), and in between a few words each ({@value #SLOT} at most), each side with a unit that
	 * the other side's slot does not have in any form. The slot is who acts (« le patronat réclame un débat au
	 * Parlement » / « l'Ademe réclame… », « la ministre de la Santé lance… » / « le Premier ministre lance… »), what
	 * is done (« confirme » / « envisage »), or on what (« promet la revalorisation des retraites » / « promet un
	 * plan de sobriété »): another story. « Vigilance orange aux orages » / « vigilance rouge aux orages » are two
	 * stories; « le prix du mouton en hausse de 20 % » / « les prix des moutons grimpent de 20 % » are one, and so are
	 * « Le Maroc et la France signent 22 accords » / « Maroc-France : 22 accords signés », whose slots hold the same
	 * words in another order. A headline word for word the same but for a stretch is a {@link FilledTemplate}.
	 */
	static boolean between(MatchedHeadline a, MatchedHeadline b) {
		return FilledTemplate.template(a, b) || slotReplaced(a.key(), b.key(), a.units(), b.units());
	}

	private static boolean slotReplaced(TitleKey a, TitleKey b, List<Unit> unitsA, List<Unit> unitsB) {
		// A rubric that one headline has and the other not says what the story is about, not how its sentence goes:
		// « Finances publiques : un déficit de… » / « Le déficit budgétaire… ». Two rubrics are compared as words.
		boolean oneRubric = (a.rubric() > 0) != (b.rubric() > 0);
		int fromA = oneRubric ? a.rubric() : 0;
		int fromB = oneRubric ? b.rubric() : 0;
		List<String> wa = a.words().subList(fromA, a.words().size());
		List<String> wb = b.words().subList(fromB, b.words().size());
		int prefix = 0;
		while (prefix < wa.size() && prefix < wb.size() && FrenchWords.variants(wa.get(prefix), wb.get(prefix))) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < wa.size() - prefix && suffix < wb.size() - prefix
				&& FrenchWords.variants(wa.get(wa.size() - 1 - suffix), wb.get(wb.size() - 1 - suffix))) {
			suffix++;
		}
		// A whole ending replaced after the same two words is enough, and may be a little longer (« La CGT renonce
		// à… »); so is a whole start before the same two words, when most of it differs (« … une réforme du
		// baccalauréat »).
		boolean tail = suffix == 0;
		boolean head = prefix == 0 && (prefix + suffix < FRAME);
		if (prefix + suffix < ((tail || head) ? FRAME - 1 : FRAME)) {
			return false;
		}
		Slot x = new Slot(a, unitsA, fromA + prefix, a.words().size() - suffix, fromA);
		Slot y = new Slot(b, unitsB, fromB + prefix, b.words().size() - suffix, fromB);
		if (x.isEmpty() || y.isEmpty()) {
			return false;
		}
		List<Unit> ownX = x.own(y);
		List<Unit> ownY = y.own(x);
		// A start or an ending may be a little longer, a sum both have (« 41 millions d'euros ») aside.
		int slot = (tail || head) ? SLOT + 1 : SLOT;
		int sharedX = (tail || head) ? x.sharedFigureWords(ownX) : 0;
		int sharedY = (tail || head) ? y.sharedFigureWords(ownY) : 0;
		if (x.size() - sharedX > slot || y.size() - sharedY > slot) {
			return false;
		}
		if (ownX.isEmpty() || ownY.isEmpty()) {
			return false;
		}
		if (ownX.size() == 1 && ownY.size() == 1 && !ownX.get(0).name() && !ownY.get(0).name()
				&& FrenchWords.commonPrefix(ownX.get(0).words().get(0), ownY.get(0).words().get(0)) >= 4) {
			// One word each, of one root: « dissout » / « dissolution ».
			return false;
		}
		if (tail || head) {
			// Where a headline starts or ends, details gather (« … de la 20e édition » / « … du festival Mawazine »,
			// « Akdital rachète » / « Le groupe Akdital acquiert »): a start or an ending is another story when most of
			// it (the figures both have aside) is on each side not in the other.
			return ownX.size() * 2 > x.units().size() - x.sharedFigures(ownX)
					&& ownY.size() * 2 > y.units().size() - y.sharedFigures(ownY);
		}
		return true;
	}

	/** Words alike at both ends of a substitution: « … réclame un débat au Parlement » is four. */
	static final int FRAME = 3;

	/** Words in the slot of a substitution: « la ministre de l'Éducation nationale » is three. */
	static final int SLOT = 4;

	/**
	 * The words of a headline in [from, to) that its other headline fills differently, with the units they are in,
	 * and the words of the rubric left out of the comparison, which the other slot may find again.
	 */
	private record Slot(TitleKey key, List<String> words, List<Unit> units, List<Unit> pool) {

		Slot(TitleKey key, List<Unit> all, int from, int to, int rubric) {
			this(key, key.words().subList(from, to), all, from, to, rubric);
		}

		private Slot(TitleKey key, List<String> words, List<Unit> all, int from, int to, int rubric) {
			this(key, words, unitsWith(all, key.words(), from, to), unitsWith(all, key.words(), from, to, 0, rubric));
		}

		boolean isEmpty() {
			return this.words.isEmpty();
		}

		int size() {
			return this.words.size();
		}

		/** How many of its words are in figures that the other slot has too. */
		int sharedFigureWords(List<Unit> own) {
			return (int) this.words.stream()
				.filter((word) -> this.units.stream()
					.anyMatch((unit) -> unit.figure() && !own.contains(unit) && unit.words().contains(word)))
				.count();
		}

		/** How many of its units are figures that the other slot has too: not its own, these. */
		int sharedFigures(List<Unit> own) {
			return (int) this.units.stream().filter((unit) -> unit.figure() && !own.contains(unit)).count();
		}

		/**
		 * The units of this slot with no counterpart in the other's (or in the rubric it left out): the same words, a
		 * spelling of them, a word of the same sense, a name they are part of or that is part of them, a capital for
		 * its country (see {@link Unit#like}), an acronym for its words.
		 */
		List<Unit> own(Slot other) {
			// Loops by index, not streams: asked of every lead similar enough, and the quick compiler allocates each
			// stream, lambda and iterator (with those of FilledTemplate, some 500 bytes an item of the story step).
			List<Unit> own = new ArrayList<>();
			List<Unit> pool = other.pool();
			for (int u = 0; u < this.units.size(); u++) {
				Unit unit = this.units.get(u);
				boolean counterpart = false;
				for (int i = 0; i < pool.size() && !counterpart; i++) {
					Unit o = pool.get(i);
					counterpart = o.words().equals(unit.words()) || unit.like(o);
				}
				if (!counterpart && unit.name() && unit.words().size() == 1) {
					// An acronym the other spells out: « BAM » / « Bank Al-Maghrib ».
					for (int i = 0; i < pool.size() && !counterpart; i++) {
						counterpart = initials(pool.get(i).words()).equals(unit.words().get(0));
					}
				}
				if (!counterpart) {
					own.add(unit);
				}
			}
			return own;
		}

		private static String initials(List<String> words) {
			StringBuilder initials = new StringBuilder();
			words.forEach((word) -> initials.append(word.charAt(0)));
			return initials.toString();
		}

		/** The units with a word at a position in one of the ranges [from, to). */
		private static List<Unit> unitsWith(List<Unit> units, List<String> words, int... ranges) {
			// A headline has a dozen words and units: looked for in the ranges as they are, no set nor stream made.
			List<Unit> with = new ArrayList<>(units.size());
			for (int u = 0; u < units.size(); u++) {
				Unit unit = units.get(u);
				if (anyIn(unit.words(), words, ranges)) {
					with.add(unit);
				}
			}
			return List.copyOf(with);
		}

		/** Whether one of these words is a word at a position in one of the ranges [from, to). */
		private static boolean anyIn(List<String> unitWords, List<String> words, int[] ranges) {
			for (int w = 0; w < unitWords.size(); w++) {
				String word = unitWords.get(w);
				for (int r = 0; r + 1 < ranges.length; r += 2) {
					for (int i = ranges[r]; i < ranges[r + 1]; i++) {
						if (words.get(i).equals(word)) {
							return true;
						}
					}
				}
			}
			return false;
		}

	}

}

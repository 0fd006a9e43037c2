package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
	 * words in another order.
	 */
	static boolean between(TitleKey a, TitleKey b, List<Unit> unitsA, List<Unit> unitsB) {
		return template(a, b) || slotReplaced(a, b, unitsA, unitsB);
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
	 * prix des moutons grimpent ») differ in more places and go to {@link #slotReplaced}.
	 */
	static boolean template(TitleKey a, TitleKey b) {
		List<String> sa = a.surface();
		List<String> sb = b.surface();
		int[][] pairs = aligned(sa, sb);
		long alignedWords = java.util.Arrays.stream(pairs).filter((pair) -> !FrenchWords.STOP.contains(sa.get(pair[0])))
			.count();
		if (pairs.length < FRAME || alignedWords * 5 < Math.max(content(sa).size(), content(sb).size()) * 3) {
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
		if (bounded(sa, sb, pairs, 0) || bounded(sb, sa, pairs, 1)) {
			return true;
		}
		if (stretch == null || stretch[1] - stretch[0] > STRETCH || stretch[3] - stretch[2] > STRETCH) {
			return false;
		}
		List<String> x = content(sa.subList(stretch[0], stretch[1]));
		List<String> y = content(sb.subList(stretch[2], stretch[3]));
		spelled(x, y, a.acronyms());
		spelled(y, x, b.acronyms());
		if (added && (x.size() != 1 || y.size() != 1)) {
			// With words added besides, only one word swapped for another is a template filled twice.
			return false;
		}
		// A word of the stretch that the other headline has elsewhere has moved, not changed.
		List<String> otherX = content(sb);
		List<String> otherY = content(sa);
		boolean sense = added;
		return x.stream().anyMatch((u) -> otherX.stream().noneMatch((v) -> counterpart(u, v, sense)))
				&& y.stream().anyMatch((v) -> otherY.stream().noneMatch((u) -> counterpart(u, v, sense)));
	}

	/**
	 * Whether {@code a} says how far something goes (« jusqu'en plaine », « jusqu'à 44 degrés ») where the same
	 * sentence in {@code b} says nothing of it: « de la neige attendue mardi » / « des chutes de neige jusqu'en plaine
	 * attendues mardi » are two forecasts, as « attendues jeudi » / « attendues jusqu'à jeudi » are.
	 */
	private static boolean bounded(List<String> a, List<String> b, int[][] pairs, int side) {
		Set<Integer> aligned = new HashSet<>();
		for (int[] pair : pairs) {
			aligned.add(pair[side]);
		}
		List<String> other = content(b);
		for (int i = 0; i < a.size(); i++) {
			if (a.get(i).equals("jusqu") && !aligned.contains(i)) {
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
	private static boolean sameToken(String a, String b) {
		return a.equals(b) || (!FrenchWords.STOP.contains(a) && !FrenchWords.STOP.contains(b)
				&& FrenchWords.stem(a).equals(FrenchWords.stem(b)));
	}

	/** The positions of the words two lists have in the same order, as many as can be. */
	private static int[][] aligned(List<String> a, List<String> b) {
		int[][] longest = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				longest[i][j] = sameToken(a.get(i), b.get(j)) ? longest[i + 1][j + 1] + 1
						: Math.max(longest[i + 1][j], longest[i][j + 1]);
			}
		}
		List<int[]> pairs = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			if (sameToken(a.get(i), b.get(j)) && longest[i][j] == longest[i + 1][j + 1] + 1) {
				pairs.add(new int[] { i++, j++ });
			}
			else if (longest[i + 1][j] >= longest[i][j + 1]) {
				i++;
			}
			else {
				j++;
			}
		}
		return pairs.toArray(new int[0][]);
	}

	/** Takes out of both an acronym of {@code x} and the words of {@code y} that spell it out: « BAM », « Bank Al-Maghrib ». */
	private static void spelled(List<String> x, List<String> y, Set<String> acronyms) {
		for (String acronym : acronyms) {
			int start = TitleKey.spelledOut(acronym, y, java.util.Collections.nCopies(y.size(), 0));
			if (start >= 0 && x.remove(FrenchWords.stem(acronym))) {
				y.subList(start, start + acronym.length()).clear();
			}
		}
	}

	/** Words of a template's stretch: « s'impose face à » is three. */
	static final int STRETCH = 4;

	/** The words of a stretch as written that carry something, as {@link TitleKey#words} has them. */
	private static List<String> content(List<String> surface) {
		List<String> content = new ArrayList<>();
		for (String word : surface) {
			if (!FrenchWords.STOP.contains(word)) {
				List<String> expanded = FrenchWords.ABBREVIATIONS.get(word);
				if (expanded != null) {
					content.addAll(expanded);
				}
				else {
					content.add(FrenchWords.NUMBER_WORDS.getOrDefault(word, FrenchWords.stem(word)));
				}
			}
		}
		return content;
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
			List<Unit> own = new ArrayList<>();
			for (Unit unit : this.units) {
				boolean counterpart = other.pool().stream()
					.anyMatch((o) -> o.words().equals(unit.words()) || unit.like(o));
				if (!counterpart && unit.name() && unit.words().size() == 1) {
					// An acronym the other spells out: « BAM » / « Bank Al-Maghrib ».
					counterpart = other.pool().stream().anyMatch((o) -> initials(o.words()).equals(unit.words().get(0)));
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
			Set<String> in = new java.util.HashSet<>();
			for (int r = 0; r + 1 < ranges.length; r += 2) {
				in.addAll(words.subList(ranges[r], ranges[r + 1]));
			}
			return units.stream().filter((unit) -> unit.words().stream().anyMatch(in::contains)).toList();
		}

	}

	static boolean sameSense(List<String> x, List<String> y) {
		Set<Senses.Sense> senses = new HashSet<>();
		x.forEach((word) -> senses.addAll(Senses.of(word)));
		return y.stream().anyMatch((word) -> Senses.of(word).stream().anyMatch(senses::contains));
	}

}

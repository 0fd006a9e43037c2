package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Why two headlines that share most of their words tell two stories. Checked after similarity: any one of them
 * keeps the headlines apart, whatever their similarity, because a wrong merge hides a story from the reader.
 */
public enum Contradiction {

	/** One says no: « Macron annonce un référendum » / « Macron n'annonce pas de référendum ». */
	NEGATION,

	/** One denies what the other says: « La DGSN dément une vidéo… » / « Une vidéo… ». */
	DENIAL,

	/**
	 * Each quotes words that the other does not: « « C'est un soulagement » : le patronat salue l'accord » / « « Le
	 * compte n'y est pas » : le patronat salue l'accord », « « Une saison à Brest » remporte le prix » / « « Après
	 * l'orage » remporte le prix ». A quote is what the headline reports, or the title of a work: two quotes are two
	 * statements, or two works. A quote in one headline only passes.
	 */
	QUOTE,

	/** Each has a number the other lacks: « 2-1 » / « 3-0 », « 2025 » / « 2026 », « 12,8 % » / « 13,1 % ». */
	NUMBERS,

	/** Each has a name the other lacks: « le Maroc bat le Bénin » / « le Maroc bat la Tunisie ». */
	NAMES,

	/**
	 * Each is filed under a topic that the other does not name: the last word of each rubric, the one that says
	 * which (« Prix des carburants : une hausse de 22 % attendue » / « Valence : le prix du stationnement augmente de
	 * 22 % »), is nowhere in the other headline. « Festival de Cannes : … » / « Cannes 2025 : … » passes.
	 */
	TOPIC,

	/** Each has a word the other lacks, of opposite meaning: hausse / baisse, victoire / défaite, ouvre / ferme. */
	OPPOSITES,

	/** Everything alike but one word each: « vigilance orange » / « vigilance rouge », « du mois » / « de l'année ». */
	SUBSTITUTION,

	/** Two words swapped around a third: « le Maroc bat le Sénégal » / « le Sénégal bat le Maroc ». */
	ORDER;

	/** The first contradiction between two headlines, or null when they may tell the same story. */
	static @Nullable Contradiction between(TitleKey a, TitleKey b) {
		return between(a, b, Unit.of(a), Unit.of(b));
	}

	/** As {@link #between(TitleKey, TitleKey)}, with the units of each headline worked out already. */
	static @Nullable Contradiction between(TitleKey a, TitleKey b, List<Unit> unitsA, List<Unit> unitsB) {
		if (says(a, b) != says(b, a)) {
			return NEGATION;
		}
		if (denies(a) != denies(b)) {
			return DENIAL;
		}
		if (ownQuote(a.quotes(), b.quotes()) && ownQuote(b.quotes(), a.quotes())) {
			return QUOTE;
		}
		if (eachHasItsOwn(a.numbers(), b.numbers())) {
			return NUMBERS;
		}
		if (hasUnmatchedName(a, b) && hasUnmatchedName(b, a)) {
			return NAMES;
		}
		if (ownTopic(a, b) && ownTopic(b, a)) {
			return TOPIC;
		}
		if (opposites(a, b)) {
			return OPPOSITES;
		}
		if (template(a, b) || slotReplaced(a, b, unitsA, unitsB)) {
			return SUBSTITUTION;
		}
		if (swapped(a, b) || scoreTurned(a, b)) {
			return ORDER;
		}
		return null;
	}

	/**
	 * Whether {@code a} says no about something {@code b} tells: a word that a negation of {@code a} bears on is in
	 * {@code b} (« Macron n'annonce pas de référendum » / « Macron annonce un référendum »). « …, pas de blessé
	 * grave » says no about what the other headline does not tell, and passes; so does « pas de hausse du prix du
	 * pain » beside « le prix du pain reste inchangé ».
	 */
	private static boolean says(TitleKey a, TitleKey b) {
		Set<String> other = b.wordSet();
		for (String word : a.negations()) {
			if (other.stream().anyMatch((w) -> FrenchWords.variants(word, w))) {
				return true;
			}
		}
		return false;
	}

	private static boolean denies(TitleKey key) {
		return key.words().stream().anyMatch((word) -> word.startsWith(FrenchWords.DENIAL));
	}

	/**
	 * Whether {@code a} quotes something that {@code b}, which quotes too, does not: a quote with fewer than half the
	 * words of the shorter in common with each quote of {@code b}.
	 */
	static boolean ownQuote(List<List<String>> a, List<List<String>> b) {
		return !b.isEmpty() && a.stream().anyMatch((quote) -> b.stream().noneMatch((other) -> sameQuote(quote, other)));
	}

	private static boolean sameQuote(List<String> a, List<String> b) {
		List<String> shorter = (a.size() <= b.size()) ? a : b;
		List<String> longer = (shorter == a) ? b : a;
		long shared = shorter.stream()
			.filter((word) -> longer.stream().anyMatch((other) -> FrenchWords.variants(word, other)))
			.count();
		return shared * 2 >= shorter.size();
	}

	/** Whether {@code a} has a rubric whose last word {@code b}, which has a rubric too, has nowhere. */
	private static boolean ownTopic(TitleKey a, TitleKey b) {
		if (a.rubric() == 0 || b.rubric() == 0) {
			return false;
		}
		String last = a.words().get(a.rubric() - 1);
		return b.words().stream().noneMatch((word) -> FrenchWords.nameVariants(last, word));
	}

	private static boolean eachHasItsOwn(Set<String> a, Set<String> b) {
		return !b.containsAll(a) && !a.containsAll(b);
	}

	/**
	 * Whether {@code a} names someone or somewhere that {@code b} does not. A name is matched when all its words are
	 * in {@code b}, when one of {@code b}'s names is part of it (« Walid Regragui » / « Regragui »), or when one is
	 * the acronym of the other (« UE » / « Union européenne »). A headline without case information counts every
	 * word the other lacks as a possible name.
	 */
	private static boolean hasUnmatchedName(TitleKey a, TitleKey b) {
		Set<String> other = b.wordSet();
		if (a.names() == null || lowersNames(a, b)) {
			return a.words()
				.stream()
				.anyMatch((word) -> !isNumber(word) && other.stream().noneMatch((w) -> FrenchWords.variants(word, w)));
		}
		for (List<String> name : a.names()) {
			if (!matched(name, a, b, other)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code a} writes in lower case a name that {@code b} capitalises (« monaco tombe contre toulouse » /
	 * « Montpellier tombe contre Monaco »): its case then tells no name from another word either.
	 */
	private static boolean lowersNames(TitleKey a, TitleKey b) {
		if (b.names() == null) {
			return false;
		}
		Set<String> inNames = new HashSet<>();
		a.names().forEach(inNames::addAll);
		return b.names().stream()
			.flatMap(List::stream)
			.anyMatch((word) -> !inNames.contains(word) && a.words().contains(word) && !b.acronyms().contains(word));
	}

	private static boolean boundFirst(String word, TitleKey key) {
		for (List<String> pair : key.bound()) {
			if (pair.get(0).equals(word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matched(List<String> name, TitleKey a, TitleKey b, Set<String> other) {
		// A word that stands for nothing without the next one in a name of b (« Loire » of « Haute-Loire », « Conseil »
		// of « Conseil d'État ») does not find a name of a.
		boolean all = true;
		for (int i = 0; i < name.size() && all; i++) {
			boolean found = false;
			for (String w : other) {
				if (FrenchWords.nameVariants(name.get(i), w) && !boundFirst(w, b)) {
					found = true;
					break;
				}
			}
			all = found;
		}
		if (all || FrenchWords.countryIn(name, b.words())) {
			return true;
		}
		if (b.names() != null) {
			for (List<String> otherName : b.names()) {
				if (a.partOf(name, otherName) || b.partOf(otherName, name)) {
					return true;
				}
			}
		}
		if (name.size() == 1 && isAcronym(name.get(0), a)) {
			String acronym = a.acronyms().stream().filter((x) -> FrenchWords.stem(x).equals(name.get(0))).findFirst()
				.orElseThrow();
			return TitleKey.spelledOut(acronym, b.words(), b.clauses()) >= 0;
		}
		if (name.size() >= 2) {
			StringBuilder initials = new StringBuilder();
			name.forEach((word) -> initials.append(word.charAt(0)));
			return b.acronyms().contains(initials.toString());
		}
		return false;
	}

	private static boolean isAcronym(String word, TitleKey key) {
		return key.acronyms().stream().anyMatch((acronym) -> FrenchWords.stem(acronym).equals(word));
	}

	private static boolean opposites(TitleKey a, TitleKey b) {
		Map<String, Set<String>> onlyA = senses(a, b.wordSet());
		Map<String, Set<String>> onlyB = senses(b, a.wordSet());
		for (Map.Entry<String, Set<String>> group : onlyA.entrySet()) {
			Set<String> values = onlyB.get(group.getKey());
			if (values != null) {
				for (String value : group.getValue()) {
					for (String otherValue : values) {
						if (!value.equals(otherValue)) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	/** The groups and values of opposite words of {@code key} that {@code other} does not have. */
	private static Map<String, Set<String>> senses(TitleKey key, Set<String> other) {
		Map<String, Set<String>> senses = new HashMap<>();
		for (String word : key.words()) {
			// « Pas de hausse » says no hausse: it is no word of its sense.
			if (!other.contains(word) && !key.negations().contains(word)) {
				for (FrenchWords.Sense sense : FrenchWords.senses(word)) {
					senses.computeIfAbsent(sense.group(), (group) -> new HashSet<>()).add(sense.value());
				}
			}
		}
		return senses;
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
	static boolean substitution(TitleKey a, TitleKey b) {
		return template(a, b) || slotReplaced(a, b, Unit.of(a), Unit.of(b));
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

	private static boolean sameSense(List<String> x, List<String> y) {
		Set<FrenchWords.Sense> senses = new HashSet<>();
		x.forEach((word) -> senses.addAll(FrenchWords.senses(word)));
		return y.stream().anyMatch((word) -> FrenchWords.senses(word).stream().anyMatch(senses::contains));
	}

	/**
	 * Whether two words come in one order in {@code a} and the other in {@code b}, with a third word between them
	 * in both, all three in one clause of each: the verb of « le Maroc bat le Sénégal » / « le Sénégal bat le
	 * Maroc ». A topic moved to the front (« Agadir : visite du ministre… » / « Le ministre en visite à Agadir ») is
	 * in another clause, and a passive (« … reçu par le pape ») names its subject last: both pass.
	 */
	static boolean swapped(TitleKey a, TitleKey b) {
		if (a.passive() || b.passive()) {
			return false;
		}
		List<String> wa = a.words();
		List<String> wb = b.words();
		// Where each word of a, found once in a, is in b (found once there too, or as a variant), or -1.
		int[] at = new int[wa.size()];
		for (int i = 0; i < wa.size(); i++) {
			at[i] = -1;
			String word = wa.get(i);
			if (wa.indexOf(word) != wa.lastIndexOf(word)) {
				continue;
			}
			List<Integer> found = new ArrayList<>();
			for (int j = 0; j < wb.size(); j++) {
				if (FrenchWords.variants(word, wb.get(j))) {
					found.add(j);
				}
			}
			if (found.size() == 1) {
				at[i] = found.get(0);
			}
		}
		for (int i = 0; i < wa.size(); i++) {
			for (int j = i + 2; j < wa.size(); j++) {
				if (at[i] < 0 || at[j] < 0 || at[i] <= at[j] || !a.clauses().get(i).equals(a.clauses().get(j))
						|| !b.clauses().get(at[i]).equals(b.clauses().get(at[j]))) {
					continue;
				}
				for (int k = i + 1; k < j; k++) {
					// The word between is what one does to the other (« bat », « expulse »), not a third name; in the
					// other headline it may be a word of the same sense (« Lyon bat Nice » / « Nice domine Lyon »).
					String between = wa.get(k);
					if (a.inName(between) || isNumber(between)) {
						continue;
					}
					if (at[k] > at[j] && at[k] < at[i] || sameSenseBetween(between, wb, at[j], at[i])) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Whether two names come in one order in {@code a} and the other in {@code b} before the same score, which
	 * counts the goals of the first named first: « Le Havre écrase Lens (2-0) » / « Lens fait chuter Le Havre
	 * (2-0) ».
	 */
	static boolean scoreTurned(TitleKey a, TitleKey b) {
		if (a.passive() || b.passive() || a.names() == null || b.names() == null) {
			return false;
		}
		String score = a.words().stream().filter((word) -> SCORE.matcher(word).matches() && b.words().contains(word))
			.findFirst().orElse(null);
		if (score == null) {
			return false;
		}
		List<List<String>> names = a.names().stream().filter((name) -> b.names().contains(name)).toList();
		for (int i = 0; i < names.size(); i++) {
			for (int j = i + 1; j < names.size(); j++) {
				int a1 = java.util.Collections.indexOfSubList(a.words(), names.get(i));
				int a2 = java.util.Collections.indexOfSubList(a.words(), names.get(j));
				int b1 = java.util.Collections.indexOfSubList(b.words(), names.get(i));
				int b2 = java.util.Collections.indexOfSubList(b.words(), names.get(j));
				int scoreA = a.words().indexOf(score);
				int scoreB = b.words().indexOf(score);
				if (Math.max(a1, a2) < scoreA && Math.max(b1, b2) < scoreB && (a1 < a2) != (b1 < b2)) {
					return true;
				}
			}
		}
		return false;
	}

	private static final java.util.regex.Pattern SCORE = java.util.regex.Pattern.compile("\\d+-\\d+");

	/** Whether a word of {@code words} strictly between two positions has a sense of {@code word}. */
	private static boolean sameSenseBetween(String word, List<String> words, int from, int to) {
		List<FrenchWords.Sense> senses = FrenchWords.senses(word);
		if (senses.isEmpty()) {
			return false;
		}
		for (int k = from + 1; k < to; k++) {
			if (FrenchWords.senses(words.get(k)).stream().anyMatch(senses::contains)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNumber(String word) {
		return FrenchWords.hasDigit(word);
	}

}

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

	/** Each has a number the other lacks: « 2-1 » / « 3-0 », « 2025 » / « 2026 », « 12,8 % » / « 13,1 % ». */
	NUMBERS,

	/** Each has a name the other lacks: « le Maroc bat le Bénin » / « le Maroc bat la Tunisie ». */
	NAMES,

	/** Each has a word the other lacks, of opposite meaning: hausse / baisse, victoire / défaite, ouvre / ferme. */
	OPPOSITES,

	/** Everything alike but one word each: « vigilance orange » / « vigilance rouge », « du mois » / « de l'année ». */
	SUBSTITUTION,

	/** Two words swapped around a third: « le Maroc bat le Sénégal » / « le Sénégal bat le Maroc ». */
	ORDER;

	/** The first contradiction between two headlines, or null when they may tell the same story. */
	static @Nullable Contradiction between(TitleKey a, TitleKey b) {
		if (says(a, b) != says(b, a)) {
			return NEGATION;
		}
		if (denies(a) != denies(b)) {
			return DENIAL;
		}
		if (eachHasItsOwn(a.numbers(), b.numbers())) {
			return NUMBERS;
		}
		if (hasUnmatchedName(a, b) && hasUnmatchedName(b, a)) {
			return NAMES;
		}
		if (opposites(a, b)) {
			return OPPOSITES;
		}
		if (substitution(a.words(), b.words())) {
			return SUBSTITUTION;
		}
		if (swapped(a, b)) {
			return ORDER;
		}
		return null;
	}

	/**
	 * Whether {@code a} says no about something {@code b} tells: a clause with a negation that shares a word with
	 * {@code b}. « …, pas de blessé grave » says no about what the other headline does not tell, and passes.
	 */
	private static boolean says(TitleKey a, TitleKey b) {
		Set<String> other = b.wordSet();
		for (int clause : a.negations()) {
			if (a.clause(clause).stream().anyMatch((word) -> other.stream().anyMatch((w) -> FrenchWords.variants(word, w)))) {
				return true;
			}
		}
		return false;
	}

	private static boolean denies(TitleKey key) {
		return key.words().stream().anyMatch((word) -> word.startsWith(FrenchWords.DENIAL));
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
		if (a.names() == null) {
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

	private static boolean matched(List<String> name, TitleKey a, TitleKey b, Set<String> other) {
		if (name.stream().allMatch((word) -> other.stream().anyMatch((w) -> FrenchWords.nameVariants(word, w)))
				|| FrenchWords.countryIn(name, b.words())) {
			return true;
		}
		if (b.names() != null) {
			for (List<String> otherName : b.names()) {
				if (name.containsAll(otherName)) {
					return true;
				}
			}
		}
		if (name.size() == 1 && isAcronym(name.get(0), a)) {
			String acronym = a.acronyms().stream().filter((x) -> FrenchWords.stem(x).equals(name.get(0))).findFirst()
				.orElseThrow();
			return TitleKey.spelledOut(acronym, b.words()) >= 0;
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
			if (!other.contains(word)) {
				for (FrenchWords.Sense sense : FrenchWords.senses(word)) {
					senses.computeIfAbsent(sense.group(), (group) -> new HashSet<>()).add(sense.value());
				}
			}
		}
		return senses;
	}

	/**
	 * Whether the headlines are one sentence with one slot filled differently: the same words before and after (three
	 * at least), and one or two words each in between that are neither spellings of one word nor words of the same
	 * sense. « Vigilance orange aux orages » / « vigilance rouge aux orages » are two stories; « le prix du mouton en
	 * hausse de 20 % » / « les prix des moutons grimpent de 20 % » are one.
	 */
	static boolean substitution(List<String> a, List<String> b) {
		int prefix = 0;
		while (prefix < a.size() && prefix < b.size() && FrenchWords.variants(a.get(prefix), b.get(prefix))) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < a.size() - prefix && suffix < b.size() - prefix
				&& FrenchWords.variants(a.get(a.size() - 1 - suffix), b.get(b.size() - 1 - suffix))) {
			suffix++;
		}
		List<String> x = a.subList(prefix, a.size() - suffix);
		List<String> y = b.subList(prefix, b.size() - suffix);
		if (x.isEmpty() || y.isEmpty() || x.size() > 2 || y.size() > 2 || prefix + suffix < 3) {
			return false;
		}
		if (x.size() == 1 && y.size() == 1 && FrenchWords.commonPrefix(x.get(0), y.get(0)) >= 3) {
			return false;
		}
		boolean related = x.stream().anyMatch((u) -> y.stream().anyMatch((v) -> FrenchWords.commonPrefix(u, v) >= 4));
		return !related && !sameSense(x, y);
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
					// The word between is what one does to the other (« bat », « expulse »), not a third name.
					if (at[k] > at[j] && at[k] < at[i] && !a.inName(wa.get(k)) && !isNumber(wa.get(k))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean isNumber(String word) {
		return FrenchWords.hasDigit(word);
	}

}

package fr.manchette.dedup;

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
		return between(new MatchedHeadline(a), new MatchedHeadline(b));
	}

	/**
	 * As {@link #between(TitleKey, TitleKey)}, with what each headline alone says worked out already (its units,
	 * whether it denies, its numbers, its words as written): a headline is compared again and again.
	 */
	static @Nullable Contradiction between(MatchedHeadline headlineA, MatchedHeadline headlineB) {
		Contradiction plain = plain(headlineA, headlineB);
		return (plain != null) ? plain : besidesPlain(headlineA, headlineB);
	}

	/**
	 * The first of the contradictions that {@link #between} looks for after the {@link #plain} ones, or null: for
	 * two headlines of which the plain ones are known to be null already.
	 */
	static @Nullable Contradiction besidesPlain(MatchedHeadline headlineA, MatchedHeadline headlineB) {
		TitleKey a = headlineA.key();
		TitleKey b = headlineB.key();
		if (Names.unmatched(a, b) && Names.unmatched(b, a)) {
			return NAMES;
		}
		if (ownTopic(a, b) && ownTopic(b, a)) {
			return TOPIC;
		}
		if (opposites(headlineA, headlineB)) {
			return OPPOSITES;
		}
		if (Substitution.between(headlineA, headlineB)) {
			return SUBSTITUTION;
		}
		if (WordOrder.swapped(a, b) || WordOrder.scoreTurned(a, b)) {
			return ORDER;
		}
		return null;
	}

	/**
	 * The first of the contradictions that are told at little cost, each from what a headline says alone (a
	 * negation, a denial, its quotes, its numbers), or null: the first {@link #between} looks for. A story's lead
	 * with one of them is no lead for the item whatever their similarity, which the matcher then does not work out
	 * (most of the farm's near headlines differ by a number).
	 */
	static @Nullable Contradiction plain(MatchedHeadline headlineA, MatchedHeadline headlineB) {
		// The keys read only for a headline that has negations or quotes (few): what is asked of the others is in
		// their fields (see MatchedHeadline), and a lead's key is elsewhere in the heap.
		if ((headlineA.negates() || headlineB.negates())
				&& says(headlineA.key(), headlineB.key()) != says(headlineB.key(), headlineA.key())) {
			return NEGATION;
		}
		if (headlineA.denies() != headlineB.denies()) {
			return DENIAL;
		}
		if (headlineA.quotes() && headlineB.quotes() && ownQuote(headlineA.key().quotes(), headlineB.key().quotes())
				&& ownQuote(headlineB.key().quotes(), headlineA.key().quotes())) {
			return QUOTE;
		}
		if (headlineA.ownNumber(headlineB) && headlineB.ownNumber(headlineA)) {
			return NUMBERS;
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
		if (a.negations().isEmpty()) {
			// Most headlines: no iterator made for nothing.
			return false;
		}
		List<String> words = b.words();
		for (String word : a.negations()) {
			for (int i = 0; i < words.size(); i++) {
				if (FrenchWords.variants(word, words.get(i))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether {@code a} quotes something that {@code b}, which quotes too, does not: a quote with fewer than half the
	 * words of the shorter in common with each quote of {@code b}.
	 */
	static boolean ownQuote(List<List<String>> a, List<List<String>> b) {
		if (b.isEmpty()) {
			// Most headlines quote nothing: asked of every lead, no stream made for nothing.
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			boolean same = false;
			for (int j = 0; j < b.size() && !same; j++) {
				same = sameQuote(a.get(i), b.get(j));
			}
			if (!same) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameQuote(List<String> a, List<String> b) {
		List<String> shorter = (a.size() <= b.size()) ? a : b;
		List<String> longer = (shorter == a) ? b : a;
		int shared = 0;
		for (int i = 0; i < shorter.size(); i++) {
			String word = shorter.get(i);
			for (int j = 0; j < longer.size(); j++) {
				if (FrenchWords.variants(word, longer.get(j))) {
					shared++;
					break;
				}
			}
		}
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

	private static boolean opposites(MatchedHeadline headlineA, MatchedHeadline headlineB) {
		if (headlineA.sensedWords().length == 0 || headlineB.sensedWords().length == 0) {
			// Each needs a word of a sense the other lacks.
			return false;
		}
		TitleKey a = headlineA.key();
		TitleKey b = headlineB.key();
		Map<String, Set<String>> onlyA = senses(headlineA.sensedWords(), a.negations(), b.words());
		if (onlyA.isEmpty()) {
			return false;
		}
		Map<String, Set<String>> onlyB = senses(headlineB.sensedWords(), b.negations(), a.words());
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

	/**
	 * The groups and values of opposite words of a headline that {@code other} does not have, of its words that
	 * have a sense ({@link MatchedHeadline#sensedWords}) but those its negations bear on.
	 */
	private static Map<String, Set<String>> senses(String[] sensedWords, Set<String> negations, List<String> other) {
		Map<String, Set<String>> senses = Map.of();
		for (String word : sensedWords) {
			List<Senses.Sense> ofWord = Senses.of(word);
			// « Pas de hausse » says no hausse: it is no word of its sense.
			if (!other.contains(word) && !negations.contains(word)) {
				if (senses.isEmpty()) {
					senses = new HashMap<>();
				}
				for (Senses.Sense sense : ofWord) {
					senses.computeIfAbsent(sense.group(), (group) -> new HashSet<>()).add(sense.value());
				}
			}
		}
		return senses;
	}

}

package fr.manchette.dedup;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.manchette.parse.AccentFold;
import fr.manchette.parse.WordLists;
import org.jspecify.annotations.Nullable;

/**
 * The French that the story matcher knows: words that carry no story (stop words), how words are stemmed and when two
 * are spellings of one, numbers written in letters, the words that start a headline without being a name,
 * publishers' names that decorate headlines. The lists are text files under {@code fr/manchette/words/}, each saying
 * what it is for, read once through {@link WordLists}; the words of opposite senses are {@link Senses}', the capitals
 * that stand for their country {@link Metonyms}'.
 */
public final class FrenchWords {

	/** Articles, pronouns, prepositions, auxiliaries: compared as folded, before stemming. */
	static final Set<String> STOP = WordLists.words("french-stop");

	/** Whether a folded word (lower case, no accent) is a stop word: it says nothing of what a text is about. */
	public static boolean isStopWord(String folded) {
		return STOP.contains(folded);
	}

	/** The stop words, folded: for a reader that compares them in place (the word index). */
	public static Set<String> stopWords() {
		return STOP;
	}

	/** Whether some stop word starts with this folded prefix. */
	public static boolean startsAStopWord(String prefix) {
		for (String stop : STOP) {
			if (stop.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Words that make a headline say no. */
	static final Set<String> NEGATION = WordLists.words("french-negations");

	/** The stem of the words that make a headline deny what another one says: « dément », « démenti ». */
	static final String DENIAL = "dement";

	/** Between two capitalised words, these keep a name together: « Lions de l'Atlas », « Coupe du Trône ». */
	static final Set<String> NAME_CONNECTORS = WordLists.words("name-connectors");

	/**
	 * The first words of places written with a hyphen that are another place than the rest: « Haute-Loire » is not
	 * « Loire », « Saint-Denis » not « Denis ».
	 */
	static final Set<String> PLACE_QUALIFIERS = WordLists.words("place-qualifiers");

	/**
	 * Words that start many headlines with a capital only because they come first: a name that starts a headline is
	 * a name (« Maroc : … » and « Algérie : … » are two stories), these are not.
	 */
	static final Set<String> COMMON_OPENERS = WordLists.words("headline-openers");

	/** How many things a word in letters counts: "deux" is 2. "un" and "une" only before a unit (see below). */
	static final Map<String, String> NUMBER_WORDS = Map.copyOf(WordLists.pairs("number-words"));

	/** "une heure", "un an": here "un" counts. */
	static final Set<String> UNITS = WordLists.words("units");

	/** What counts an amount after a number, as stemmed: « 29 millions d'euros » shares a figure, not a story. */
	static final Set<String> AMOUNTS = WordLists.words("amounts");

	/** Abbreviations written out, so that both spellings compare alike. */
	static final Map<String, List<String>> ABBREVIATIONS = Map.copyOf(WordLists.meanings("abbreviations"));

	/** A few irregular forms folded to one. */
	static final Map<String, String> LEMMAS = Map.copyOf(WordLists.pairs("lemmas"));

	/** Publishers whose name ends (or starts) headlines, folded, without spaces or punctuation. */
	static final Set<String> PUBLISHERS = WordLists.words("publishers");

	/** What a publisher's name is compared without: compiled once, not at every headline with a trailing name. */
	private static final Pattern NOT_LETTER_OR_FIGURE = Pattern.compile("[^a-z0-9]");

	private FrenchWords() {
	}

	static boolean hasDigit(String word) {
		for (int i = 0; i < word.length(); i++) {
			// ASCII without asking Character's tables, a few calls deep under the quick compiler: asked of every word
			// read, and again of the words compared.
			char c = word.charAt(i);
			if ((c < 128) ? (c >= '0' && c <= '9') : Character.isDigit(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A light French stemmer, enough for headlines: plurals ("journaux" → "journal", "prix" → "pri"), the verb
	 * ending "-ent", and final "e"s ("sacrée", "sacré" → "sacr"). Both headlines are folded alike, so an odd stem
	 * costs nothing.
	 */
	static String stem(String folded) {
		return stem(folded, listed(folded));
	}

	/** The same, what the lists say of the word at hand. */
	static String stem(String folded, Listed listed) {
		String word = (listed.lemma() != null) ? listed.lemma() : folded;
		int end = stemEnd(word);
		return (end < 0) ? alStem(word) : word.substring(0, end);
	}

	/**
	 * The same, the instance {@link SharedWords} holds of it: a stem cut from the word (« hausses » → « hauss »)
	 * is only copied out when no headline read before had it, which most have.
	 */
	static String sharedStem(String folded, Listed listed) {
		String word = (listed.lemma() != null) ? listed.lemma() : folded;
		int end = stemEnd(word);
		return (end < 0) ? SharedWords.of(alStem(word)) : SharedWords.of(word, end);
	}

	/** « journaux » → « journal ». */
	private static String alStem(String word) {
		return word.substring(0, word.length() - 3) + "al";
	}

	/** Where the stem of the word ends, or -1 when its « aux » is « al » (see {@link #alStem}). */
	private static int stemEnd(String word) {
		if (hasDigit(word)) {
			return word.length();
		}
		int length = word.length();
		if (length > 4 && word.endsWith("aux")) {
			// Its new ending « al » has no final « e » and is no « ent »: nothing more to take off.
			return -1;
		}
		// What is taken off, counted first and cut once: a word of every headline part.
		if (length > 3 && (word.charAt(length - 1) == 's' || word.charAt(length - 1) == 'x')) {
			length--;
		}
		if (length > 6 && word.startsWith("ent", length - 3)) {
			length -= 3;
		}
		for (int i = 0; i < 2 && length > 3 && word.charAt(length - 1) == 'e'; i++) {
			length--;
		}
		return length;
	}

	/**
	 * Two spellings of one word, as the stemmer leaves them: one starts with the other, at least four letters long
	 * (« maroc » / « marocain », « kenya » / « kenyan »), or both start with the same six letters (« touriste » /
	 * « tourisme »).
	 */
	static boolean variants(String x, String y) {
		if (!x.isEmpty() && !y.isEmpty() && x.charAt(0) != y.charAt(0)) {
			// Most pairs asked (every word of a name against every word of a headline): told at their first letter.
			return false;
		}
		if (x.equals(y)) {
			return true;
		}
		int common = commonPrefix(x, y);
		// The letters first: most words share none, and then their digits do not matter.
		return ((common == Math.min(x.length(), y.length()) && common >= 4) || common >= 6) && !hasDigit(x)
				&& !hasDigit(y);
	}

	/**
	 * Two spellings of one name: {@link #variants}, or, for words of six letters or more, one typing or
	 * transliteration slip apart (« Racheline » / « Rachline », « Akhannouch » / « Akhanouch »).
	 */
	static boolean nameVariants(String x, String y) {
		return variants(x, y) || (x.length() >= 6 && y.length() >= 6 && oneEditApart(x, y));
	}

	/** One letter inserted, deleted or replaced. */
	private static boolean oneEditApart(String x, String y) {
		if (Math.abs(x.length() - y.length()) > 1) {
			return false;
		}
		String shorter = (x.length() <= y.length()) ? x : y;
		String longer = (x.length() <= y.length()) ? y : x;
		int i = 0;
		while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
			i++;
		}
		if (shorter.length() == longer.length()) {
			// The rest after the letter replaced (if any is left) is the same.
			int rest = i + Math.min(1, shorter.length() - i);
			return shorter.regionMatches(rest, longer, rest, shorter.length() - rest);
		}
		// The rest of the shorter is the rest of the longer after the letter inserted.
		return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
	}

	static int commonPrefix(String x, String y) {
		int common = 0;
		while (common < x.length() && common < y.length() && x.charAt(common) == y.charAt(common)) {
			common++;
		}
		return common;
	}

	/**
	 * Words that say how a day or a month counts: « jusqu'à jeudi », « dès lundi », « avant mars », « après mai »,
	 * « d'ici septembre ». « Attendues jusqu'à jeudi » is not « attendues jeudi ».
	 */
	static final Set<String> TIME_MODES = Set.of("jusqu", "des", "avant", "apres", "ici");

	/** Between a word of {@link #TIME_MODES} and its day: « jusqu~jeudi ». */
	static final char TIME_MODE = '~';

	/** What the lists above say of each word of one of them, folded (see {@link #listed}); declared after them all. */
	private static final Map<String, Listed> LISTED = listedWords();

	/**
	 * What the lists say of a folded word: {@link Listed#NONE} for a word of none of them, most words. A headline's
	 * reader asks it once of each part, where it asked each list in turn, some eight lookups a part.
	 */
	static Listed listed(String folded) {
		Listed listed = LISTED.get(folded);
		return (listed != null) ? listed : Listed.NONE;
	}

	private static Map<String, Listed> listedWords() {
		Set<String> words = new HashSet<>();
		for (Set<String> list : List.of(STOP, NEGATION, NAME_CONNECTORS, PLACE_QUALIFIERS, COMMON_OPENERS, UNITS,
				TIME_MODES)) {
			words.addAll(list);
		}
		words.addAll(NUMBER_WORDS.keySet());
		words.addAll(ABBREVIATIONS.keySet());
		words.addAll(LEMMAS.keySet());
		// A HashMap: it tells most words (none of these) from the hash the string keeps, with no comparison.
		Map<String, Listed> listed = new HashMap<>();
		for (String word : words) {
			listed.put(word, new Listed(STOP.contains(word), NEGATION.contains(word), NAME_CONNECTORS.contains(word),
					PLACE_QUALIFIERS.contains(word), COMMON_OPENERS.contains(word), UNITS.contains(word),
					TIME_MODES.contains(word), NUMBER_WORDS.get(word), ABBREVIATIONS.get(word), LEMMAS.get(word)));
		}
		return listed;
	}

	/**
	 * What the lists say of one folded word: which sets have it ({@link #STOP}, {@link #NEGATION},
	 * {@link #NAME_CONNECTORS}, {@link #PLACE_QUALIFIERS}, {@link #COMMON_OPENERS}, {@link #UNITS},
	 * {@link #TIME_MODES}), and its values in the maps ({@link #NUMBER_WORDS}, {@link #ABBREVIATIONS},
	 * {@link #LEMMAS}), null where it has none.
	 */
	record Listed(boolean stop, boolean negation, boolean nameConnector, boolean placeQualifier, boolean commonOpener,
			boolean unit, boolean timeMode, @Nullable String number, @Nullable List<String> abbreviation,
			@Nullable String lemma) {

		/** A word of none of the lists. */
		static final Listed NONE = new Listed(false, false, false, false, false, false, false, null, null, null);

	}

	static boolean isPublisher(@Nullable String name) {
		if (name == null) {
			return false;
		}
		String compact = NOT_LETTER_OR_FIGURE.matcher(AccentFold.fold(name)).replaceAll("");
		return PUBLISHERS.contains(compact);
	}

}

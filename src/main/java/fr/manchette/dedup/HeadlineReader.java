package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the parts of a headline into its {@link TitleKey}: the words each part gives (none for a stop word, a figure
 * for a number in letters, the words of an abbreviation), the names its capitals make, what its negations bear on,
 * its rubric and the mode of its days (« jusqu'à jeudi »).
 */
final class HeadlineReader {

	/** What {@code [«»“”„‟"‹›]} matches: read as spaces. */
	private static final TextScan.Chars QUOTES = TextScan.chars("«»“”„‟\"‹›");

	private static final Pattern PERCENT = Pattern.compile("(?<=\\d)\\s+%");

	private static final Pattern DEGREES = Pattern.compile("(?<=\\d)\\s*°\\s*[cC]?");

	private static final Pattern ORDINAL = Pattern.compile("(\\d+)(?:e|er|re|ere|eme)");

	/** A rubric is short: « Guerre en Ukraine : », not half the headline. */
	private static final int MAX_RUBRIC = 4;

	/** « T1 »: the first quarter. */
	private static final Pattern QUARTER = Pattern.compile("t([1-4])");

	private HeadlineReader() {
	}

	/** The key of a headline stripped of its decorations, its quotes read already. */
	static TitleKey read(String decorated, List<List<String>> quotes) {
		String text = decorated;
		text = TextScan.replace(text, QUOTES, ' ');
		if (TextScan.hasAsciiDigit(text)) {
			// Each of these follows a digit (\d: 0 to 9) and adds none; the last three each need a character that
			// most headlines lack, and are not run on one without it. The first two, the frequent ones, are scans
			// (see TextScan): as patterns, with their lookarounds, they were a tenth of reading a headline.
			// "10 000", "1.400": a group of three digits after a space or a dot is a thousands group.
			text = TextScan.withoutThousandsSeparators(text);
			if (text.indexOf(',') >= 0) {
				text = TextScan.withDecimalPoints(text);
			}
			if (text.indexOf('%') >= 0) {
				text = PERCENT.matcher(text).replaceAll("%");
			}
			if (text.indexOf('°') >= 0) {
				text = DEGREES.matcher(text).replaceAll(" ");
			}
		}
		List<HeadlinePart> parts = HeadlineParts.of(text);
		boolean caseless = HeadlineParts.caseless(parts);
		// A word a part, most headlines: no copy of their arrays as they fill.
		List<String> words = new ArrayList<>(parts.size());
		List<Integer> clauses = new ArrayList<>(parts.size());
		// A headline has a few names of a few words: lists sized so, not ten places each (they are copied after).
		List<List<String>> names = new ArrayList<>(4);
		// These three are empty in most headlines: made at their first word (see added).
		Set<String> acronyms = null;
		Set<String> negations = null;
		boolean negated = false;
		boolean passive = false;
		Set<List<String>> bound = null;
		List<String> name = null;
		boolean afterConnector = false;
		String mode = null;
		int clauseOfMode = 0;
		// The words of each part in turn, in one list: not a list made for every word of every headline.
		List<String> emitted = new ArrayList<>(4);
		for (int i = 0; i < parts.size(); i++) {
			HeadlinePart part = parts.get(i);
			String folded = part.folded();
			passive |= folded.equals("par");
			emitted.clear();
			words(part, (i + 1 < parts.size()) ? parts.get(i + 1) : null, emitted);
			String timeMode = timeMode(part, (i > 0) ? parts.get(i - 1) : null);
			if (timeMode != null && !timeMode.equals(folded)) {
				// « à partir de lundi » is « dès lundi ».
				emitted.clear();
			}
			if (mode != null && emitted.size() == 1 && Senses.timeWord(emitted.get(0))) {
				emitted.set(0, SharedWords.of(mode + FrenchWords.TIME_MODE + emitted.get(0)));
			}
			if (!emitted.isEmpty() || part.clause() != clauseOfMode) {
				mode = null;
			}
			if (timeMode != null) {
				mode = timeMode;
				clauseOfMode = part.clause();
			}
			FrenchWords.Listed listed = part.listed();
			if (listed.negation()) {
				negated = true;
			}
			else if (negated && !emitted.isEmpty()) {
				negations = added(negations, emitted.get(0));
				negated = false;
			}
			if (i > 0 && parts.get(i - 1).clause() != part.clause()) {
				negated = negated && listed.negation();
			}
			if (i > 0 && parts.get(i - 1).clause() != part.clause()) {
				// A name does not run on past a colon or a comma: « Botola Pro : la RS Berkane » is two.
				name = null;
				afterConnector = false;
			}
			// « Nouvelle-Calédonie » opens a headline as a name, though « Nouvelle » alone would not.
			boolean gluedToName = i + 1 < parts.size() && parts.get(i + 1).hyphen() && parts.get(i + 1).capitalized();
			boolean nameWord = !caseless && emitted.size() == 1 && part.capitalized() && !part.number()
					&& !(part.initial() && listed.commonOpener() && !gluedToName);
			if (nameWord) {
				if (name == null) {
					name = new ArrayList<>(3);
					names.add(name);
				}
				if (!name.isEmpty() && afterConnector) {
					bound = added(bound, List.of(name.get(name.size() - 1), emitted.get(0)));
				}
				else if (!name.isEmpty() && part.hyphen()
						&& parts.get(i - 1).listed().placeQualifier()) {
					bound = added(bound, List.of(name.get(name.size() - 1), emitted.get(0)));
					bound = added(bound, List.of(emitted.get(0), name.get(name.size() - 1)));
				}
				afterConnector = false;
				name.add(emitted.get(0));
				if (part.capitals() && folded.length() <= 6) {
					acronyms = added(acronyms, SharedWords.of(folded));
				}
			}
			else if (name == null || !listed.nameConnector()) {
				name = null;
				afterConnector = false;
			}
			else {
				afterConnector = true;
			}
			// One by one: addAll would copy every part's words into an array of their own first.
			for (int e = 0; e < emitted.size(); e++) {
				words.add(emitted.get(e));
				clauses.add(part.clause());
			}
		}
		// Every part as written, and whether one closes a rubric: in a loop, not two streams, for every headline.
		String[] surface = new String[parts.size()];
		boolean rubricClosed = false;
		for (int i = 0; i < surface.length; i++) {
			HeadlinePart part = parts.get(i);
			surface[i] = SharedWords.of(part.folded());
			rubricClosed |= part.rubric();
		}
		int rubric = 0;
		if (rubricClosed) {
			int clauseOfRubric = 0;
			while (rubric < words.size() && clauses.get(rubric) == clauseOfRubric) {
				rubric++;
			}
			rubric = (rubric <= MAX_RUBRIC && rubric < words.size()) ? rubric : 0;
		}
		return new TitleKey(words, clauses, caseless ? null : names, (acronyms != null) ? acronyms : Set.of(),
				(negations != null) ? negations : Set.of(), passive, rubric, quotes, (bound != null) ? bound : Set.of(),
				List.of(surface));
	}

	/** The set with this element, made if there is none yet. */
	private static <T> Set<T> added(@Nullable Set<T> set, T element) {
		Set<T> with = (set != null) ? set : new LinkedHashSet<>();
		with.add(element);
		return with;
	}

	/**
	 * The word of {@link FrenchWords#TIME_MODES} that this part is, if any: « dès » written so (not « des »), « ici »
	 * of « d'ici »; « partir » of « à partir de » and « compter » of « à compter de » are « dès ».
	 */
	private static @Nullable String timeMode(HeadlinePart part, @Nullable HeadlinePart before) {
		String folded = part.folded();
		if (folded.equals("des")) {
			return part.text().equalsIgnoreCase("dès") ? folded : null;
		}
		if (folded.equals("ici")) {
			return (before != null && before.folded().equals("d")) ? folded : null;
		}
		if (folded.equals("partir") || folded.equals("compter")) {
			return (before != null && before.folded().equals("a")) ? "des" : null;
		}
		return part.listed().timeMode() ? folded : null;
	}

	/**
	 * What one part of the text contributes to the words, added to {@code into}: nothing, a word, a number, or an
	 * abbreviation's words.
	 */
	private static void words(HeadlinePart part, @Nullable HeadlinePart next, List<String> into) {
		String folded = part.folded();
		FrenchWords.Listed listed = part.listed();
		if (listed.stop()) {
			// "une heure", "un an": then "un" counts.
			boolean one = (folded.equals("un") || folded.equals("une")) && next != null && next.listed().unit();
			if (one) {
				into.add("1");
			}
			return;
		}
		List<String> expanded = listed.abbreviation();
		if (expanded != null) {
			for (int i = 0; i < expanded.size(); i++) {
				into.add(expanded.get(i));
			}
			return;
		}
		String number = listed.number();
		if (number != null) {
			into.add(number);
			return;
		}
		if (folded.length() == 2 && folded.charAt(0) == 't') {
			Matcher quarter = QUARTER.matcher(folded);
			if (quarter.matches() && part.capitalized()) {
				into.add(SharedWords.of(quarter.group(1)));
				into.add(SharedWords.of(FrenchWords.stem("trimestre")));
				return;
			}
		}
		// The pattern is asked only of a word that ends as an ordinal does: « 1er », « 3e », not « 2025 ».
		char last = folded.isEmpty() ? ' ' : folded.charAt(folded.length() - 1);
		if (!folded.isEmpty() && TextScan.isAsciiDigit(folded.charAt(0)) && (last == 'e' || last == 'r')) {
			Matcher ordinal = ORDINAL.matcher(folded);
			if (ordinal.matches()) {
				into.add(SharedWords.of(ordinal.group(1)));
				return;
			}
		}
		if (folded.length() < 2 && !part.number()) {
			return;
		}
		// One instance of each word for every key that has it: the matcher keeps thousands (see SharedWords).
		into.add(FrenchWords.sharedStem(folded, listed));
	}

}

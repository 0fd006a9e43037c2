package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.parse.AccentFold;
import org.jspecify.annotations.Nullable;

/**
 * A headline as the story matcher compares it; what readers see keeps the original. Publishers' tags and names
 * are dropped (« VIDÉO. », « - Le360 »), then the words are folded: case, accents and ligatures, ’ and ', « » and
 * quotes, punctuation and the spaces French puts before « : ; ! ? », stop words, plurals and a few endings. Numbers
 * are written one way ("10 000" and "10.000" are 10000, "2,25 %" is 2.25%, "deux" is 2, "1er" is 1).
 *
 * @param words the content words, in the headline's order
 * @param clauses for each word, the clause it is in, counted from 0: a colon, a comma, a dash… starts a clause
 * @param names the proper names, each a list of words as in {@code words}; null when the headline's case says
 * nothing (all capitals, or a capital on every word)
 * @param acronyms the words written in capitals (« HCP », « UE »), folded
 * @param negations the words that a negation bears on, the first after it: « annonce » of « Macron n'annonce pas
 * de référendum », « hausse » of « pas de hausse », « blessé » of « aucun blessé »
 * @param passive whether it has an agent (« par »): its subject may come last
 * @param rubric how many words, at the start, form a rubric closed by a colon (« Bac 2025 : », « Gaza : »)
 * @param quotes the words of each stretch in quotation marks, folded as {@code words}: someone's words (« « Nous
 * irons jusqu'au bout » : la CGT… »), a title (« « Une saison à Brest » remporte le prix… »), a word held at a
 * distance (« un projet « précipité » »)
 * @param bound the pairs of words of a name of which the first does not stand for the name without the second:
 * the head before a connector (« Conseil » of « Conseil d'État », « CHU » of « CHU de Tanger »; « Tanger » may), and
 * both words of a place written with a qualifier and a hyphen (« Haute-Loire », « Saint-Denis »)
 * @param surface every word as written, stop words too, folded only for case and accents: two headlines the same
 * word for word but for a few are one template filled twice (see {@link Contradiction#substitution})
 */
public record TitleKey(List<String> words, List<Integer> clauses, @Nullable List<List<String>> names,
		Set<String> acronyms, Set<String> negations, boolean passive, int rubric, List<List<String>> quotes,
		Set<List<String>> bound, List<String> surface) {

	private static final Pattern APOSTROPHES = Pattern.compile("[’‘‛ʼ´`]");

	private static final Pattern QUOTES = Pattern.compile("[«»“”„‟\"‹›]");

	private static final Pattern SPACES = Pattern.compile("[\\u00A0\\u202F\\u2009\\u2007\\u200A]");

	/** "10 000", "1.400": a group of three digits after a space or a dot is a thousands group. */
	private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d)[ .](?=\\d{3}(?!\\d))");

	private static final Pattern DECIMAL_COMMA = Pattern.compile("(?<=\\d),(?=\\d)");

	private static final Pattern PERCENT = Pattern.compile("(?<=\\d)\\s+%");

	private static final Pattern DEGREES = Pattern.compile("(?<=\\d)\\s*°\\s*[cC]?");

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['.&-][\\p{L}\\p{N}]+)*%?");

	private static final Pattern CLAUSE_BREAK = Pattern.compile("[:.!?–—|]|\\s-\\s");

	private static final Pattern CLAUSE_OR_COMMA = Pattern.compile("[:.!?–—|,;()]|\\s-\\s");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?%?|\\d+(?:-\\d+)+");

	private static final Pattern ORDINAL = Pattern.compile("(\\d+)(?:e|er|re|ere|eme)");

	private static final Pattern SPLIT = Pattern.compile("['.-]");

	/** A rubric is short: « Guerre en Ukraine : », not half the headline. */
	private static final int MAX_RUBRIC = 4;

	/** A stretch in quotation marks: « … », “ … ”, " … ". */
	private static final Pattern QUOTED = Pattern.compile("«([^«»]+)»|“([^“”]+)”|\"([^\"]+)\"");

	/** « T1 »: the first quarter. */
	private static final Pattern QUARTER = Pattern.compile("t([1-4])");

	public TitleKey {
		words = List.copyOf(words);
		clauses = List.copyOf(clauses);
		names = (names != null) ? names.stream().map(List::copyOf).toList() : null;
		acronyms = Set.copyOf(acronyms);
		negations = Set.copyOf(negations);
		quotes = quotes.stream().map(List::copyOf).toList();
		bound = Set.copyOf(bound);
		surface = List.copyOf(surface);
	}

	public static TitleKey of(String title) {
		String text = APOSTROPHES.matcher(TitleDecorations.strip(title)).replaceAll("'");
		text = SPACES.matcher(text).replaceAll(" ");
		Matcher quoted = QUOTED.matcher(text);
		List<List<String>> quotes = new ArrayList<>();
		while (quoted.find()) {
			String words = (quoted.group(1) != null) ? quoted.group(1)
					: (quoted.group(2) != null) ? quoted.group(2) : quoted.group(3);
			List<String> folded = of(words, List.of()).words();
			if (!folded.isEmpty()) {
				quotes.add(folded);
			}
		}
		return of(text, quotes);
	}

	private static TitleKey of(String decorated, List<List<String>> quotes) {
		String text = decorated;
		text = QUOTES.matcher(text).replaceAll(" ");
		text = THOUSANDS.matcher(text).replaceAll("");
		text = DECIMAL_COMMA.matcher(text).replaceAll(".");
		text = PERCENT.matcher(text).replaceAll("%");
		text = DEGREES.matcher(text).replaceAll(" ");
		List<Part> parts = parts(text);
		boolean caseless = caseless(parts);
		List<String> words = new ArrayList<>();
		List<Integer> clauses = new ArrayList<>();
		List<List<String>> names = new ArrayList<>();
		Set<String> acronyms = new LinkedHashSet<>();
		Set<String> negations = new LinkedHashSet<>();
		boolean negated = false;
		boolean passive = false;
		Set<List<String>> bound = new LinkedHashSet<>();
		List<String> name = null;
		boolean afterConnector = false;
		String mode = null;
		int clauseOfMode = 0;
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			String folded = part.folded();
			passive |= folded.equals("par");
			List<String> emitted = words(part, (i + 1 < parts.size()) ? parts.get(i + 1).folded() : null);
			String timeMode = timeMode(part, (i > 0) ? parts.get(i - 1) : null);
			if (timeMode != null && !timeMode.equals(folded)) {
				// « à partir de lundi » is « dès lundi ».
				emitted = List.of();
			}
			if (mode != null && emitted.size() == 1 && Senses.timeWord(emitted.get(0))) {
				emitted = List.of(mode + FrenchWords.TIME_MODE + emitted.get(0));
			}
			if (!emitted.isEmpty() || part.clause() != clauseOfMode) {
				mode = null;
			}
			if (timeMode != null) {
				mode = timeMode;
				clauseOfMode = part.clause();
			}
			if (FrenchWords.NEGATION.contains(folded)) {
				negated = true;
			}
			else if (negated && !emitted.isEmpty()) {
				negations.add(emitted.get(0));
				negated = false;
			}
			if (i > 0 && parts.get(i - 1).clause() != part.clause()) {
				negated = negated && FrenchWords.NEGATION.contains(folded);
			}
			if (i > 0 && parts.get(i - 1).clause() != part.clause()) {
				// A name does not run on past a colon or a comma: « Botola Pro : la RS Berkane » is two.
				name = null;
				afterConnector = false;
			}
			// « Nouvelle-Calédonie » opens a headline as a name, though « Nouvelle » alone would not.
			boolean gluedToName = i + 1 < parts.size() && parts.get(i + 1).hyphen() && parts.get(i + 1).capitalized();
			boolean nameWord = !caseless && emitted.size() == 1 && part.capitalized() && !part.number()
					&& !(part.initial() && FrenchWords.COMMON_OPENERS.contains(folded) && !gluedToName);
			if (nameWord) {
				if (name == null) {
					name = new ArrayList<>();
					names.add(name);
				}
				if (!name.isEmpty() && afterConnector) {
					bound.add(List.of(name.get(name.size() - 1), emitted.get(0)));
				}
				else if (!name.isEmpty() && part.hyphen()
						&& FrenchWords.PLACE_QUALIFIERS.contains(parts.get(i - 1).folded())) {
					bound.add(List.of(name.get(name.size() - 1), emitted.get(0)));
					bound.add(List.of(emitted.get(0), name.get(name.size() - 1)));
				}
				afterConnector = false;
				name.add(emitted.get(0));
				if (part.capitals() && folded.length() <= 6) {
					acronyms.add(folded);
				}
			}
			else if (name == null || !FrenchWords.NAME_CONNECTORS.contains(folded)) {
				name = null;
				afterConnector = false;
			}
			else {
				afterConnector = true;
			}
			words.addAll(emitted);
			emitted.forEach((word) -> clauses.add(part.clause()));
		}
		int rubric = 0;
		if (!parts.isEmpty() && parts.stream().anyMatch(Part::rubric)) {
			int clauseOfRubric = 0;
			while (rubric < words.size() && clauses.get(rubric) == clauseOfRubric) {
				rubric++;
			}
			rubric = (rubric <= MAX_RUBRIC && rubric < words.size()) ? rubric : 0;
		}
		return new TitleKey(words, clauses, caseless ? null : names, acronyms, negations, passive, rubric, quotes,
				bound, parts.stream().map(Part::folded).toList());
	}

	/**
	 * This headline with the words that spell out one of {@code acronyms} replaced by it: « Bank Al-Maghrib »
	 * becomes « bam » when the other headline says « BAM ».
	 */
	TitleKey abbreviated(Set<String> acronyms) {
		boolean any = false;
		for (String acronym : acronyms) {
			any |= spelledOut(acronym, this.words, this.clauses) >= 0;
		}
		if (!any) {
			// Nothing spelled out: the same key, which lets the matcher reuse what it worked out from it.
			return this;
		}
		List<String> words = new ArrayList<>(this.words);
		List<Integer> clauses = new ArrayList<>(this.clauses);
		List<List<String>> names = (this.names != null) ? new ArrayList<>(this.names) : null;
		for (String acronym : acronyms) {
			int start = spelledOut(acronym, words, clauses);
			if (start >= 0) {
				List<String> spelled = List.copyOf(words.subList(start, start + acronym.length()));
				String word = FrenchWords.stem(acronym);
				words.subList(start + 1, start + acronym.length()).clear();
				clauses.subList(start + 1, start + acronym.length()).clear();
				words.set(start, word);
				if (names != null) {
					names.replaceAll((name) -> name.equals(spelled) ? List.of(word) : name);
				}
			}
		}
		int rubric = this.rubric;
		while (rubric > 0 && clauses.size() >= rubric && clauses.get(rubric - 1) != 0) {
			rubric--;
		}
		if (words.size() == this.words.size() && rubric == this.rubric) {
			// Nothing spelled out: the same key, which lets the matcher reuse what it worked out from it.
			return this;
		}
		return new TitleKey(words, clauses, names, this.acronyms, this.negations, this.passive, rubric, this.quotes,
				this.bound, this.surface);
	}

	/** The headline without its rubric: the words after it, and the names among them. */
	TitleKey body() {
		List<String> words = this.words.subList(this.rubric, this.words.size());
		List<List<String>> names = (this.names != null)
				? this.names.stream().filter((name) -> words.containsAll(name)).toList() : null;
		return new TitleKey(words, this.clauses.subList(this.rubric, this.clauses.size()), names, this.acronyms,
				this.negations, this.passive, 0, this.quotes, this.bound, this.surface);
	}

	/** The rubric alone. */
	TitleKey rubricOnly() {
		List<String> words = this.words.subList(0, this.rubric);
		List<List<String>> names = (this.names != null)
				? this.names.stream().filter((name) -> words.containsAll(name)).toList() : null;
		return new TitleKey(words, this.clauses.subList(0, this.rubric), names, this.acronyms, this.negations,
				this.passive, 0, this.quotes, this.bound, this.surface);
	}

	/**
	 * Where consecutive words of one clause start with the letters of the acronym (« hcp »: « haut commissariat
	 * plan »), or -1.
	 */
	static int spelledOut(String acronym, List<String> words, List<Integer> clauses) {
		if (acronym.length() < 2) {
			return -1;
		}
		for (int start = 0; start + acronym.length() <= words.size(); start++) {
			int length = 0;
			while (length < acronym.length() && words.get(start + length).charAt(0) == acronym.charAt(length)
					&& clauses.get(start + length).equals(clauses.get(start))) {
				length++;
			}
			if (length == acronym.length()) {
				return start;
			}
		}
		return -1;
	}

	/** The content words, each once. */
	public Set<String> wordSet() {
		return new LinkedHashSet<>(this.words);
	}

	/** The words of one clause. */
	List<String> clause(int clause) {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < this.words.size(); i++) {
			if (this.clauses.get(i) == clause) {
				words.add(this.words.get(i));
			}
		}
		return words;
	}

	/** Whether {@code part} is a part of {@code name}, a name of this headline (see {@link Unit#part}). */
	boolean partOf(List<String> name, List<String> part) {
		return Unit.part(name, part, this.bound);
	}

	/** Whether a word is part of a name of this headline. */
	boolean inName(String word) {
		return this.names != null && this.names.stream().anyMatch((name) -> name.contains(word));
	}

	/** The words that are numbers: "2025", "2.25%", "2-1", "u20", "787-9". */
	Set<String> numbers() {
		Set<String> numbers = new LinkedHashSet<>();
		for (String word : this.words) {
			if (FrenchWords.hasDigit(word)) {
				numbers.add(word);
			}
		}
		return numbers;
	}

	/**
	 * The word of {@link FrenchWords#TIME_MODES} that this part is, if any: « dès » written so (not « des »), « ici »
	 * of « d'ici »; « partir » of « à partir de » and « compter » of « à compter de » are « dès ».
	 */
	private static @Nullable String timeMode(Part part, @Nullable Part before) {
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
		return FrenchWords.TIME_MODES.contains(folded) ? folded : null;
	}

	/** What one part of the text contributes to the words: nothing, a word, a number, or an abbreviation's words. */
	private static List<String> words(Part part, @Nullable String next) {
		String folded = part.folded();
		if (FrenchWords.STOP.contains(folded)) {
			// "une heure", "un an": then "un" counts.
			boolean one = (folded.equals("un") || folded.equals("une")) && next != null
					&& FrenchWords.UNITS.contains(next);
			return one ? List.of("1") : List.of();
		}
		List<String> expanded = FrenchWords.ABBREVIATIONS.get(folded);
		if (expanded != null) {
			return expanded;
		}
		String number = FrenchWords.NUMBER_WORDS.get(folded);
		if (number != null) {
			return List.of(number);
		}
		Matcher quarter = QUARTER.matcher(folded);
		if (quarter.matches() && part.capitalized()) {
			return List.of(quarter.group(1), FrenchWords.stem("trimestre"));
		}
		Matcher ordinal = ORDINAL.matcher(folded);
		if (ordinal.matches()) {
			return List.of(ordinal.group(1));
		}
		if (folded.length() < 2 && !part.number()) {
			return List.of();
		}
		return List.of(FrenchWords.stem(folded));
	}

	/** The text cut into parts: tokens, and within a token its pieces around ' - . & unless it is a number. */
	private static List<Part> parts(String text) {
		List<Part> parts = new ArrayList<>();
		Matcher token = TOKEN.matcher(text);
		int previousEnd = 0;
		boolean first = true;
		int clause = 0;
		while (token.find()) {
			String raw = token.group();
			String gap = text.substring(previousEnd, token.start());
			boolean initial = first || CLAUSE_BREAK.matcher(gap).find();
			// The first clause is a rubric when a colon closes it.
			boolean rubric = !first && clause == 0 && gap.contains(":");
			if (!first && CLAUSE_OR_COMMA.matcher(gap).find()) {
				clause++;
			}
			first = false;
			previousEnd = token.end();
			String folded = AccentFold.fold(raw);
			boolean hasDigit = FrenchWords.hasDigit(raw);
			if (FrenchWords.NUMBER_WORDS.containsKey(folded) || FrenchWords.ABBREVIATIONS.containsKey(folded)
					|| NUMBER.matcher(raw).matches() || (hasDigit && raw.indexOf('\'') < 0)) {
				parts.add(new Part(raw, initial, hasDigit || FrenchWords.NUMBER_WORDS.containsKey(folded), clause, rubric));
				continue;
			}
			boolean firstPiece = true;
			int start = 0;
			Matcher separator = SPLIT.matcher(raw);
			while (start <= raw.length()) {
				boolean found = separator.find();
				int end = found ? separator.start() : raw.length();
				String piece = raw.substring(start, end);
				if (!piece.isEmpty()) {
					boolean hyphen = start > 0 && raw.charAt(start - 1) == '-';
					boolean elided = start > 0 && raw.charAt(start - 1) == '\'';
					parts.add(new Part(piece, AccentFold.fold(piece), initial && firstPiece,
							FrenchWords.hasDigit(piece), clause, rubric && firstPiece, hyphen, elided));
					firstPiece = false;
				}
				if (!found) {
					break;
				}
				start = separator.end();
			}
		}
		return parts;
	}

	/** All capitals, or a capital on (nearly) every word: case then tells no name from another word. */
	private static boolean caseless(List<Part> parts) {
		int letters = 0;
		int upper = 0;
		int words = 0;
		int capitalized = 0;
		for (Part part : parts) {
			for (char c : part.text().toCharArray()) {
				if (Character.isLetter(c)) {
					letters++;
					upper += Character.isUpperCase(c) ? 1 : 0;
				}
			}
			// « D'avion » in a headline with a capital on every word: the word after the apostrophe is not one.
			if (!part.initial() && !part.number() && !part.elided() && part.text().length() >= 3
					&& !FrenchWords.STOP.contains(part.folded())) {
				words++;
				capitalized += part.capitalized() ? 1 : 0;
			}
		}
		return (letters >= 8 && upper >= 0.9 * letters) || (words >= 3 && capitalized > 0.8 * words);
	}

	/** A piece of the headline, as written. */
	private record Part(String text, String folded, boolean initial, boolean number, int clause, boolean rubric,
			boolean hyphen, boolean elided) {

		Part(String text, boolean initial, boolean number, int clause, boolean rubric) {
			this(text, AccentFold.fold(text), initial, number, clause, rubric, false, false);
		}

		boolean capitalized() {
			return Character.isUpperCase(this.text.codePointAt(0));
		}

		boolean capitals() {
			return this.text.length() >= 2 && this.text.chars().allMatch(Character::isUpperCase);
		}

	}

}

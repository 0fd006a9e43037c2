package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/** What {@code [’‘‛ʼ´`]} matches: read as '. */
	private static final TextScan.Chars APOSTROPHES = TextScan.chars("’‘‛ʼ´`");

	/** The apostrophe of most French headlines. */
	private static final TextScan.Chars RIGHT_QUOTE = TextScan.chars("’");

	/** What {@code [\u00A0\u202F\u2009\u2007\u200A]} matches: read as a space. */
	private static final TextScan.Chars SPACES = TextScan.chars("\u00A0\u202F\u2009\u2007\u200A");

	/** The characters that open a stretch of {@link #QUOTED}: none, and there is no quote to look for. */
	private static final TextScan.Chars QUOTE_OPENERS = TextScan.chars("«“\"");

	/** A stretch in quotation marks: « … », “ … ”, " … ". */
	private static final Pattern QUOTED = Pattern.compile("«([^«»]+)»|“([^“”]+)”|\"([^\"]+)\"");

	public TitleKey {
		words = List.copyOf(words);
		clauses = List.copyOf(clauses);
		names = (names != null) ? copyOfEach(names) : null;
		acronyms = Set.copyOf(acronyms);
		negations = Set.copyOf(negations);
		quotes = copyOfEach(quotes);
		bound = Set.copyOf(bound);
		surface = List.copyOf(surface);
	}

	/**
	 * An unmodifiable copy of lists, each unmodifiable. A key made from another (its body, its rubric, a comparison's
	 * abbreviation) hands over lists that are so already: then they are kept as they are, where a stream made them
	 * anew for every key (a tenth of what the story step allocated).
	 */
	private static List<List<String>> copyOfEach(List<List<String>> lists) {
		List<List<String>> copies = null;
		for (int i = 0; i < lists.size(); i++) {
			// Each list copied once, and the copy kept: not made again once one is known to differ.
			List<String> list = lists.get(i);
			List<String> copy = List.copyOf(list);
			if (copy != list && copies == null) {
				copies = new ArrayList<>(lists.size());
				for (int before = 0; before < i; before++) {
					copies.add(lists.get(before));
				}
			}
			if (copies != null) {
				copies.add(copy);
			}
		}
		return List.copyOf((copies != null) ? copies : lists);
	}

	public static TitleKey of(String title) {
		// « ’ » is read as « ' » before the decorations are stripped, which every pattern of theirs reads alike: the
		// headline is then nearly always Latin-1, one byte a character, which the scans of it read for less than
		// two-byte characters under the quick compiler.
		String text = TextScan.replace(TitleDecorations.strip(TextScan.replace(title, RIGHT_QUOTE, '\'')), APOSTROPHES,
				'\'');
		text = TextScan.replace(text, SPACES, ' ');
		List<List<String>> quotes = new ArrayList<>();
		Matcher quoted = TextScan.hasAny(text, QUOTE_OPENERS) ? QUOTED.matcher(text) : null;
		while (quoted != null && quoted.find()) {
			String words = (quoted.group(1) != null) ? quoted.group(1)
					: (quoted.group(2) != null) ? quoted.group(2) : quoted.group(3);
			List<String> folded = HeadlineReader.read(words, List.of()).words();
			if (!folded.isEmpty()) {
				quotes.add(folded);
			}
		}
		return HeadlineReader.read(text, quotes);
	}

	/**
	 * This headline with the words that spell out one of {@code acronyms} replaced by it: « Bank Al-Maghrib »
	 * becomes « bam » when the other headline says « BAM ».
	 */
	TitleKey abbreviated(Set<String> acronyms) {
		if (acronyms.isEmpty()) {
			// Most comparisons: no iterator made for nothing.
			return this;
		}
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
		return new TitleKey(words, this.clauses.subList(this.rubric, this.clauses.size()), namesIn(words),
				this.acronyms, this.negations, this.passive, 0, this.quotes, this.bound, this.surface);
	}

	/** The rubric alone. */
	TitleKey rubricOnly() {
		List<String> words = this.words.subList(0, this.rubric);
		return new TitleKey(words, this.clauses.subList(0, this.rubric), namesIn(words), this.acronyms,
				this.negations, this.passive, 0, this.quotes, this.bound, this.surface);
	}

	/** Its names all of whose words are among these; null when its case says nothing. In a loop: for every key kept. */
	private @Nullable List<List<String>> namesIn(List<String> words) {
		if (this.names == null) {
			return null;
		}
		List<List<String>> names = new ArrayList<>(this.names.size());
		for (int i = 0; i < this.names.size(); i++) {
			if (containsAll(words, this.names.get(i))) {
				names.add(this.names.get(i));
			}
		}
		return names;
	}

	/** Whether {@code words} has each of {@code these}: in a loop, without the iterator containsAll makes. */
	private static boolean containsAll(List<String> words, List<String> these) {
		for (int i = 0; i < these.size(); i++) {
			if (!words.contains(these.get(i))) {
				return false;
			}
		}
		return true;
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

	/** How many distinct content words: {@code wordSet().size()}, without making the set. */
	int distinctWords() {
		int distinct = 0;
		for (int i = 0; i < this.words.size(); i++) {
			distinct += repeated(i) ? 0 : 1;
		}
		return distinct;
	}

	/** Whether the content word at this index is one of the words before it: for a reader that takes each once. */
	boolean repeated(int index) {
		String word = this.words.get(index);
		for (int i = 0; i < index; i++) {
			if (this.words.get(i).equals(word)) {
				return true;
			}
		}
		return false;
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
		if (this.names != null) {
			for (int i = 0; i < this.names.size(); i++) {
				if (this.names.get(i).contains(word)) {
					return true;
				}
			}
		}
		return false;
	}

}

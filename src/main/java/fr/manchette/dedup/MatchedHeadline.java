package fr.manchette.dedup;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import fr.manchette.dedup.StoryMatcher.Comparison;
import org.jspecify.annotations.Nullable;

/**
 * A headline's key with what every comparison of it needs, worked out once: its units, those of its rubric and of
 * the rest when it has a rubric, how many distinct words it has, and what {@link Contradiction} asks of it alone
 * (whether it denies, its numbers, its words as {@link FilledTemplate} reads them).
 * <p>
 * The matcher keeps some thirty thousand of them (see {@link HeadlineCache}): what is derived from the key is only
 * what a comparison would otherwise work out again, in lists without room to spare, the units of single words shared
 * between headlines ({@link WordUnits}); the words themselves are read from the key. What only the few comparisons
 * similar enough for contradictions need is worked out the first time one does.
 */
final class MatchedHeadline {

	private static final String[] NONE = new String[0];

	private final TitleKey key;

	/** Its units, in an array: the overlap reads them without a call through a list's interface. */
	private final Unit[] units;

	private final Unit @Nullable [] rubric;

	private final Unit @Nullable [] body;

	private final int distinctWords;

	/** Whether a word of it denies (« dément »): the same for every comparison, looked for once. */
	private final boolean denies;

	/** Its words with a digit (« 2025 », « 2-1 »), in order; most headlines have none. */
	private final String[] numbers;

	/**
	 * A bit for each of its numbers, by hash: a number whose bit the other headline lacks is none of the other's,
	 * told from the two headlines alone, without reading their numbers (see {@link #ownNumber}).
	 */
	private final long numberBits;

	/**
	 * Whether its key has acronyms (which may abbreviate the other headline), negations, quotes: most have none, and
	 * a comparison then does not read the key for them. A story's lead is mostly told apart by a number, from these
	 * fields alone, and its key is elsewhere in the heap.
	 */
	private final boolean acronyms;

	private final boolean negates;

	private final boolean quotes;

	/** Its words as written as {@link FilledTemplate} reads them, worked out when first asked: racy but idempotent. */
	private FilledTemplate.@Nullable Surface surface;

	/** Its words that have a sense (see {@link Senses}), in order; worked out when first asked, as {@link #surface}. */
	private String @Nullable [] sensedWords;

	/** A headline compared once: its units its own. */
	MatchedHeadline(TitleKey key) {
		this(key, null);
	}

	/** A headline to keep: the units of its single words those of {@code shared}, when given. */
	MatchedHeadline(TitleKey key, @Nullable WordUnits shared) {
		this.key = key;
		this.units = Unit.array(key, shared);
		this.rubric = (key.rubric() > 0) ? Unit.array(key.rubricOnly(), shared) : null;
		this.body = (key.rubric() > 0) ? Unit.array(key.body(), shared) : null;
		this.distinctWords = key.distinctWords();
		List<String> words = key.words();
		boolean denies = false;
		int numbers = 0;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			denies |= word.startsWith(FrenchWords.DENIAL);
			numbers += FrenchWords.hasDigit(word) ? 1 : 0;
		}
		this.denies = denies;
		this.numbers = (numbers == 0) ? NONE : new String[numbers];
		long numberBits = 0;
		for (int i = 0, n = 0; n < numbers; i++) {
			String word = words.get(i);
			if (FrenchWords.hasDigit(word)) {
				this.numbers[n++] = word;
				numberBits |= numberBit(word);
			}
		}
		this.numberBits = numberBits;
		this.acronyms = !key.acronyms().isEmpty();
		this.negates = !key.negations().isEmpty();
		this.quotes = !key.quotes().isEmpty();
	}

	/** The bit of a number in {@link #numberBits}. */
	static long numberBit(String number) {
		return 1L << (BandPostings.mix(number.hashCode()) & (Long.SIZE - 1));
	}

	TitleKey key() {
		return this.key;
	}

	List<Unit> units() {
		return view(this.units);
	}

	@Nullable List<Unit> rubric() {
		return (this.rubric != null) ? view(this.rubric) : null;
	}

	@Nullable List<Unit> body() {
		return (this.body != null) ? view(this.body) : null;
	}

	private static List<Unit> view(Unit[] units) {
		return Collections.unmodifiableList(Arrays.asList(units));
	}

	int distinctWords() {
		return this.distinctWords;
	}

	boolean denies() {
		return this.denies;
	}

	/** Whether it says no about some word (see {@link TitleKey#negations}). */
	boolean negates() {
		return this.negates;
	}

	/** Whether it quotes something (see {@link TitleKey#quotes}). */
	boolean quotes() {
		return this.quotes;
	}

	/** Whether it has a number (a word with a digit) that {@code other} does not have. */
	boolean ownNumber(MatchedHeadline other) {
		if ((this.numberBits & ~other.numberBits) != 0) {
			// A number whose bit the other lacks: the numbers themselves not read.
			return true;
		}
		for (String number : this.numbers) {
			boolean found = false;
			int hash = number.hashCode();
			for (String otherNumber : other.numbers) {
				// The hashes first, each kept by its string: most numbers differ, and tell so at once.
				if (otherNumber.hashCode() == hash && number.equals(otherNumber)) {
					found = true;
					break;
				}
			}
			if (!found) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Its words that have a sense of {@link Senses} (« hausse », « lundi »), in order: what
	 * {@link Contradiction#OPPOSITES} reads of it, for each headline similar enough, where it looked up the senses of
	 * every word each time.
	 */
	String[] sensedWords() {
		String[] read = this.sensedWords;
		if (read == null) {
			List<String> words = this.key.words();
			String[] found = new String[words.size()];
			int sensed = 0;
			for (int i = 0; i < words.size(); i++) {
				if (!Senses.of(words.get(i)).isEmpty()) {
					found[sensed++] = words.get(i);
				}
			}
			read = (sensed == 0) ? NONE : Arrays.copyOf(found, sensed);
			this.sensedWords = read;
		}
		return read;
	}

	FilledTemplate.Surface surface() {
		FilledTemplate.Surface read = this.surface;
		if (read == null) {
			read = new FilledTemplate.Surface(this.key.surface());
			this.surface = read;
		}
		return read;
	}

	/**
	 * How this headline compares with another (see {@link StoryMatcher#compare}); contradictions only looked for from
	 * this similarity on.
	 */
	Comparison compare(MatchedHeadline b, double contradictionsFrom) {
		return Objects.requireNonNull(compare(b, contradictionsFrom, false, false));
	}

	/**
	 * The same when they are similar enough for their contradictions to count, else null, what is left not worked out
	 * (the whole headlines' overlap when their rubrics are alike and the rest is not). When {@code refutable}, null
	 * too when they tell two stories whatever their similarity (see {@link Comparison#sameStory}): they share fewer
	 * than two units besides figures, or one of the contradictions told without the similarity (see
	 * {@link Contradiction#plain}) keeps them apart; their other contradictions are then not looked for.
	 */
	@Nullable Comparison near(MatchedHeadline b, double threshold, boolean refutable) {
		return compare(b, threshold, refutable, true);
	}

	private @Nullable Comparison compare(MatchedHeadline b, double contradictionsFrom, boolean refutable,
			boolean orNull) {
		MatchedHeadline a = this;
		// Each abbreviated by the other's acronyms, when it has some (few): else its key is not read here.
		TitleKey x = b.acronyms ? a.key().abbreviated(absent(b.key().acronyms(), a.key().words(), a.key().clauses()))
				: a.key();
		TitleKey y = a.acronyms ? b.key().abbreviated(absent(a.key().acronyms(), b.key().words(), b.key().clauses()))
				: b.key();
		MatchedHeadline hx = (x == a.key()) ? a : new MatchedHeadline(x);
		MatchedHeadline hy = (y == b.key()) ? b : new MatchedHeadline(y);
		// Told at little cost, before the overlap: most of the farm's near headlines differ by a number.
		if (refutable && Contradiction.plain(hx, hy) != null) {
			return null;
		}
		// The same rubric (« Bac 2025 : ») says what the story is about, not which story it is: the rest is compared.
		boolean sameRubric = hx.rubric != null && hy.rubric != null && jaccard(hx.rubric, hy.rubric) >= 0.5;
		double similarity = sameRubric ? jaccard(hx.body, hy.body) : 0;
		if (sameRubric && orNull && similarity < contradictionsFrom) {
			return null;
		}
		long overlap = Unit.counts(hx.units, hy.units);
		int besidesFigures = Unit.besidesFiguresOf(overlap);
		if (!sameRubric) {
			similarity = jaccard(hx.units.length, hy.units.length, Unit.sharedOf(overlap));
		}
		if (orNull && similarity < contradictionsFrom) {
			return null;
		}
		if (refutable) {
			// Fewer than two units shared besides figures, and they tell two stories: the other contradictions are
			// not looked for. The plain ones were, above.
			return (besidesFigures < 2) ? null
					: new Comparison(similarity, besidesFigures, Contradiction.besidesPlain(hx, hy));
		}
		Contradiction contradiction = (similarity >= contradictionsFrom) ? Contradiction.between(hx, hy) : null;
		return new Comparison(similarity, besidesFigures, contradiction);
	}

	private static double jaccard(Unit[] unitsX, Unit[] unitsY) {
		return jaccard(unitsX.length, unitsY.length, Unit.shared(unitsX, unitsY));
	}

	private static double jaccard(int x, int y, int shared) {
		int union = x + y - shared;
		return (union == 0) ? 0 : (double) shared / union;
	}

	/**
	 * The acronyms that are not already words of a headline, which it is abbreviated by: a few words, read as they are.
	 * None when none of them is spelled out in it, which is then not abbreviated whatever is absent.
	 */
	private static Set<String> absent(Set<String> acronyms, List<String> words, List<Integer> clauses) {
		if (acronyms.isEmpty()) {
			return Set.of();
		}
		boolean spelled = false;
		for (String acronym : acronyms) {
			spelled |= TitleKey.spelledOut(acronym, words, clauses) >= 0;
		}
		if (!spelled) {
			// None spelled out in the headline (most): whichever are absent, it is not abbreviated; no set made.
			return Set.of();
		}
		Set<String> absent = new HashSet<>();
		for (String acronym : acronyms) {
			if (!words.contains(FrenchWords.stem(acronym))) {
				absent.add(acronym);
			}
		}
		return absent;
	}

}

package fr.manchette.dedup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.manchette.dedup.StoryMatcher.Comparison;
import org.jspecify.annotations.Nullable;

/**
 * A headline's key with what every comparison of it needs, worked out once: its units, those of its rubric and of
 * the rest when it has a rubric, how many distinct words it has.
 * <p>
 * The matcher keeps some thirty thousand of them (see {@link HeadlineCache}): what is derived from the key is only
 * what a comparison would otherwise work out again, in lists without room to spare, the units of single words shared
 * between headlines ({@link WordUnits}); the words themselves are read from the key.
 */
record MatchedHeadline(TitleKey key, List<Unit> units, @Nullable List<Unit> rubric, @Nullable List<Unit> body,
		int distinctWords) {

	/** A headline compared once: its units its own. */
	MatchedHeadline(TitleKey key) {
		this(key, null);
	}

	/** A headline to keep: the units of its single words those of {@code shared}, when given. */
	MatchedHeadline(TitleKey key, @Nullable WordUnits shared) {
		this(key, Unit.of(key, shared), (key.rubric() > 0) ? Unit.of(key.rubricOnly(), shared) : null,
				(key.rubric() > 0) ? Unit.of(key.body(), shared) : null, key.distinctWords());
	}

	/**
	 * How this headline compares with another (see {@link StoryMatcher#compare}); contradictions only looked for from
	 * this similarity on.
	 */
	Comparison compare(MatchedHeadline b, double contradictionsFrom) {
		MatchedHeadline a = this;
		TitleKey x = a.key().abbreviated(absent(b.key().acronyms(), a.key().words()));
		TitleKey y = b.key().abbreviated(absent(a.key().acronyms(), b.key().words()));
		MatchedHeadline hx = (x == a.key()) ? a : new MatchedHeadline(x);
		MatchedHeadline hy = (y == b.key()) ? b : new MatchedHeadline(y);
		Unit.Overlap overlap = Unit.overlap(hx.units(), hy.units());
		double similarity = jaccard(hx.units().size(), hy.units().size(), overlap.units());
		if (hx.rubric() != null && hy.rubric() != null && jaccard(hx.rubric(), hy.rubric()) >= 0.5) {
			// The same rubric (« Bac 2025 : ») says what the story is about, not which story it is.
			similarity = jaccard(hx.body(), hy.body());
		}
		List<Unit> unitsX = hx.units();
		List<Unit> unitsY = hy.units();
		Contradiction contradiction = (similarity >= contradictionsFrom)
				? Contradiction.between(x, y, unitsX, unitsY) : null;
		return new Comparison(similarity, overlap.besidesFigures(), contradiction);
	}

	private static double jaccard(List<Unit> unitsX, List<Unit> unitsY) {
		return jaccard(unitsX.size(), unitsY.size(), Unit.shared(unitsX, unitsY));
	}

	private static double jaccard(int x, int y, int shared) {
		int union = x + y - shared;
		return (union == 0) ? 0 : (double) shared / union;
	}

	/** The acronyms that are not already words of a headline: a few words, read as they are. */
	private static Set<String> absent(Set<String> acronyms, List<String> words) {
		if (acronyms.isEmpty()) {
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

package fr.manchette.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.manchette.config.ManchetteProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether two headlines of two sources tell the same story: published within the window, similar enough
 * (see {@link #compare}; the threshold was tuned on labelled pairs and rises with the time between the two, see the
 * README), and no {@link Contradiction} between them.
 */
@Component
public class StoryMatcher {

	/** The least similarity of two headlines of one story published together, tuned on the labelled pairs. */
	public static final double THRESHOLD = 0.36;

	/**
	 * How much more alike two headlines must be per day between them: outlets tell the same story within hours; a
	 * day later, a headline with the same people and places is more often the next development.
	 */
	public static final double RISE_PER_DAY = 0.10;

	/** Fewer words than this, and a headline is generic ("Bourse de Casablanca : clôture en hausse"). */
	static final int SHORT_HEADLINE = 5;

	private final Duration window;

	/** What the matcher worked out of the headlines lately compared: a story's items come back again and again. */
	private final HeadlineCache headlines = new HeadlineCache();

	@Autowired
	StoryMatcher(ManchetteProperties properties) {
		this(properties.stories().window());
	}

	/** @param window how far apart in time two items of one story may be; zero turns matching off */
	public StoryMatcher(Duration window) {
		this.window = window;
	}

	/** How far apart in time two items of one story may be. */
	public Duration window() {
		return this.window;
	}

	/**
	 * How two headlines compare, whatever their dates and sources. Similarity is the Jaccard index of their units:
	 * a name is one unit however many words it has (« Brice Clotaire Oligui Nguema »), and so is every other word.
	 * Two units are one when they are the same word, two spellings of it (« Maroc » / « marocain »), two words of
	 * the same sense (« s'incline » / « battu »), a name and a part of it (« Walid Regragui » / « Regragui »), or an
	 * acronym and the words it stands for (« BAM » / « Bank Al-Maghrib »).
	 */
	public Comparison compare(TitleKey a, TitleKey b) {
		return new MatchedHeadline(a).compare(new MatchedHeadline(b), 0);
	}

	/** Whether two headlines published at these times tell the same story. */
	public boolean sameStory(TitleKey a, Instant atA, TitleKey b, Instant atB) {
		return withinWindow(a, atA, b, atB) && compare(a, b).sameStory(Duration.between(atA, atB).abs());
	}

	/** The least similarity of two headlines published this far apart. */
	public static double threshold(Duration apart) {
		return threshold(apart.toMillis());
	}

	private static double threshold(long millisApart) {
		return THRESHOLD + RISE_PER_DAY * (millisApart / 1000) / 86_400.0;
	}

	/**
	 * The story an incoming item joins, among the stories the index found near it: a story joins when its lead (its
	 * earliest item) tells the same story as the item ({@link Comparison#sameStory}) and none of its other members
	 * given, as similar, contradicts the item; among those, the one whose lead is the most similar, the oldest when
	 * two are as similar. Never a story that already has an item of the same source. Empty when none: the item
	 * starts its own story.
	 * <p>
	 * The item is compared with the story it joins, not with whichever of its members is nearest: a chain of
	 * near-neighbours (A like B, B like C) never glues A and C, and a big story is no easier to join than a small
	 * one. The members other than the lead can only refuse: at most the lead and a few members are compared, however
	 * big the story.
	 */
	public Optional<String> storyOf(TitleKey key, String sourceId, Instant sortAt, List<CandidateStory> stories) {
		return storyOf(new MatchedHeadline(key), sourceId, sortAt, FoundStories.of(stories));
	}

	/**
	 * The same for an item about to be stored under this headline: what the matcher works out of it is kept, since
	 * the item comes back as a candidate for the next items of its story.
	 */
	public Optional<String> storyOf(String title, TitleKey key, String sourceId, Instant sortAt,
			List<CandidateStory> stories) {
		return storyOf(title, key, sourceId, sortAt, FoundStories.of(stories));
	}

	/** The same, the stories read from a lookup's arrays. */
	Optional<String> storyOf(String title, TitleKey key, String sourceId, Instant sortAt, FoundStories stories) {
		MatchedHeadline incoming = this.headlines.matched(key);
		this.headlines.put(title, incoming);
		return storyOf(incoming, sourceId, sortAt, stories);
	}

	/**
	 * An item about to be stored under this headline without being compared: its key is kept a while, for the next
	 * items of its story to be compared with it without reading its title again.
	 */
	void remember(String title, TitleKey key) {
		if (!this.window.isZero()) {
			this.headlines.put(title, key);
		}
	}

	private Optional<String> storyOf(MatchedHeadline incoming, String sourceId, Instant sortAt,
			FoundStories stories) {
		if (this.window.isZero()) {
			return Optional.empty();
		}
		long at = sortAt.toEpochMilli();
		int best = -1;
		double bestSimilarity = 0;
		for (int story = 0; story < stories.size(); story++) {
			if (hasSource(stories, story, sourceId)) {
				continue;
			}
			int lead = stories.start(story);
			// Only a lead that tells the same story counts: one that a plain contradiction rules out is not compared.
			Comparison withLead = near(incoming, at, stories, lead, true);
			if (withLead == null || !withLead.sameStory(Math.abs(at - stories.millis(lead)))) {
				continue;
			}
			// An item earlier than the lead becomes the lead, which the next items are compared with: it must tell
			// the story of each member given, not only of the lead, or the story would drift.
			boolean newLead = stories.before(sortAt, lead);
			boolean refused = false;
			for (int member = lead + 1; member < stories.end(story) && !refused; member++) {
				Comparison withMember = near(incoming, at, stories, member, false);
				refused = (withMember != null && withMember.contradiction() != null) || (newLead
						&& (withMember == null || !withMember.sameStory(Math.abs(at - stories.millis(member)))));
			}
			if (refused) {
				continue;
			}
			if (best < 0 || withLead.similarity() > bestSimilarity || (withLead.similarity() == bestSimilarity
					&& stories.before(lead, stories.start(best)))) {
				best = story;
				bestSimilarity = withLead.similarity();
			}
		}
		return (best < 0) ? Optional.empty() : Optional.of(stories.storyKey(best));
	}

	private static boolean hasSource(FoundStories stories, int story, String sourceId) {
		// Source ids differ in their last characters: their hashes (kept by each string) tell most apart at once.
		int hash = sourceId.hashCode();
		for (int member = stories.start(story); member < stories.end(story); member++) {
			String other = stories.sourceId(member);
			if (other.hashCode() == hash && other.equals(sourceId)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The same for stored items found near it, not yet grouped by story: each story is its earliest item found, then
	 * the others, the latest first.
	 */
	public Optional<String> storyOf(TitleKey key, String sourceId, Instant sortAt,
			java.util.Collection<StoryCandidate> candidates) {
		Map<String, List<StoryCandidate>> byStory = new java.util.LinkedHashMap<>();
		for (StoryCandidate candidate : candidates) {
			byStory.computeIfAbsent(candidate.storyKey(), (story) -> new java.util.ArrayList<>()).add(candidate);
		}
		List<CandidateStory> stories = new java.util.ArrayList<>();
		byStory.forEach((story, members) -> {
			List<StoryCandidate> sorted = new java.util.ArrayList<>(members);
			sorted.sort(java.util.Comparator.comparing(StoryCandidate::sortAt).reversed());
			StoryCandidate lead = sorted.remove(sorted.size() - 1);
			sorted.add(0, lead);
			stories.add(new CandidateStory(story, sorted));
		});
		return storyOf(key, sourceId, sortAt, stories);
	}

	/**
	 * How a stored item compares with an incoming one, when it is within the window and similar enough for its
	 * contradictions to count; else null, its contradictions not even looked for. When {@code refutable}, null too
	 * when a plain contradiction (see {@link Contradiction#plain}) keeps them apart: they do not tell the same story.
	 */
	private @Nullable Comparison near(MatchedHeadline incoming, long sortAt, FoundStories stories, int member,
			boolean refutable) {
		MatchedHeadline other = this.headlines.of(stories.title(member), stories.titleKey(member));
		long apart = Math.abs(sortAt - stories.millis(member));
		if (!withinWindow(incoming.distinctWords(), other.distinctWords(), apart)) {
			return null;
		}
		return incoming.near(other, threshold(apart), refutable);
	}

	/**
	 * Within the window; a short headline says too little to be trusted as long, and gets a quarter of it: a daily
	 * « Bourse de Casablanca : clôture en hausse » is not yesterday's.
	 */
	boolean withinWindow(TitleKey a, Instant atA, TitleKey b, Instant atB) {
		return withinWindow(a.distinctWords(), b.distinctWords(), Math.abs(atA.toEpochMilli() - atB.toEpochMilli()));
	}

	private boolean withinWindow(int wordsOfA, int wordsOfB, long millisApart) {
		long allowed = this.window.toMillis();
		if (Math.min(wordsOfA, wordsOfB) < SHORT_HEADLINE) {
			allowed /= 4;
		}
		return millisApart <= allowed && allowed > 0;
	}

	/**
	 * @param similarity Jaccard index of the two headlines' units (see {@link StoryMatcher#compare})
	 * @param sharedUnits how many units they share besides figures (« 29 », « millions », « euros »)
	 * @param contradiction why they tell two stories whatever their similarity, if they do
	 */
	public record Comparison(double similarity, int sharedUnits, @Nullable Contradiction contradiction) {

		/**
		 * Similar enough for headlines this far apart, two units in common at least besides figures (« Le patronat
		 * défend un plan vélo de 29 millions d'euros » and « Les contrôleurs aériens défendent un fonds de 29 millions
		 * d'euros » share a verb and a sum), and nothing against.
		 */
		public boolean sameStory(Duration apart) {
			return sameStory(apart.toMillis());
		}

		boolean sameStory(long millisApart) {
			return this.similarity >= threshold(millisApart) && this.sharedUnits >= 2 && this.contradiction == null;
		}

	}

}

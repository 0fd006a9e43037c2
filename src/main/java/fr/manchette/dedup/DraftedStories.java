package fr.manchette.dedup;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The stories the window gave an item when its story was drafted, kept until the story lock to be compared with those
 * it gives then (see {@link StoryAssigner}): what tells two lookups apart, in arrays, rather than the candidates
 * themselves. A poll's draft waits for the lock while other polls store, often past a young collection: what it holds
 * then is moved to the old generation, and dies there. Some 30 bytes a member, where a candidate with its time took 70;
 * nothing at all for an item the window gave no story.
 */
final class DraftedStories {

	private static final DraftedStories NONE = new DraftedStories(new String[0], new int[0], new long[0],
			new String[0], new String[0], new String[0], new long[0], new int[0], null);

	private final String[] storyKeys;

	/** Where the members of each story end in the arrays below. */
	private final int[] ends;

	private final long[] itemIds;

	private final String[] sources;

	private final String[] memberStories;

	private final String[] titles;

	private final long[] seconds;

	private final int[] nanos;

	/** The stories as given, when a member has a title key (the window gives none): then compared whole. */
	private final @Nullable List<CandidateStory> whole;

	private DraftedStories(String[] storyKeys, int[] ends, long[] itemIds, String[] sources, String[] memberStories,
			String[] titles, long[] seconds, int[] nanos, @Nullable List<CandidateStory> whole) {
		this.storyKeys = storyKeys;
		this.ends = ends;
		this.itemIds = itemIds;
		this.sources = sources;
		this.memberStories = memberStories;
		this.titles = titles;
		this.seconds = seconds;
		this.nanos = nanos;
		this.whole = whole;
	}

	static DraftedStories of(List<CandidateStory> stories) {
		if (stories.isEmpty()) {
			return NONE;
		}
		// By index: under the quick compiler, a loop over a list makes an iterator (some 500 bytes an item here).
		int members = 0;
		for (int i = 0; i < stories.size(); i++) {
			List<StoryCandidate> given = stories.get(i).members();
			for (int m = 0; m < given.size(); m++) {
				if (given.get(m).titleKey() != null) {
					return new DraftedStories(storyKeys(stories), new int[0], new long[0], new String[0],
							new String[0], new String[0], new long[0], new int[0], List.copyOf(stories));
				}
			}
			members += given.size();
		}
		int[] ends = new int[stories.size()];
		long[] itemIds = new long[members];
		String[] sources = new String[members];
		String[] memberStories = new String[members];
		String[] titles = new String[members];
		long[] seconds = new long[members];
		int[] nanos = new int[members];
		int at = 0;
		for (int i = 0; i < stories.size(); i++) {
			List<StoryCandidate> given = stories.get(i).members();
			for (int m = 0; m < given.size(); m++) {
				StoryCandidate member = given.get(m);
				itemIds[at] = member.itemId();
				sources[at] = member.sourceId();
				memberStories[at] = member.storyKey();
				titles[at] = member.title();
				seconds[at] = member.sortAt().getEpochSecond();
				nanos[at] = member.sortAt().getNano();
				at++;
			}
			ends[i] = at;
		}
		return new DraftedStories(storyKeys(stories), ends, itemIds, sources, memberStories, titles, seconds, nanos,
				null);
	}

	private static String[] storyKeys(List<CandidateStory> stories) {
		String[] keys = new String[stories.size()];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = stories.get(i).storyKey();
		}
		return keys;
	}

	/** How many stories. */
	int size() {
		return this.storyKeys.length;
	}

	/** The key of the {@code i}-th story. */
	String storyKey(int i) {
		return this.storyKeys[i];
	}

	/** Whether these are the very stories drafted: the same stories, with the same members, in the same order. */
	boolean sameAs(List<CandidateStory> stories) {
		if (this.whole != null) {
			return this.whole.equals(stories);
		}
		if (stories.size() != this.storyKeys.length) {
			return false;
		}
		int at = 0;
		for (int i = 0; i < this.storyKeys.length; i++) {
			CandidateStory story = stories.get(i);
			if (!story.storyKey().equals(this.storyKeys[i]) || story.members().size() != this.ends[i] - at) {
				return false;
			}
			for (StoryCandidate member : story.members()) {
				if (member.itemId() != this.itemIds[at] || member.titleKey() != null
						|| member.sortAt().getEpochSecond() != this.seconds[at]
						|| member.sortAt().getNano() != this.nanos[at] || !member.sourceId().equals(this.sources[at])
						|| !member.storyKey().equals(this.memberStories[at]) || !member.title().equals(this.titles[at])) {
					return false;
				}
				at++;
			}
		}
		return true;
	}

}

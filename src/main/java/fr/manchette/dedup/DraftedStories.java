package fr.manchette.dedup;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The stories the window gave an item when its story was drafted, kept until the story lock to be compared with those
 * it gives then (see {@link StoryAssigner}): what tells two lookups apart, in arrays, rather than the candidates
 * themselves. A poll's draft waits for the lock while other polls store, often past a young collection: what it holds
 * then is moved to the old generation, and dies there. Some 25 bytes a member, where a candidate with its time took 70;
 * nothing at all for an item the window gave no story. Copied from the lookup's arrays ({@link FoundStories}), not
 * from objects made for each member.
 */
final class DraftedStories {

	private static final DraftedStories NONE = new DraftedStories(new String[0], new int[0], new long[0],
			new String[0], new String[0], new String[0], new long[0], new int[0], null);

	private final String[] storyKeys;

	/** Where the members of each story end in the arrays below. */
	private final int[] ends;

	private final long[] itemIds;

	private final String[] sources;

	/**
	 * Each member's own story key, when one is not its story's; else null. The window gives a story's members the
	 * key of the story they are found in: an array a lookup saved.
	 */
	private final String @Nullable [] memberStories;

	private final String[] titles;

	private final long[] millis;

	/** The nanoseconds of each member's time within its millisecond, when one has some (none from the window). */
	private final int @Nullable [] nanos;

	/** The members' title keys, when one has one (the window gives none): then compared too. */
	private final @Nullable TitleKey @Nullable [] titleKeys;

	private DraftedStories(String[] storyKeys, int[] ends, long[] itemIds, String[] sources,
			String @Nullable [] memberStories, String[] titles, long[] millis, int @Nullable [] nanos, @Nullable TitleKey @Nullable [] titleKeys) {
		this.storyKeys = storyKeys;
		this.ends = ends;
		this.itemIds = itemIds;
		this.sources = sources;
		this.memberStories = memberStories;
		this.titles = titles;
		this.millis = millis;
		this.nanos = nanos;
		this.titleKeys = titleKeys;
	}

	static DraftedStories of(List<CandidateStory> stories) {
		return of(FoundStories.of(stories));
	}

	/** A copy of what a lookup found, which the lookup's arrays are written over by the next item's. */
	static DraftedStories of(FoundStories found) {
		if (found.isEmpty()) {
			return NONE;
		}
		int stories = found.size();
		int members = found.members();
		String[] storyKeys = new String[stories];
		int[] ends = new int[stories];
		for (int i = 0; i < stories; i++) {
			storyKeys[i] = found.storyKey(i);
			ends[i] = found.end(i);
		}
		long[] itemIds = new long[members];
		String[] sources = new String[members];
		String[] memberStories = null;
		String[] titles = new String[members];
		long[] millis = new long[members];
		int[] nanos = null;
		TitleKey[] titleKeys = null;
		int story = 0;
		for (int m = 0; m < members; m++) {
			while (m >= ends[story]) {
				story++;
			}
			itemIds[m] = found.itemId(m);
			sources[m] = found.sourceId(m);
			if (!found.memberStory(m).equals(storyKeys[story])) {
				if (memberStories == null) {
						memberStories = new String[members];
					for (int before = 0, of = 0; before < m; before++) {
						while (before >= ends[of]) {
							of++;
						}
						memberStories[before] = storyKeys[of];
					}
				}
			}
			if (memberStories != null) {
				memberStories[m] = found.memberStory(m);
			}
			titles[m] = found.title(m);
			millis[m] = found.millis(m);
			if (found.nanos(m) != 0) {
				if (nanos == null) {
					nanos = new int[members];
				}
				nanos[m] = found.nanos(m);
			}
			TitleKey key = found.titleKey(m);
			if (key != null) {
				if (titleKeys == null) {
					titleKeys = new TitleKey[members];
				}
				titleKeys[m] = key;
			}
		}
		return new DraftedStories(storyKeys, ends, itemIds, sources, memberStories, titles, millis, nanos,
				titleKeys);
	}

	/** How many stories. */
	int size() {
		return this.storyKeys.length;
	}

	/** The key of the {@code i}-th story. */
	String storyKey(int i) {
		return this.storyKeys[i];
	}

	boolean sameAs(List<CandidateStory> stories) {
		return sameAs(FoundStories.of(stories));
	}

	/** Whether these are the very stories drafted: the same stories, with the same members, in the same order. */
	boolean sameAs(FoundStories found) {
		if (found.size() != this.storyKeys.length || found.members() != this.itemIds.length) {
			return false;
		}
		for (int i = 0; i < this.storyKeys.length; i++) {
			if (found.end(i) != this.ends[i] || !found.storyKey(i).equals(this.storyKeys[i])) {
				return false;
			}
		}
		int story = 0;
		for (int m = 0; m < this.itemIds.length; m++) {
			while (m >= this.ends[story]) {
				story++;
			}
			String memberStory = (this.memberStories != null) ? this.memberStories[m] : this.storyKeys[story];
			if (found.itemId(m) != this.itemIds[m] || found.millis(m) != this.millis[m]
					|| found.nanos(m) != ((this.nanos != null) ? this.nanos[m] : 0)
					|| !found.sourceId(m).equals(this.sources[m]) || !found.memberStory(m).equals(memberStory)
					|| !found.title(m).equals(this.titles[m])
					|| !Objects.equals(found.titleKey(m), (this.titleKeys != null) ? this.titleKeys[m] : null)) {
				return false;
			}
		}
		return true;
	}

}

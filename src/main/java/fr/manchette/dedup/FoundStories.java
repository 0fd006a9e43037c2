package fr.manchette.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The stories a lookup of the window found for an incoming item, as the matcher reads them: what
 * {@link CandidateStory} and {@link StoryCandidate} say, in arrays that the caller keeps from one item to the next.
 * Under the quick compiler the service runs with, a candidate member as objects (a candidate, its time, its story and
 * their lists, copied again into the draft) cost some 1.6 kB an item.
 * <p>
 * Story {@code s} has the members from {@link #start} to {@link #end}, its lead first, then its latest others. Times
 * are kept to the nanosecond, as an {@link Instant}'s (two lookups are the same only when every time is): in
 * milliseconds, what the matcher reads, and the nanoseconds within the millisecond, none for the window's.
 */
final class FoundStories {

	private int stories;

	private String[] storyKeys;

	/** Where the members of each story end. */
	private int[] ends;

	private int members;

	private long[] itemIds;

	private String[] sources;

	private String[] memberStories;

	private String[] titles;

	/** Each member's time in milliseconds, as {@link Instant#toEpochMilli} gives it. */
	private long[] millis;

	/** The nanoseconds of its time within that millisecond. */
	private int[] nanos;

	/** A member's title key when the lookup had it at hand (never from the window); else null. */
	private @Nullable TitleKey[] titleKeys;

	/** With room for {@code stories} stories of {@code members} members in all: more, and the arrays grow. */
	FoundStories(int stories, int members) {
		this.storyKeys = new String[stories];
		this.ends = new int[stories];
		this.itemIds = new long[members];
		this.sources = new String[members];
		this.memberStories = new String[members];
		this.titles = new String[members];
		this.millis = new long[members];
		this.nanos = new int[members];
		this.titleKeys = new TitleKey[members];
	}

	/** Room for the stories of one lookup of the window. */
	static FoundStories forWindow() {
		return new FoundStories(StoryWindow.NEAREST, StoryWindow.NEAREST * StoryWindow.MEMBERS);
	}

	/** The same stories as these, each member's time to the nanosecond. */
	static FoundStories of(List<CandidateStory> given) {
		int count = 0;
		for (CandidateStory story : given) {
			count += story.members().size();
		}
		FoundStories found = new FoundStories(given.size(), count);
		for (CandidateStory story : given) {
			found.startStory(story.storyKey());
			for (StoryCandidate member : story.members()) {
				found.add(member.itemId(), member.sourceId(), member.storyKey(), member.title(),
						member.sortAt().toEpochMilli(), member.sortAt().getNano() % 1_000_000, member.titleKey());
			}
		}
		return found;
	}

	/** Empties it for the next lookup; the strings it held are let go by being written over. */
	void clear() {
		this.stories = 0;
		this.members = 0;
	}

	/** A story whose members come next. */
	void startStory(String storyKey) {
		if (this.stories == this.storyKeys.length) {
			this.storyKeys = Arrays.copyOf(this.storyKeys, this.stories * 2 + 1);
			this.ends = Arrays.copyOf(this.ends, this.stories * 2 + 1);
		}
		this.storyKeys[this.stories] = storyKey;
		this.ends[this.stories] = this.members;
		this.stories++;
	}

	/** A member of the story last started, sorted at {@code epochMillis}. */
	void add(long itemId, String sourceId, String storyKey, String title, long epochMillis) {
		add(itemId, sourceId, storyKey, title, epochMillis, 0, null);
	}

	private void add(long itemId, String sourceId, String storyKey, String title, long epochMillis, int nano,
			@Nullable TitleKey titleKey) {
		int at = this.members;
		if (at == this.itemIds.length) {
			grow(at * 2 + 1);
		}
		this.itemIds[at] = itemId;
		this.sources[at] = sourceId;
		this.memberStories[at] = storyKey;
		this.titles[at] = title;
		this.millis[at] = epochMillis;
		this.nanos[at] = nano;
		this.titleKeys[at] = titleKey;
		this.members++;
		this.ends[this.stories - 1] = this.members;
	}

	private void grow(int capacity) {
		this.itemIds = Arrays.copyOf(this.itemIds, capacity);
		this.sources = Arrays.copyOf(this.sources, capacity);
		this.memberStories = Arrays.copyOf(this.memberStories, capacity);
		this.titles = Arrays.copyOf(this.titles, capacity);
		this.millis = Arrays.copyOf(this.millis, capacity);
		this.nanos = Arrays.copyOf(this.nanos, capacity);
		this.titleKeys = Arrays.copyOf(this.titleKeys, capacity);
	}

	/** How many stories. */
	int size() {
		return this.stories;
	}

	boolean isEmpty() {
		return this.stories == 0;
	}

	String storyKey(int story) {
		return this.storyKeys[story];
	}

	/** The first member of a story: its lead. */
	int start(int story) {
		return (story == 0) ? 0 : this.ends[story - 1];
	}

	/** Just after the last member of a story. */
	int end(int story) {
		return this.ends[story];
	}

	/** How many members in all. */
	int members() {
		return this.members;
	}

	long itemId(int member) {
		return this.itemIds[member];
	}

	String sourceId(int member) {
		return this.sources[member];
	}

	String memberStory(int member) {
		return this.memberStories[member];
	}

	String title(int member) {
		return this.titles[member];
	}

	/** The nanoseconds of a member's time within its {@link #millis}. */
	int nanos(int member) {
		return this.nanos[member];
	}

	@Nullable TitleKey titleKey(int member) {
		return this.titleKeys[member];
	}

	/** A member's time in milliseconds, as {@link Instant#toEpochMilli} gives it. */
	long millis(int member) {
		return this.millis[member];
	}

	/** Whether an instant is before a member's time. */
	boolean before(Instant at, int member) {
		long millis = at.toEpochMilli();
		return millis < this.millis[member]
				|| (millis == this.millis[member] && at.getNano() % 1_000_000 < this.nanos[member]);
	}

	/** Whether one member's time is before another's. */
	boolean before(int member, int other) {
		return this.millis[member] < this.millis[other]
				|| (this.millis[member] == this.millis[other] && this.nanos[member] < this.nanos[other]);
	}

	/** The stories as objects, for those who look at them rather than match them. */
	List<CandidateStory> toList() {
		List<CandidateStory> list = new ArrayList<>(this.stories);
		for (int s = 0; s < this.stories; s++) {
			List<StoryCandidate> given = new ArrayList<>(end(s) - start(s));
			for (int m = start(s); m < end(s); m++) {
				given.add(new StoryCandidate(this.itemIds[m], this.sources[m], this.memberStories[m], this.titles[m],
						Instant.ofEpochMilli(this.millis[m]).plusNanos(this.nanos[m]), this.titleKeys[m]));
			}
			list.add(new CandidateStory(this.storyKeys[s], given));
		}
		return list;
	}

}

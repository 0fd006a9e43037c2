package fr.manchette.dedup;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The headlines the story window holds, one slot each in parallel arrays in the order added (about 270 bytes a
 * headline with the band and story tables, its title and story key besides), found by band through
 * {@link BandPostings} and by story through {@link StoryMembers}. A replaced headline leaves its slot dropped until
 * the next compaction, and so does a forgotten one: a compaction builds every table again, which an hourly prune
 * of the window paid for every headline it kept (in StoreBenchmark, where a simulated hour brings 1 700 items to a
 * window of some 80 000, over a quarter of the storing threads' CPU); dropped, they go when the table is full.
 */
final class HeadlineSlots {

	int size;

	long[] ids = new long[0];

	long[] sortAt = new long[0];

	String[] sources = new String[0];

	/**
	 * Each slot's source as a number (see {@link #sourceNumber}): the lookup skips a source's own headlines by
	 * comparing ints, not strings.
	 */
	int[] sourceNumbers = new int[0];

	/** The source number of a dropped slot: the lookup skips it as it skips a source's own headlines. */
	static final int DROPPED = -2;

	String[] stories = new String[0];

	String[] titles = new String[0];

	/** Each slot's bands, folded to 32 bits: {@link StoryBands#BANDS} a slot. */
	int[] bands = new int[0];

	boolean[] dropped = new boolean[0];

	/** Slots dropped since the last compaction. */
	private int droppedSlots;

	final BandPostings postings = new BandPostings();

	/** Compactions so far: a slot's place holds until the next one. */
	long compactions;

	private final StoryMembers members = new StoryMembers();

	/** The sources of the headlines held, numbered in the order first seen; each name kept once. */
	private final Map<String, Integer> numbersOfSources = new HashMap<>();

	private String[] sourcesByNumber = new String[16];

	/**
	 * Each slot's mark of the last lookup that found it: the lookup's number in the high 32 bits, its place among the
	 * headlines that lookup found in the low 32. A lookup tells the headlines it found before by their slot, without a
	 * table of its own to hash them into and empty again (a sixth of the lookup's CPU).
	 */
	long[] marks = new long[0];

	/** The number of the last lookup, never 0: a slot never found has the mark 0. */
	private int lookups;

	/** The slots one lookup found, in the order found: kept from one lookup to the next (they run under the lock). */
	final int[] foundOrder = new int[StoryBands.BANDS * StoryWindow.PER_BAND];

	/** How many bands each of them shares with the incoming headline, and those it was seen sharing: the same. */
	final int[] foundHits = new int[StoryBands.BANDS * StoryWindow.PER_BAND];

	final int[] foundSeen = new int[StoryBands.BANDS * StoryWindow.PER_BAND];

	/** The incoming headline's bands, folded, and those whose postings were not all read: the same, for one lookup. */
	final int[] incomingBands = new int[StoryBands.BANDS];

	final int[] unreadBands = new int[StoryBands.BANDS];

	/** The bands whose postings a lookup is reading, the next posting of each and how many it took: the same. */
	final int[] bandsRead = new int[StoryBands.BANDS];

	final int[] currentPostings = new int[StoryBands.BANDS];

	final int[] readCounts = new int[StoryBands.BANDS];

	/** The slots of the nearest found, the most alike first: the same. */
	final int[] nearest = new int[StoryWindow.NEAREST];

	/** Empties it, with room for {@code capacity} headlines. */
	void clear(int capacity) {
		this.size = 0;
		this.ids = new long[capacity];
		this.sortAt = new long[capacity];
		this.sources = new String[capacity];
		this.sourceNumbers = new int[capacity];
		this.numbersOfSources.clear();
		this.stories = new String[capacity];
		this.titles = new String[capacity];
		this.dropped = new boolean[capacity];
		this.bands = new int[capacity * StoryBands.BANDS];
		this.marks = new long[capacity];
		this.droppedSlots = 0;
		reindex(0);
	}

	/** Headlines held: the slots taken less those dropped. */
	int live() {
		return this.size - this.droppedSlots;
	}

	/**
	 * Drops a slot: every lookup skips it from now on (its source number is {@link #DROPPED}), its story is led by
	 * another, and the next compaction takes it out.
	 */
	void drop(int slot) {
		if (!this.dropped[slot]) {
			this.dropped[slot] = true;
			this.sourceNumbers[slot] = DROPPED;
			this.droppedSlots++;
		}
	}

	/** Drops the slots sorted before {@code cutoff}: what {@link #compact} would take out, without its rebuild. */
	void dropBefore(long cutoff) {
		for (int slot = 0; slot < this.size; slot++) {
			if (this.sortAt[slot] < cutoff) {
				drop(slot);
			}
		}
	}

	/** The time before which at least {@code count} of the live slots are sorted (and the fewest more of them). */
	long sortedBefore(int count) {
		long[] times = new long[live()];
		int live = 0;
		for (int slot = 0; slot < this.size; slot++) {
			if (!this.dropped[slot]) {
				times[live++] = this.sortAt[slot];
			}
		}
		Arrays.sort(times);
		return (count >= live) ? Long.MAX_VALUE : times[Math.max(0, count - 1)] + 1;
	}

	/** Adds a headline with its {@link StoryBands#BANDS} bands; a full table first drops the slots before {@code from}. */
	void add(WindowHeadline headline, long from) {
		if (this.size == this.ids.length) {
			// Replaced headlines leave their slots.
			compact(from);
			if (this.size > this.ids.length * 3 / 4) {
				grow(this.ids.length * 2);
			}
		}
		if (this.postings.crowded()) {
			reindex(this.postings.tableSize() * 2);
		}
		int slot = this.size++;
		this.ids[slot] = headline.itemId();
		this.sortAt[slot] = headline.sortAt().toEpochMilli();
		int source = this.numbersOfSources.computeIfAbsent(headline.sourceId(), this::numberSource);
		this.sources[slot] = this.sourcesByNumber[source];
		this.sourceNumbers[slot] = source;
		this.stories[slot] = headline.storyKey();
		this.titles[slot] = headline.title();
		this.dropped[slot] = false;
		for (int i = 0; i < StoryBands.BANDS; i++) {
			this.bands[slot * StoryBands.BANDS + i] = BandPostings.fold(headline.bands()[i]);
		}
		index(slot);
	}

	/** Keeps the live headlines sorted from {@code cutoff} on, and builds the tables again for them alone. */
	void compact(long cutoff) {
		this.compactions++;
		int kept = 0;
		for (int slot = 0; slot < this.size; slot++) {
			if (this.dropped[slot] || this.sortAt[slot] < cutoff) {
				continue;
			}
			this.ids[kept] = this.ids[slot];
			this.sortAt[kept] = this.sortAt[slot];
			this.sources[kept] = this.sources[slot];
			this.sourceNumbers[kept] = this.sourceNumbers[slot];
			this.stories[kept] = this.stories[slot];
			this.titles[kept] = this.titles[slot];
			this.dropped[kept] = false;
			System.arraycopy(this.bands, slot * StoryBands.BANDS, this.bands, kept * StoryBands.BANDS,
					StoryBands.BANDS);
			kept++;
		}
		Arrays.fill(this.sources, kept, this.size, null);
		Arrays.fill(this.stories, kept, this.size, null);
		Arrays.fill(this.titles, kept, this.size, null);
		this.size = kept;
		this.droppedSlots = 0;
		reindex(this.postings.tableSize());
	}

	/**
	 * The number of a new lookup, for its marks. Once the numbers wrap round, every mark is cleared: no slot then
	 * bears the mark of a lookup before.
	 */
	int nextLookup() {
		if (++this.lookups == 0) {
			Arrays.fill(this.marks, 0);
			this.lookups = 1;
		}
		return this.lookups;
	}

	/** The number of a source of the headlines held, or -1 when none of them is of this source. */
	int sourceNumber(String sourceId) {
		Integer number = this.numbersOfSources.get(sourceId);
		return (number != null) ? number : -1;
	}

	private int numberSource(String sourceId) {
		int number = this.numbersOfSources.size();
		if (number == this.sourcesByNumber.length) {
			this.sourcesByNumber = Arrays.copyOf(this.sourcesByNumber, number * 2);
		}
		this.sourcesByNumber[number] = sourceId;
		return number;
	}

	StoryCandidate candidate(int slot) {
		return new StoryCandidate(this.ids[slot], this.sources[slot], this.stories[slot], this.titles[slot],
				Instant.ofEpochMilli(this.sortAt[slot]));
	}

	/**
	 * The stories of these headlines, each once, in the order of its first headline among them: each with its lead
	 * and its latest other items, at most {@code most}, written into {@code into} (emptied first).
	 */
	void storiesOf(int[] found, int count, int most, FoundStories into) {
		into.clear();
		for (int i = 0; i < count; i++) {
			int number = this.members.number(found[i]);
			boolean before = false;
			for (int j = 0; j < i && !before; j++) {
				before = this.members.number(found[j]) == number;
			}
			if (!before) {
				storyOf(found[i], most, into);
			}
		}
	}

	/** The story of a slot with its lead and its latest other items, at most {@code most}; nothing if none is left. */
	private void storyOf(int slot, int most, FoundStories into) {
		int lead = leadOf(slot);
		if (lead == StoryMembers.NONE) {
			return;
		}
		into.startStory(this.stories[lead]);
		member(lead, into);
		int count = 0;
		for (int member = this.members.lastOfStoryOf(slot); member != StoryMembers.NONE && count < most - 1;
				member = this.members.previous(member)) {
			if (member != lead && !this.dropped[member]) {
				member(member, into);
				count++;
			}
		}
	}

	private void member(int slot, FoundStories into) {
		into.add(this.ids[slot], this.sources[slot], this.stories[slot], this.titles[slot], this.sortAt[slot]);
	}

	/** The lead of the story of a slot: the one kept, unless it was dropped since; {@link StoryMembers#NONE} if none. */
	private int leadOf(int slot) {
		int number = this.members.number(slot);
		int lead = this.members.lead(number);
		if (lead != StoryMembers.NONE && !this.dropped[lead]) {
			return lead;
		}
		// Its lead was replaced (edited): the earliest of those left, looked for from the last added back.
		lead = StoryMembers.NONE;
		for (int member = this.members.lastOfStoryOf(slot); member != StoryMembers.NONE;
				member = this.members.previous(member)) {
			if (!this.dropped[member] && (lead == StoryMembers.NONE || leads(member, lead))) {
				lead = member;
			}
		}
		this.members.setLead(number, lead);
		return lead;
	}

	/**
	 * Whether a slot leads its story rather than another slot of it: sorted earlier, or at the same time with a lower
	 * id. Of two with the same time and id (the same row twice), the later added: as when they were looked for from
	 * the last added back.
	 */
	private boolean leads(int slot, int other) {
		return this.sortAt[slot] < this.sortAt[other]
				|| (this.sortAt[slot] == this.sortAt[other] && this.ids[slot] < this.ids[other]);
	}

	/** Adds a slot's bands and story; the table has room (see {@link #add}). */
	private void index(int slot) {
		this.postings.add(slot, this.bands);
		int before = this.members.add(slot, this.stories);
		if (before != StoryMembers.NONE) {
			// One key for a story's headlines: read from the store, each row brings its own (some 100 bytes).
			this.stories[slot] = this.stories[before];
		}
		// Its story's lead kept as slots come, not looked for among all its members at each lookup (big stories
		// cost as much as the lookup): the earliest; of two the same, the later added. A dropped lead is looked for
		// again among all of them.
		int number = this.members.number(slot);
		int lead = this.members.lead(number);
		if (lead != StoryMembers.NONE && this.dropped[lead]) {
			leadOf(slot);
		}
		else if (lead == StoryMembers.NONE || !leads(lead, slot)) {
			this.members.setLead(number, slot);
		}
	}

	private void grow(int capacity) {
		this.ids = Arrays.copyOf(this.ids, capacity);
		this.sortAt = Arrays.copyOf(this.sortAt, capacity);
		this.sources = Arrays.copyOf(this.sources, capacity);
		this.sourceNumbers = Arrays.copyOf(this.sourceNumbers, capacity);
		this.stories = Arrays.copyOf(this.stories, capacity);
		this.titles = Arrays.copyOf(this.titles, capacity);
		this.dropped = Arrays.copyOf(this.dropped, capacity);
		this.bands = Arrays.copyOf(this.bands, capacity * StoryBands.BANDS);
		this.marks = Arrays.copyOf(this.marks, capacity);
	}

	/** Builds the band table, the postings and the stories again from the slots. */
	private void reindex(int tableSize) {
		this.postings.reset(tableSize, this.size);
		this.members.reset(this.size);
		for (int slot = 0; slot < this.size; slot++) {
			index(slot);
		}
	}

}

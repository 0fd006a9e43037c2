package fr.manchette.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The headlines stored within reach of the story matcher, in memory: by the bands of their MinHash signature (see
 * {@link StoryBands}), to find the few near an incoming headline without reading the others; and by story, to
 * compare it with the story it would join. Lookups cost microseconds and write nothing, where a table of bands cost
 * sixteen rows per stored item and a statement per lookup.
 * <p>
 * It holds every stored headline sorted from a point in time on: at first twice the story window before now, so that an
 * incoming item sorted up to one window ago still finds those one window before it. An older item (a new source's
 * backlog, a first poll of many sources) has the store step {@link #extend reach further back} first, up to
 * {@value #MOST_HELD} headlines; the hourly prune brings it back to twice the window. The pipeline keeps it true to the
 * store: it loads it from the store on
 * first use, and before deciding the stories of a poll it adds what any instance stored since (items with a higher
 * id), while it holds the store's story lock, under which ids are handed out in order. So every instance sharing a
 * database sees the same headlines when it decides.
 * <p>
 * Compact on purpose: a band is an int in an open-addressing table, its headlines a linked list of ints; about
 * 300 bytes a headline with its title, so a window of 100 000 headlines takes some 30 MB.
 */
@Component
public class StoryWindow {

	/** Headlines read per band at most, the last stored first: a band a thousand headlines share costs no more. */
	static final int PER_BAND = 40;

	/** More headlines than this found near an incoming one, and those sharing the most bands are kept. */
	static final int NEAREST = 16;

	/** Room for the headlines one lookup finds, a power of two at least twice BANDS × PER_BAND. */
	private static final int HITS_TABLE = 2048;

	/** Items of a candidate story handed to the matcher at most: its lead and the latest others. */
	public static final int MEMBERS = 8;

	/** Headlines held at most after reaching back for old items: some 30 MB. */
	static final int MOST_HELD = 100_000;

	private static final int NONE = -1;

	/** Before any headline: far enough from Long.MIN_VALUE that subtracting the reach cannot overflow. */
	private static final long NEVER = Long.MIN_VALUE / 4;

	/** Twice the window: an item sorted one window ago still finds those one window before it. */
	private final Duration reach;

	private final Duration window;

	private final Clock clock;

	/** Every stored headline sorted from this point in time on is held (once loaded); none before it. */
	private long from = NEVER;

	// One slot per headline, in the order added.
	private int size;

	private long[] ids = new long[0];

	private long[] sortAt = new long[0];

	private String[] sources = new String[0];

	private String[] stories = new String[0];

	private String[] titles = new String[0];

	private int[] bands = new int[0];

	private boolean[] dropped = new boolean[0];

	// Band → its headlines, the last added first: an open-addressing table of band hashes, each heading a list.
	private int[] bandKeys = new int[0];

	private int[] bandHeads = new int[0];

	private int bandsUsed;

	private int[] postingSlot = new int[0];

	private int[] postingNext = new int[0];

	private int postings;

	private final Map<String, Members> members = new HashMap<>();

	private long lastItemId;

	private boolean loaded;

	@Autowired
	StoryWindow(StoryMatcher matcher, Clock clock) {
		this(matcher.window(), clock);
	}

	/** @param window the story window; zero: nothing is kept, every lookup finds nothing */
	public StoryWindow(Duration window, Clock clock) {
		this.window = window;
		this.reach = window.multipliedBy(2);
		this.clock = clock;
		clear(1024);
	}

	/** The earliest place in time of the headlines it keeps: twice the story window before now. */
	public Instant keptFrom() {
		return this.clock.instant().minus(this.reach);
	}

	/** False until loaded, and again after {@link #invalidate}: the next story step loads it anew. */
	public synchronized boolean loaded() {
		return this.loaded;
	}

	/** The highest item id added: the store step adds the items stored after it. */
	public synchronized long lastItemId() {
		return this.lastItemId;
	}

	/**
	 * Replaces what it holds by these headlines (the store's, sorted within reach), up to the store's highest id.
	 */
	public synchronized void load(List<WindowHeadline> headlines, long lastItemId) {
		clear(Math.max(1024, headlines.size() * 2));
		this.from = keptFrom().toEpochMilli();
		headlines.forEach(this::put);
		this.lastItemId = lastItemId;
		this.loaded = true;
	}

	/** Adds headlines stored since the last one added; the last item id moves to the highest of them. */
	public synchronized void add(List<WindowHeadline> headlines) {
		for (WindowHeadline headline : headlines) {
			this.lastItemId = Math.max(this.lastItemId, headline.itemId());
			put(headline);
		}
	}

	/**
	 * An edited headline: its old bands are forgotten, its new ones found from now on, in the same story and place.
	 * Edits are few: the item is looked for from the last added back.
	 */
	public synchronized void replace(long itemId, String title, List<Long> headlineBands) {
		for (int slot = this.size - 1; slot >= 0; slot--) {
			if (this.ids[slot] == itemId && !this.dropped[slot]) {
				this.dropped[slot] = true;
				put(new WindowHeadline(itemId, this.sources[slot], this.stories[slot], title,
						Instant.ofEpochMilli(this.sortAt[slot]), headlineBands));
				return;
			}
		}
	}

	/**
	 * Where the window must reach back from for an item sorted at {@code earliest} to find the headlines one window
	 * before it, when it does not hold them yet: the store step then reads them and {@link #extend extends} it.
	 */
	public synchronized Optional<Instant> reachBack(Instant earliest) {
		long start = earliest.minus(this.window).toEpochMilli();
		if (this.window.isZero() || !this.loaded || start >= this.from || this.size >= MOST_HELD) {
			return Optional.empty();
		}
		return Optional.of(Instant.ofEpochMilli(start));
	}

	/** The earliest place in time from which it holds every stored headline. */
	public synchronized Instant heldFrom() {
		return Instant.ofEpochMilli(this.from);
	}

	/** Headlines it may still take when reaching back. */
	public synchronized int roomBack() {
		return Math.max(0, MOST_HELD - this.size);
	}

	/**
	 * Holds these older headlines too: the store's, sorted from {@code start} until {@link #heldFrom}, the latest
	 * first, at most {@link #roomBack} of them. When that many came, it holds from the last one's time on only.
	 */
	public synchronized void extend(Instant start, List<WindowHeadline> latestFirst, int asked) {
		long until = this.from;
		long reached = start.toEpochMilli();
		if (latestFirst.size() >= asked && !latestFirst.isEmpty()) {
			// Some sorted at the last one's time may have been left out: hold only after it.
			reached = latestFirst.get(latestFirst.size() - 1).sortAt().toEpochMilli() + 1;
		}
		if (reached >= until) {
			return;
		}
		this.from = reached;
		for (WindowHeadline headline : latestFirst) {
			long at = headline.sortAt().toEpochMilli();
			if (at >= reached && at < until) {
				put(headline);
			}
		}
	}

	/** Forgets everything: a store step that did not commit may have added what the store does not hold. */
	public synchronized void invalidate() {
		clear(1024);
		this.loaded = false;
		this.lastItemId = 0;
	}

	/** Forgets the headlines sorted before {@code cutoff}; returns how many it holds after. */
	public synchronized int forgetBefore(Instant cutoff) {
		this.from = Math.max(this.from, cutoff.toEpochMilli());
		compact(this.from);
		return this.size;
	}

	/** Headlines held. */
	public synchronized int size() {
		return this.size;
	}

	/**
	 * The stored headlines of other sources that share the most bands with an incoming one sorted at {@code at},
	 * within the window of it: at most {@value #NEAREST}, the most alike first, among equals the last stored.
	 */
	public synchronized List<StoryCandidate> nearest(List<Long> headlineBands, Instant at, String sourceId) {
		if (this.window.isZero() || headlineBands.size() != StoryBands.BANDS) {
			return List.of();
		}
		long from = at.minus(this.window).toEpochMilli();
		long until = at.plus(this.window).toEpochMilli();
		// Headlines found and their hits, in a small open-addressing table: at most BANDS × PER_BAND of them.
		int[] found = new int[HITS_TABLE];
		int[] hits = new int[HITS_TABLE];
		int[] order = new int[StoryBands.BANDS * PER_BAND];
		int distinct = 0;
		for (Long band : headlineBands) {
			int table = find(fold(band));
			if (this.bandKeys[table] == 0) {
				continue;
			}
			int read = 0;
			for (int posting = this.bandHeads[table]; posting != NONE && read < PER_BAND;
					posting = this.postingNext[posting]) {
				int slot = this.postingSlot[posting];
				if (this.dropped[slot] || this.sortAt[slot] < from || this.sortAt[slot] > until
						|| this.sources[slot].equals(sourceId)) {
					continue;
				}
				read++;
				int place = mix(slot) & (HITS_TABLE - 1);
				while (found[place] != 0 && found[place] != slot + 1) {
					place = (place + 1) & (HITS_TABLE - 1);
				}
				if (found[place] == 0) {
					found[place] = slot + 1;
					order[distinct++] = place;
				}
			}
		}
		// What a headline shares with the incoming one is counted on all its bands, not on the lists read: a band that
		// a formulaic headline's siblings crowd is read no further than PER_BAND, and the same headline told
		// earlier, found through its rarer bands only, must still come first.
		int[] incoming = new int[StoryBands.BANDS];
		for (int i = 0; i < StoryBands.BANDS; i++) {
			incoming[i] = fold(headlineBands.get(i));
		}
		for (int i = 0; i < distinct; i++) {
			int place = order[i];
			int base = (found[place] - 1) * StoryBands.BANDS;
			int shared = 0;
			for (int band = 0; band < StoryBands.BANDS; band++) {
				if (this.bands[base + band] == incoming[band]) {
					shared++;
				}
			}
			hits[place] = shared;
		}
		// The most bands shared first, among equals the last stored: a partial selection, NEAREST at most.
		List<StoryCandidate> nearest = new ArrayList<>(Math.min(distinct, NEAREST));
		for (int rank = 0; rank < Math.min(distinct, NEAREST); rank++) {
			int best = rank;
			for (int i = rank + 1; i < distinct; i++) {
				int x = order[i];
				int y = order[best];
				if (hits[x] > hits[y] || (hits[x] == hits[y] && this.ids[found[x] - 1] > this.ids[found[y] - 1])) {
					best = i;
				}
			}
			int chosen = order[best];
			order[best] = order[rank];
			order[rank] = chosen;
			nearest.add(candidate(found[chosen] - 1));
		}
		return nearest;
	}

	/**
	 * The stories of these headlines, each once, in the order of its first headline among them: each with its lead
	 * and its latest other items in the window, at most {@value #MEMBERS}.
	 */
	public synchronized List<CandidateStory> storiesOf(List<StoryCandidate> nearest) {
		Map<String, List<StoryCandidate>> found = new LinkedHashMap<>();
		for (StoryCandidate candidate : nearest) {
			found.computeIfAbsent(candidate.storyKey(), this::membersOf);
		}
		List<CandidateStory> stories = new ArrayList<>(found.size());
		found.forEach((key, members) -> {
			if (!members.isEmpty()) {
				stories.add(new CandidateStory(key, members));
			}
		});
		return stories;
	}

	private List<StoryCandidate> membersOf(String storyKey) {
		Members story = this.members.get(storyKey);
		if (story == null) {
			return List.of();
		}
		int lead = NONE;
		for (int i = 0; i < story.count; i++) {
			int slot = story.slots[i];
			if (!this.dropped[slot] && (lead == NONE || this.sortAt[slot] < this.sortAt[lead]
					|| (this.sortAt[slot] == this.sortAt[lead] && this.ids[slot] < this.ids[lead]))) {
				lead = slot;
			}
		}
		if (lead == NONE) {
			return List.of();
		}
		List<StoryCandidate> found = new ArrayList<>();
		found.add(candidate(lead));
		for (int i = story.count - 1; i >= 0 && found.size() < MEMBERS; i--) {
			int slot = story.slots[i];
			if (slot != lead && !this.dropped[slot]) {
				found.add(candidate(slot));
			}
		}
		return found;
	}

	private StoryCandidate candidate(int slot) {
		return new StoryCandidate(this.ids[slot], this.sources[slot], this.stories[slot], this.titles[slot],
				Instant.ofEpochMilli(this.sortAt[slot]));
	}

	private void put(WindowHeadline headline) {
		long at = headline.sortAt().toEpochMilli();
		if (this.window.isZero() || headline.bands().size() != StoryBands.BANDS || at < this.from) {
			// Matching is off, the headline has no word to match by, or it is before what the window holds.
			return;
		}
		if (this.size == this.ids.length) {
			// Replaced headlines leave their slots.
			compact(this.from);
			if (this.size > this.ids.length * 3 / 4) {
				grow(this.ids.length * 2);
			}
		}
		if ((this.bandsUsed + StoryBands.BANDS) * 4 >= this.bandKeys.length * 3) {
			reindex(this.bandKeys.length * 2);
		}
		int slot = this.size++;
		this.ids[slot] = headline.itemId();
		this.sortAt[slot] = headline.sortAt().toEpochMilli();
		this.sources[slot] = headline.sourceId().intern();
		this.stories[slot] = headline.storyKey();
		this.titles[slot] = headline.title();
		this.dropped[slot] = false;
		for (int i = 0; i < StoryBands.BANDS; i++) {
			this.bands[slot * StoryBands.BANDS + i] = fold(headline.bands().get(i));
		}
		index(slot);
	}

	/** Adds a slot's bands and story; the table has room (see {@link #put}). */
	private void index(int slot) {
		if (this.postings + StoryBands.BANDS > this.postingSlot.length) {
			this.postingSlot = Arrays.copyOf(this.postingSlot, this.postingSlot.length * 2);
			this.postingNext = Arrays.copyOf(this.postingNext, this.postingNext.length * 2);
		}
		for (int i = 0; i < StoryBands.BANDS; i++) {
			int band = this.bands[slot * StoryBands.BANDS + i];
			int table = find(band);
			if (this.bandKeys[table] == 0) {
				this.bandKeys[table] = band;
				this.bandHeads[table] = NONE;
				this.bandsUsed++;
			}
			int posting = this.postings++;
			this.postingSlot[posting] = slot;
			this.postingNext[posting] = this.bandHeads[table];
			this.bandHeads[table] = posting;
		}
		String story = this.stories[slot];
		this.members.computeIfAbsent(story, (key) -> new Members()).add(slot);
	}

	/** Keeps the live headlines sorted from {@code cutoff} on, and builds the tables again for them alone. */
	private void compact(long cutoff) {
		int kept = 0;
		for (int slot = 0; slot < this.size; slot++) {
			if (this.dropped[slot] || this.sortAt[slot] < cutoff) {
				continue;
			}
			this.ids[kept] = this.ids[slot];
			this.sortAt[kept] = this.sortAt[slot];
			this.sources[kept] = this.sources[slot];
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
		reindex(this.bandKeys.length);
	}

	private void grow(int capacity) {
		this.ids = Arrays.copyOf(this.ids, capacity);
		this.sortAt = Arrays.copyOf(this.sortAt, capacity);
		this.sources = Arrays.copyOf(this.sources, capacity);
		this.stories = Arrays.copyOf(this.stories, capacity);
		this.titles = Arrays.copyOf(this.titles, capacity);
		this.dropped = Arrays.copyOf(this.dropped, capacity);
		this.bands = Arrays.copyOf(this.bands, capacity * StoryBands.BANDS);
	}

	/** Builds the band table, the postings and the stories again from the slots. */
	private void reindex(int tableSize) {
		int needed = Math.max(this.size * StoryBands.BANDS * 2, 1024);
		int capacity = Math.max(tableSize, Integer.highestOneBit(needed - 1) << 1);
		this.bandKeys = new int[capacity];
		this.bandHeads = new int[capacity];
		this.bandsUsed = 0;
		this.postingSlot = new int[Math.max(needed / 2, StoryBands.BANDS)];
		this.postingNext = new int[this.postingSlot.length];
		this.postings = 0;
		this.members.clear();
		for (int slot = 0; slot < this.size; slot++) {
			index(slot);
		}
	}

	private void clear(int capacity) {
		this.size = 0;
		this.from = NEVER;
		this.ids = new long[capacity];
		this.sortAt = new long[capacity];
		this.sources = new String[capacity];
		this.stories = new String[capacity];
		this.titles = new String[capacity];
		this.dropped = new boolean[capacity];
		this.bands = new int[capacity * StoryBands.BANDS];
		this.members.clear();
		this.bandKeys = new int[0];
		reindex(0);
	}

	/** Where a band is in the table, or the empty place where it would go. */
	private int find(int band) {
		int mask = this.bandKeys.length - 1;
		int table = mix(band) & mask;
		while (this.bandKeys[table] != 0 && this.bandKeys[table] != band) {
			table = (table + 1) & mask;
		}
		return table;
	}

	/** A band hash in 32 bits, never 0 (the empty place). A collision only adds a candidate for the matcher. */
	private static int fold(long band) {
		int folded = (int) (band ^ (band >>> 32));
		return (folded != 0) ? folded : 1;
	}

	private static int mix(int value) {
		int h = value * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

	/** The slots of one story's headlines, in the order added. */
	private static final class Members {

		private int[] slots = new int[2];

		private int count;

		void add(int slot) {
			if (this.count == this.slots.length) {
				this.slots = Arrays.copyOf(this.slots, this.count * 2);
			}
			this.slots[this.count++] = slot;
		}

	}

}

package fr.manchette.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Compact on purpose: a band is an int in an open-addressing table, its headlines a linked list of ints
 * ({@link BandPostings}), a story's the same ({@link StoryMembers}); about 270 bytes a headline in arrays
 * ({@link HeadlineSlots}), with its title some 130 more and its story's key some 100 a story, so a window of 100 000
 * headlines takes 35 to 50 MB. This class keeps the time it holds and the lock; {@link NearestHeadlines} looks up.
 * <p>
 * Sources that publish a lot can put more headlines within reach than the heap holds: it holds at most
 * {@link #mostHeld(long) a number of them set by the heap} (100 000 for 224 MB, some 60 MB with their titles and the
 * slack of the tables: a quarter of it), and past that forgets
 * the oldest, so that it reaches less far back (an item then finds the stories of the time it holds, not of a whole
 * window before it) rather than running the service out of memory.
 */
@Component
public class StoryWindow {

	/** Headlines read per band at most, the last stored first: a band a thousand headlines share costs no more. */
	static final int PER_BAND = 40;

	/** More headlines than this found near an incoming one, and those sharing the most bands are kept. */
	static final int NEAREST = 16;

	/** Items of a candidate story handed to the matcher at most: its lead and the latest others. */
	public static final int MEMBERS = 8;

	/** Headlines held at most after reaching back for old items: 35 to 50 MB; and at least what {@link #mostHeld} allows. */
	static final int MOST_HELD = 100_000;

	/** Heap a held headline may take, all counted: 100 000 headlines in 224 MB. */
	private static final long HEAP_PER_HEADLINE = 2_300;

	private static final Logger log = LoggerFactory.getLogger(StoryWindow.class);

	/** Before any headline: far enough from Long.MIN_VALUE that subtracting the reach cannot overflow. */
	private static final long NEVER = Long.MIN_VALUE / 4;

	/** Twice the window: an item sorted one window ago still finds those one window before it. */
	private final Duration reach;

	private final Duration window;

	private final Clock clock;

	/** Headlines held at most: past that, the oldest are forgotten. */
	private final int mostHeld;

	/** Every stored headline sorted from this point in time on is held (once loaded); none before it. */
	private long from = NEVER;

	private final HeadlineSlots slots = new HeadlineSlots();

	private long lastItemId;

	/** The last headline edit taken in, by its number in the store (edits are numbered as item ids are). */
	private long lastEditId;

	private boolean loaded;

	/** Changes other than headlines added at the end: loads, reaches back, edits, forgetting. */
	private long rewrites;

	@Autowired
	StoryWindow(StoryMatcher matcher, Clock clock) {
		this(matcher.window(), clock);
	}

	/** @param window the story window; zero: nothing is kept, every lookup finds nothing */
	public StoryWindow(Duration window, Clock clock) {
		this(window, clock, mostHeld(Runtime.getRuntime().maxMemory()));
	}

	/** @param mostHeld headlines held at most: past that, the oldest are forgotten */
	StoryWindow(Duration window, Clock clock, int mostHeld) {
		this.window = window;
		this.reach = window.multipliedBy(2);
		this.clock = clock;
		this.mostHeld = mostHeld;
		clear(1024);
	}

	/** Headlines held at most with this heap: about a quarter of it, {@value #MOST_HELD} at least. */
	static int mostHeld(long maxHeap) {
		return (int) Math.min(Math.max(MOST_HELD, maxHeap / HEAP_PER_HEADLINE), 20_000_000);
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

	/** The number of the last headline edit taken in: the store step takes in those after it. */
	public synchronized long lastEditId() {
		return this.lastEditId;
	}

	/**
	 * Replaces what it holds by these headlines (the store's, sorted within reach, as edited), up to the store's
	 * highest item id and headline edit number.
	 */
	public synchronized void load(List<WindowHeadline> headlines, long lastItemId, long lastEditId) {
		this.rewrites++;
		clear(Math.max(1024, headlines.size() * 2));
		this.from = keptFrom().toEpochMilli();
		headlines.forEach(this::put);
		this.lastItemId = lastItemId;
		this.lastEditId = lastEditId;
		this.loaded = true;
		keepMostHeld();
	}

	/**
	 * Adds headlines stored since the last one added; the last item id moves to the highest of them. One it holds
	 * already (up to the last item id) is left out: two store steps may catch up with the same rows at once.
	 */
	public synchronized void add(List<WindowHeadline> headlines) {
		for (WindowHeadline headline : headlines) {
			if (headline.itemId() > this.lastItemId) {
				this.lastItemId = headline.itemId();
				put(headline);
			}
		}
		keepMostHeld();
	}

	/**
	 * Forgets the oldest headlines when it holds more than it may: a tenth more than the excess, so that this runs
	 * once in many polls. It then holds every headline sorted from the time of the oldest it keeps.
	 */
	private void keepMostHeld() {
		int live = this.slots.live();
		if (live <= this.mostHeld) {
			return;
		}
		long cutoff = this.slots.sortedBefore(live - this.mostHeld + this.mostHeld / 10);
		forgetBefore(Instant.ofEpochMilli(cutoff));
		log.warn("Story window full: it holds the {} latest headlines, sorted from {} on, where it should reach back to "
				+ "{}; an item finds the stories of that time only (a larger heap holds more: a quarter of it is theirs)",
				this.slots.live(), Instant.ofEpochMilli(this.from), keptFrom());
	}

	/**
	 * Headline edits stored since the last one taken in, by any instance, this one included: each headline is found
	 * from then on by its new words, in the same story and place, no longer by its old ones. One it holds under that
	 * headline already changes nothing; one it did not hold (its old headline had no words to match by) enters.
	 * @param headlines the edited items' headlines, as stored now
	 * @param lastEditId the number of the last of those edits
	 */
	public synchronized void edited(List<WindowHeadline> headlines, long lastEditId) {
		if (lastEditId <= this.lastEditId) {
			return;
		}
		headlines.forEach(this::retitle);
		this.lastEditId = lastEditId;
	}

	/** Edits are few: the item is looked for from the last added back. */
	private void retitle(WindowHeadline edited) {
		HeadlineSlots held = this.slots;
		for (int slot = held.size - 1; slot >= 0; slot--) {
			if (held.ids[slot] == edited.itemId() && !held.dropped[slot]) {
				if (edited.title().equals(held.titles[slot])) {
					return;
				}
				this.rewrites++;
				held.drop(slot);
				put(edited);
				return;
			}
		}
		if (edited.itemId() <= this.lastItemId) {
			// Not one it will add: an item it read once, without bands or sorted before what it holds (put decides).
			this.rewrites++;
			put(edited);
		}
	}

	/**
	 * Where the window must reach back from for an item sorted at {@code earliest} to find the headlines one window
	 * before it, when it does not hold them yet: the store step then reads them and {@link #extend extends} it.
	 */
	public synchronized Optional<Instant> reachBack(Instant earliest) {
		long start = earliest.minus(this.window).toEpochMilli();
		if (this.window.isZero() || !this.loaded || start >= this.from || this.slots.live() >= heldBack()) {
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
		return Math.max(0, heldBack() - this.slots.live());
	}

	/**
	 * Headlines held at most after reaching back: below what {@link #keepMostHeld} leaves, so that what one poll
	 * reads back is not forgotten at the next.
	 */
	private int heldBack() {
		return Math.min(MOST_HELD, this.mostHeld - this.mostHeld / 10);
	}

	/**
	 * Holds these older headlines too: the store's, sorted from {@code start} until {@link #heldFrom}, the latest
	 * first, at most {@link #roomBack} of them. When that many came, it holds from the last one's time on only. Those
	 * after the last item id are left for {@link #add}: the poll reaching back, which stored them, adds them once it
	 * has stored its last slice.
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
		this.rewrites++;
		this.from = reached;
		for (WindowHeadline headline : latestFirst) {
			long at = headline.sortAt().toEpochMilli();
			if (at >= reached && at < until && headline.itemId() <= this.lastItemId) {
				put(headline);
			}
		}
	}

	/** Forgets everything: a store step that did not commit may have added what the store does not hold. */
	public synchronized void invalidate() {
		this.rewrites++;
		clear(1024);
		this.loaded = false;
		this.lastItemId = 0;
		this.lastEditId = 0;
	}

	/** Forgets the headlines sorted before {@code cutoff}; returns how many it holds after. */
	public synchronized int forgetBefore(Instant cutoff) {
		this.rewrites++;
		this.from = Math.max(this.from, cutoff.toEpochMilli());
		this.slots.dropBefore(this.from);
		return this.slots.live();
	}

	/** Headlines held. */
	public synchronized int size() {
		return this.slots.live();
	}

	/**
	 * The stored headlines of other sources that share the most bands with an incoming one sorted at {@code at},
	 * within the window of it: at most {@value #NEAREST}, the most alike first, among equals the last stored.
	 */
	public synchronized List<StoryCandidate> nearest(long[] headlineBands, Instant at, String sourceId) {
		int found = find(headlineBands, at, sourceId);
		List<StoryCandidate> nearest = new ArrayList<>(found);
		for (int i = 0; i < found; i++) {
			nearest.add(this.slots.candidate(this.slots.nearest[i]));
		}
		return nearest;
	}

	/**
	 * The stories of the {@link #nearest} headlines, each once, in the order of its first headline among them: each
	 * with its lead and its latest other items in the window, at most {@value #MEMBERS}. Found by their slots, without
	 * handing out the headlines found.
	 */
	public List<CandidateStory> candidates(long[] headlineBands, Instant at, String sourceId) {
		FoundStories found = FoundStories.forWindow();
		candidates(headlineBands, at, sourceId, found);
		return found.toList();
	}

	/**
	 * The same, written into arrays that the caller keeps from one item to the next (emptied first): the matcher
	 * reads them without a candidate object made for each member.
	 */
	synchronized void candidates(long[] headlineBands, Instant at, String sourceId, FoundStories into) {
		int found = find(headlineBands, at, sourceId);
		if (found == 0) {
			into.clear();
		}
		else {
			this.slots.storiesOf(this.slots.nearest, found, MEMBERS, into);
		}
	}

	/** Looks up the nearest, their slots left in {@link HeadlineSlots#nearest}; returns how many. */
	private int find(long[] headlineBands, Instant at, String sourceId) {
		if (this.window.isZero() || headlineBands.length != StoryBands.BANDS) {
			return 0;
		}
		long from = at.minus(this.window).toEpochMilli();
		long until = at.plus(this.window).toEpochMilli();
		return NearestHeadlines.find(this.slots, headlineBands, from, until, sourceId);
	}

	/** Where the window is now: what {@link #addedSince} compares with. */
	public synchronized Mark mark() {
		return new Mark(this.rewrites + this.slots.compactions, this.slots.size);
	}

	/**
	 * The headlines added after a mark, when nothing else changed since (no load, reach back, edit, compaction):
	 * then a lookup that none of them could enter (see {@link Added#touches}), for stories that none of them joined,
	 * gives what it gave at the mark. Null when something else changed.
	 */
	public synchronized @Nullable Added addedSince(Mark mark) {
		if (mark.rewrites() != this.rewrites + this.slots.compactions || mark.size() > this.slots.size) {
			return null;
		}
		int count = this.slots.size - mark.size();
		// Indexed by band as the window is: the few headlines added while a poll decided its stories.
		BandPostings byBand = new BandPostings();
		byBand.reset(0, count);
		int[] bands = Arrays.copyOfRange(this.slots.bands, mark.size() * StoryBands.BANDS,
				this.slots.size * StoryBands.BANDS);
		long[] sortAt = new long[count];
		String[] sources = new String[count];
		Set<String> stories = new HashSet<>();
		for (int i = 0; i < count; i++) {
			int slot = mark.size() + i;
			byBand.add(i, bands);
			sortAt[i] = this.slots.sortAt[slot];
			sources[i] = this.slots.sources[slot];
			stories.add(this.slots.stories[slot]);
		}
		return new Added(byBand, sortAt, sources, stories, this.window.toMillis());
	}

	/** A place in the window's history: its rewrites and how many headlines it held. */
	public record Mark(long rewrites, int size) {
	}

	/**
	 * The headlines added after a mark: their places by band (folded as the window keeps them), their times and
	 * sources, and the stories they joined.
	 */
	public static final class Added {

		private final BandPostings byBand;

		private final long[] sortAt;

		private final String[] sources;

		private final Set<String> stories;

		private final long window;

		Added(BandPostings byBand, long[] sortAt, String[] sources, Set<String> stories, long window) {
			this.byBand = byBand;
			this.sortAt = sortAt;
			this.sources = sources;
			this.stories = stories;
			this.window = window;
		}

		/**
		 * Whether the lookup of an incoming headline of {@code sourceId} sorted at {@code at}, or the stories it was
		 * given, may now find something else than at the mark: a headline added since shares one of its bands,
		 * within the window of it and of another source (what the lookup reads), or joined one of those stories.
		 */
		boolean touches(long[] headlineBands, Instant at, String sourceId, DraftedStories candidates) {
			for (int i = 0; i < candidates.size(); i++) {
				if (this.stories.contains(candidates.storyKey(i))) {
					return true;
				}
			}
			long from = at.toEpochMilli() - this.window;
			long until = at.toEpochMilli() + this.window;
			for (long band : headlineBands) {
				for (int posting = this.byBand.first(BandPostings.fold(band)); posting != BandPostings.NONE;
						posting = this.byBand.next(posting)) {
					int added = BandPostings.slot(posting);
					if (this.sortAt[added] >= from && this.sortAt[added] <= until
							&& !this.sources[added].equals(sourceId)) {
						return true;
					}
				}
			}
			return false;
		}

	}

	private void put(WindowHeadline headline) {
		long at = headline.sortAt().toEpochMilli();
		if (this.window.isZero() || headline.bands().length != StoryBands.BANDS || at < this.from) {
			// Matching is off, the headline has no word to match by, or it is before what the window holds.
			return;
		}
		this.slots.add(headline, this.from);
	}

	private void clear(int capacity) {
		this.from = NEVER;
		this.slots.clear(capacity);
	}

}

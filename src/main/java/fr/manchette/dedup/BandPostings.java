package fr.manchette.dedup;

import java.util.Arrays;

/**
 * The story window's index: each band (a 32-bit hash of it) → the slots of its headlines, the last added first. An
 * open-addressing table of band hashes, each heading a linked list of postings, all in int arrays: no object per
 * headline or per band.
 * <p>
 * Slots are added in order, from 0, {@link StoryBands#BANDS} postings each: the posting of a slot's {@code i}-th band
 * is {@code slot × BANDS + i}, the very place of that band in the slots' array of bands. So a posting is only its
 * next, its slot is worked out, and the table holds only the first posting of each band, the band itself read from
 * the slots' array: 4 bytes a band in the table and 4 a posting, where a key beside each head and a slot beside each
 * next took twice that (some 200 bytes a headline, a third of the window).
 */
final class BandPostings {

	static final int NONE = -1;

	/** A posting is its slot shifted by this, plus the place of its band: {@link StoryBands#BANDS} is a power of two. */
	private static final int SLOT_SHIFT = Integer.numberOfTrailingZeros(StoryBands.BANDS);

	static {
		if (Integer.bitCount(StoryBands.BANDS) != 1) {
			throw new IllegalStateException("BANDS must be a power of two: " + StoryBands.BANDS);
		}
	}

	/** Each band's first posting plus one, 0 for an empty place: its band is {@code bands[posting]}. */
	private int[] heads = new int[0];

	private int bandsUsed;

	/** Each posting's next in its band, or {@link #NONE}. */
	private int[] next = new int[0];

	/** The bands of the slots added, {@link StoryBands#BANDS} a slot: the slots' own array, read, never written. */
	private int[] bands = new int[0];

	private int postings;

	/** Empties it, with a table for {@code slots} headlines, of at least {@code tableSize}. */
	void reset(int tableSize, int slots) {
		int needed = Math.max(slots * StoryBands.BANDS * 2, 1024);
		int capacity = Math.max(tableSize, Integer.highestOneBit(needed - 1) << 1);
		this.heads = new int[capacity];
		this.bandsUsed = 0;
		// The nexts are kept: those of the postings added again are written again, and no other is read.
		this.postings = 0;
	}

	/** The size of the band table. */
	int tableSize() {
		return this.heads.length;
	}

	/** Whether one more headline's bands would fill the table past three quarters: then it is built again, larger. */
	boolean crowded() {
		return (this.bandsUsed + StoryBands.BANDS) * 4 >= this.heads.length * 3;
	}

	/**
	 * Adds the next slot under its bands, {@code bands[slot × BANDS]} on; the table has room (see {@link #crowded}).
	 * {@code bands} is the slots' array of bands, which this reads from now on (a larger one replaces it as they
	 * grow): a band once added there must stay as it is until the next {@link #reset}.
	 */
	void add(int slot, int[] bands) {
		int from = slot * StoryBands.BANDS;
		if (from != this.postings) {
			throw new IllegalArgumentException("slot " + slot + " added after " + this.postings / StoryBands.BANDS
					+ " slots: slots are added in order, from 0");
		}
		this.bands = bands;
		if (this.next.length < bands.length) {
			// As many as the slots have room for: the nexts grow with them.
			this.next = Arrays.copyOf(this.next, bands.length);
		}
		for (int i = 0; i < StoryBands.BANDS; i++) {
			int posting = from + i;
			int band = bands[posting];
			int table = find(band);
			int head = this.heads[table];
			if (head == 0) {
				this.bandsUsed++;
			}
			this.next[posting] = head - 1;
			this.heads[table] = posting + 1;
		}
		this.postings = from + StoryBands.BANDS;
	}

	/** The first posting of a band, the last added, or {@link #NONE}. */
	int first(int band) {
		return this.heads[find(band)] - 1;
	}

	/** The posting after this one in its band, or {@link #NONE}. */
	int next(int posting) {
		return this.next[posting];
	}

	/** The slot of a posting: a shift, which the quick compiler does not make of a division. */
	static int slot(int posting) {
		return posting >>> SLOT_SHIFT;
	}

	/** The place of a posting's band among its slot's bands. */
	static int place(int posting) {
		return posting & (StoryBands.BANDS - 1);
	}

	/** Where a band is in the table, or the empty place where it would go. */
	private int find(int band) {
		int mask = this.heads.length - 1;
		int table = mix(band) & mask;
		int head;
		while ((head = this.heads[table]) != 0 && this.bands[head - 1] != band) {
			table = (table + 1) & mask;
		}
		return table;
	}

	/** A band hash in 32 bits, never 0 (the empty place). A collision only adds a candidate for the matcher. */
	static int fold(long band) {
		int folded = (int) (band ^ (band >>> 32));
		return (folded != 0) ? folded : 1;
	}

	static int mix(int value) {
		int h = value * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

}

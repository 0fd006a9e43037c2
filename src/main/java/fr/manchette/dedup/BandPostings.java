package fr.manchette.dedup;

import java.util.Arrays;

/**
 * The story window's index: each band (a 32-bit hash of it) → the slots of its headlines, the last added first. An
 * open-addressing table of band hashes, each heading a linked list of postings, all in int arrays: no object per
 * headline or per band.
 */
final class BandPostings {

	static final int NONE = -1;

	private int[] bandKeys = new int[0];

	private int[] bandHeads = new int[0];

	private int bandsUsed;

	/**
	 * The postings, two ints each: its slot, then the posting after it in its band. Side by side, a lookup reading a
	 * band's list touches one place of memory per posting, not two.
	 */
	private int[] postingPairs = new int[0];

	private int postings;

	/** Empties it, with room for {@code slots} headlines and a table of at least {@code tableSize}. */
	void reset(int tableSize, int slots) {
		int needed = Math.max(slots * StoryBands.BANDS * 2, 1024);
		int capacity = Math.max(tableSize, Integer.highestOneBit(needed - 1) << 1);
		this.bandKeys = new int[capacity];
		this.bandHeads = new int[capacity];
		this.bandsUsed = 0;
		this.postingPairs = new int[2 * Math.max(needed / 2, StoryBands.BANDS)];
		this.postings = 0;
	}

	/** The size of the band table. */
	int tableSize() {
		return this.bandKeys.length;
	}

	/** Whether one more headline's bands would fill the table past three quarters: then it is built again, larger. */
	boolean crowded() {
		return (this.bandsUsed + StoryBands.BANDS) * 4 >= this.bandKeys.length * 3;
	}

	/** Adds a slot under its bands, {@code bands[from]} on; the table has room (see {@link #crowded}). */
	void add(int slot, int[] bands, int from) {
		if (2 * (this.postings + StoryBands.BANDS) > this.postingPairs.length) {
			this.postingPairs = Arrays.copyOf(this.postingPairs, this.postingPairs.length * 2);
		}
		for (int i = 0; i < StoryBands.BANDS; i++) {
			int band = bands[from + i];
			int table = find(band);
			if (this.bandKeys[table] == 0) {
				this.bandKeys[table] = band;
				this.bandHeads[table] = NONE;
				this.bandsUsed++;
			}
			int posting = this.postings++;
			this.postingPairs[2 * posting] = slot;
			this.postingPairs[2 * posting + 1] = this.bandHeads[table];
			this.bandHeads[table] = posting;
		}
	}

	/** The first posting of a band, the last added, or {@link #NONE}. */
	int first(int band) {
		int table = find(band);
		return (this.bandKeys[table] == 0) ? NONE : this.bandHeads[table];
	}

	/** The posting after this one in its band, or {@link #NONE}. */
	int next(int posting) {
		return this.postingPairs[2 * posting + 1];
	}

	/** The slot of a posting. */
	int slot(int posting) {
		return this.postingPairs[2 * posting];
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
	static int fold(long band) {
		int folded = (int) (band ^ (band >>> 32));
		return (folded != 0) ? folded : 1;
	}

	static int mix(int value) {
		int h = value * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

}

package fr.manchette.dedup;

import java.util.Arrays;

/**
 * The story window's slots by story, the last added first: each story numbered in the order first added, an
 * open-addressing table of stories to their numbers, each story's last slot and each slot's previous one, in int
 * arrays. A story is read from the slots' array of stories, not kept again: some 16 bytes a story and 8 a slot, where
 * a map of lists took some 90 a story.
 * <p>
 * Each slot keeps its story's number: the stories of the headlines a lookup found are told apart, and their slots
 * listed, by that number, without hashing or comparing their keys again (a tenth of the story step's CPU).
 */
final class StoryMembers {

	static final int NONE = -1;

	/** Each story's number plus one, 0 for an empty place: its story is {@code stories[lastSlots[number]]}. */
	private int[] heads = new int[64];

	/** Stories numbered so far. */
	private int used;

	/** Each story's last slot, by number. */
	private int[] lastSlots = new int[16];

	/** Each story's lead as its owner keeps it (see {@link #setLead}), by number; {@link #NONE} when new. */
	private int[] leads = new int[16];

	/** Each slot's story number. */
	private int[] numbers = new int[0];

	/** Each slot's previous slot of its story, or {@link #NONE}. */
	private int[] previous = new int[0];

	/** The stories of the slots added: the slots' own array, read, never written. */
	private String[] stories = new String[0];

	/** Empties it, with a table for {@code slots} headlines. */
	void reset(int slots) {
		int needed = Math.max(slots * 2, 64);
		this.heads = new int[Integer.highestOneBit(needed - 1) << 1];
		this.used = 0;
	}

	/**
	 * Adds a slot to the story {@code stories[slot]}, and returns the slot added to it before, or {@link #NONE}.
	 * {@code stories} is the slots' array, which this reads from now on (a larger one replaces it as they grow): a story
	 * once added there must stay as it is, or an equal key, until the next {@link #reset}.
	 */
	int add(int slot, String[] stories) {
		this.stories = stories;
		if (this.previous.length < stories.length) {
			this.previous = Arrays.copyOf(this.previous, stories.length);
			this.numbers = Arrays.copyOf(this.numbers, stories.length);
		}
		if ((this.used + 1) * 4 >= this.heads.length * 3) {
			// Built again, twice as large, with the stories numbered so far: their slots stay linked as they are.
			this.heads = new int[this.heads.length * 2];
			for (int number = 0; number < this.used; number++) {
				this.heads[find(this.stories[this.lastSlots[number]])] = number + 1;
			}
		}
		int table = find(stories[slot]);
		int number = this.heads[table] - 1;
		int before = NONE;
		if (number < 0) {
			number = this.used++;
			if (number == this.lastSlots.length) {
				this.lastSlots = Arrays.copyOf(this.lastSlots, number * 2);
				this.leads = Arrays.copyOf(this.leads, number * 2);
			}
			this.leads[number] = NONE;
			this.heads[table] = number + 1;
		}
		else {
			before = this.lastSlots[number];
		}
		this.lastSlots[number] = slot;
		this.previous[slot] = before;
		this.numbers[slot] = number;
		return before;
	}

	/** The last slot added to a story, or {@link #NONE}. */
	int last(String story) {
		int number = this.heads[find(story)] - 1;
		return (number < 0) ? NONE : this.lastSlots[number];
	}

	/** The number of the story of a slot added: two slots have the same number when their stories are equal. */
	int number(int slot) {
		return this.numbers[slot];
	}

	/** The last slot added to the story of a slot added. */
	int lastOfStoryOf(int slot) {
		return this.lastSlots[this.numbers[slot]];
	}

	/** The lead last set for a story, by its number: {@link #NONE} until set. */
	int lead(int number) {
		return this.leads[number];
	}

	/** Sets the lead of a story, by its number: which slot leads is its owner's to say. */
	void setLead(int number, int slot) {
		this.leads[number] = slot;
	}

	/** The slot added to its story before this one, or {@link #NONE}. */
	int previous(int slot) {
		return this.previous[slot];
	}

	/** Where a story is in the table, or the empty place where it would go. */
	private int find(String story) {
		int hash = story.hashCode();
		int mask = this.heads.length - 1;
		int table = BandPostings.mix(hash) & mask;
		int head;
		while ((head = this.heads[table]) != 0) {
			String other = this.stories[this.lastSlots[head - 1]];
			if (other.hashCode() == hash && other.equals(story)) {
				break;
			}
			table = (table + 1) & mask;
		}
		return table;
	}

}

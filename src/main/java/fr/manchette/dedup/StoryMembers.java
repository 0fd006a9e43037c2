package fr.manchette.dedup;

import java.util.Arrays;

/**
 * The story window's slots by story, the last added first: an open-addressing table of stories, each heading a
 * linked list of its slots, in int arrays. A story is read from the slots' array of stories, not kept again: some 12
 * bytes a story and 4 a slot, where a map of lists took some 90 a story.
 */
final class StoryMembers {

	static final int NONE = -1;

	/** Each story's last slot plus one, 0 for an empty place: its story is {@code stories[slot]}. */
	private int[] heads = new int[64];

	private int used;

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
		}
		if ((this.used + 1) * 4 >= this.heads.length * 3) {
			// Built again, twice as large, with the slots added so far.
			this.heads = new int[this.heads.length * 2];
			this.used = 0;
			for (int earlier = 0; earlier < slot; earlier++) {
				link(earlier);
			}
		}
		return link(slot);
	}

	/** The last slot added to a story, or {@link #NONE}. */
	int last(String story) {
		return this.heads[find(story)] - 1;
	}

	/** The slot added to its story before this one, or {@link #NONE}. */
	int previous(int slot) {
		return this.previous[slot];
	}

	private int link(int slot) {
		int table = find(this.stories[slot]);
		int head = this.heads[table];
		if (head == 0) {
			this.used++;
		}
		this.previous[slot] = head - 1;
		this.heads[table] = slot + 1;
		return head - 1;
	}

	/** Where a story is in the table, or the empty place where it would go. */
	private int find(String story) {
		int hash = story.hashCode();
		int mask = this.heads.length - 1;
		int table = BandPostings.mix(hash) & mask;
		int head;
		while ((head = this.heads[table]) != 0) {
			String other = this.stories[head - 1];
			if (other.hashCode() == hash && other.equals(story)) {
				break;
			}
			table = (table + 1) & mask;
		}
		return table;
	}

}

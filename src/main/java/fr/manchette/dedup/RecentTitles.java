package fr.manchette.dedup;

import org.jspecify.annotations.Nullable;

/**
 * Titles and what the matcher worked out of each, a fixed number of them at most, forgotten by the "clock"
 * approximation of least recently used: titles take their places in a ring in the order put; when it is full, the
 * hand goes round from the oldest place, forgetting the first title not used since it was put or last passed, and
 * giving its place to the new one. A title never asked for again goes by the time as many others came, as in a map in
 * access order; one asked for again stays another turn. A hit reads the title's hash and place in an index, then
 * the place's title and value, and sets a flag: a map in access order read a node and relinked three entries from
 * all over the heap at every hit, some 7 % of the story draft's samples on a cold pass under the quick compiler, where
 * this takes some 4.5 %.
 * <p>
 * Not thread-safe: its owner locks.
 */
final class RecentTitles {

	private final int most;

	/**
	 * Each title's hash in the high 32 bits and its place in the ring plus one in the low 32, 0 for an empty place:
	 * open addressing, by the title's hash, probed without reading the ring.
	 */
	private final long[] index;

	private final int mask;

	/** The ring: each place's title and value side by side, at {@code 2 × place} and the next. */
	private final Object[] ring;

	/** Whether each place was used since it was put or the hand last passed it. */
	private final boolean[] used;

	private int size;

	/** The place of the oldest title once the ring is full: where the hand looks first. */
	private int hand;

	/** @param most titles held at most */
	RecentTitles(int most) {
		this.most = most;
		int capacity = Integer.highestOneBit(Math.max(2, most * 2 - 1)) << 1;
		this.index = new long[capacity];
		this.mask = capacity - 1;
		this.ring = new Object[most * 2];
		this.used = new boolean[most];
	}

	int size() {
		return this.size;
	}

	/** What is held for a title, now used; null if nothing is. */
	@Nullable Object get(String title) {
		int at = find(title);
		if (at < 0) {
			return null;
		}
		int place = (int) this.index[at] - 1;
		this.used[place] = true;
		return this.ring[place * 2 + 1];
	}

	/** Holds this for a title, in place of what it held, if anything. */
	void put(String title, Object value) {
		put(title, value, true);
	}

	/** Holds this for a title unless it holds something already, which is then used. */
	void putIfAbsent(String title, Object value) {
		put(title, value, false);
	}

	private void put(String title, Object value, boolean replace) {
		int at = find(title);
		if (at >= 0) {
			int place = (int) this.index[at] - 1;
			if (replace) {
				this.ring[place * 2 + 1] = value;
			}
			this.used[place] = true;
			return;
		}
		int place;
		if (this.size < this.most) {
			place = this.size++;
		}
		else {
			place = forgetOne();
			// Moving titles back in the index may have moved the empty place the new one goes to.
			at = find(title);
		}
		this.index[~at] = ((long) title.hashCode() << 32) | (place + 1);
		this.ring[place * 2] = title;
		this.ring[place * 2 + 1] = value;
		this.used[place] = false;
	}

	/** Where a title is in the index, or the complement of the empty place where it would go. */
	private int find(String title) {
		int hash = title.hashCode();
		int at = BandPostings.mix(hash) & this.mask;
		long entry;
		while ((entry = this.index[at]) != 0) {
			if ((int) (entry >>> 32) == hash) {
				// Mostly the very string put: the window hands back the titles it was given.
				Object held = this.ring[((int) entry - 1) * 2];
				if (held == title || title.equals(held)) {
					return at;
				}
			}
			at = (at + 1) & this.mask;
		}
		return ~at;
	}

	/**
	 * Forgets the first title the hand finds not used since it was put or last passed, clearing the flags it passes,
	 * and returns its place in the ring, now the newest.
	 */
	private int forgetOne() {
		while (this.used[this.hand]) {
			this.used[this.hand] = false;
			this.hand = (this.hand + 1 == this.most) ? 0 : this.hand + 1;
		}
		int place = this.hand;
		this.hand = (this.hand + 1 == this.most) ? 0 : this.hand + 1;
		remove(find((String) this.ring[place * 2]));
		return place;
	}

	/** Empties a place of the index, moving back the titles after it that would no longer be found. */
	private void remove(int at) {
		int hole = at;
		int next = at;
		while (true) {
			next = (next + 1) & this.mask;
			long entry = this.index[next];
			if (entry == 0) {
				break;
			}
			int home = BandPostings.mix((int) (entry >>> 32)) & this.mask;
			// It stays unless the hole lies cyclically between its home and its place: then it moves back to it.
			boolean stays = (hole <= next) ? (hole < home && home <= next) : (hole < home || home <= next);
			if (!stays) {
				this.index[hole] = entry;
				hole = next;
			}
		}
		this.index[hole] = 0;
	}

}

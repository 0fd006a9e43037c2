package fr.manchette.store;

/**
 * How hard a compaction of the H2 file goes ({@link H2File#compact}).
 * @param enough the share of the file in live pages it aims at, in percent
 * @param stepBytes how many bytes of pages a step rewrites (and moves)
 * @param moveAllBelow chunks this few, in all, are all moved at once: given less than all of the chunks past
 * the first hole, H2 may keep moving ones that free no end of the file (a file of holes stayed at 330 MB so);
 * {@code 0}: no moves at all
 * @param pause whether each step is followed by a pause as long as itself, for the writers
 * @param youngToo whether the chunks younger than the retention time count: when there is none to wait for
 */
record CompactionPace(int enough, int stepBytes, long moveAllBelow, boolean pause, boolean youngToo) {

	/**
	 * While polls write: a few MB of old pages rewritten per step, and no moves, which go by the end of the
	 * file and, under a burst, made it grow; H2's background writer moves chunks as it writes.
	 */
	static final CompactionPace BUSY = new CompactionPace(60, 4 << 20, 0, true, false);

	/** No one wrote since the last look: larger steps hold up no one (readers never wait for the store lock). */
	static final CompactionPace IDLE = new CompactionPace(60, 16 << 20, 256L << 20, true, true);

	/**
	 * A stop, no one writing any more: a store no one writes to packs tighter; a move stays within seconds, as
	 * the time is checked between steps.
	 */
	static final CompactionPace STOPPING = new CompactionPace(80, 16 << 20, 256L << 20, false, true);

	/** Whether the file is still looser than this pace aims at. */
	boolean wants(H2Fill now) {
		return this.youngToo ? now.liveShare() < this.enough : now.below(this.enough);
	}

}


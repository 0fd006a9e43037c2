package fr.manchette.dedup;

/**
 * The lookup of the story window: the held headlines of other sources sorted between two times that share the most
 * bands with an incoming one, read from its bands' postings, at most {@value StoryWindow#PER_BAND} a band.
 */
final class NearestHeadlines {

	private NearestHeadlines() {
	}

	/**
	 * At most {@value StoryWindow#NEAREST}, the most alike first, among equals the last stored: their slots, in
	 * {@link HeadlineSlots#nearest}; returns how many.
	 */
	static int find(HeadlineSlots slots, long[] headlineBands, long from, long until, String sourceId) {
		BandPostings postings = slots.postings;
		// Each headline found is marked in its slot with this lookup's number and its place in the order found (see
		// HeadlineSlots#marks), where the bands it was seen sharing, and how many, are counted: at most BANDS ×
		// PER_BAND of them.
		long lookup = (long) slots.nextLookup() << 32;
		long[] marks = slots.marks;
		int[] order = slots.foundOrder;
		int[] hits = slots.foundHits;
		int[] seen = slots.foundSeen;
		int[] incoming = slots.incomingBands;
		int[] unread = slots.unreadBands;
		int unreadCount = 0;
		int distinct = 0;
		int source = slots.sourceNumber(sourceId);
		long[] sortAt = slots.sortAt;
		int[] sourceNumbers = slots.sourceNumbers;
		// The bands' postings are read side by side, one posting of each in turn: each list is a chain of loads from
		// all over the postings, and the processor follows sixteen chains at once where it would wait on each load of
		// one. The order in which headlines are found changes nothing: what each shares is counted in full below,
		// and the nearest are ranked by it and their ids alone.
		int[] current = slots.currentPostings;
		int[] bandsRead = slots.bandsRead;
		int[] readCounts = slots.readCounts;
		int reading = 0;
		for (int band = 0; band < StoryBands.BANDS; band++) {
			int folded = BandPostings.fold(headlineBands[band]);
			incoming[band] = folded;
			int first = postings.first(folded);
			if (first != BandPostings.NONE) {
				current[reading] = first;
				bandsRead[reading] = band;
				readCounts[reading] = 0;
				reading++;
			}
		}
		while (reading > 0) {
			for (int r = 0; r < reading;) {
				int posting = current[r];
				int band = bandsRead[r];
				int slot = BandPostings.slot(posting);
				long at = sortAt[slot];
				int number = sourceNumbers[slot];
				// A dropped slot has the number HeadlineSlots.DROPPED, never a source's.
				if (at >= from && at <= until && number != source && number != HeadlineSlots.DROPPED) {
					readCounts[r]++;
					long mark = marks[slot];
					if ((mark & 0xFFFF_FFFF_0000_0000L) != lookup) {
						mark = lookup | distinct;
						marks[slot] = mark;
						order[distinct] = slot;
						hits[distinct] = 0;
						seen[distinct] = 0;
						distinct++;
					}
					// Its band in the same place as this one (not another of its bands that folds the same): shared.
					// Each place of its bands is in a band's postings once: seen once.
					if (BandPostings.place(posting) == band) {
						int found = (int) mark;
						hits[found]++;
						seen[found] |= 1 << band;
					}
				}
				posting = postings.next(posting);
				if (posting != BandPostings.NONE && readCounts[r] < StoryWindow.PER_BAND) {
					current[r++] = posting;
					continue;
				}
				if (posting != BandPostings.NONE) {
					unread[unreadCount++] = band;
				}
				// This band is done: the last one read takes its place.
				reading--;
				current[r] = current[reading];
				bandsRead[r] = bandsRead[reading];
				readCounts[r] = readCounts[reading];
			}
		}
		// What a headline shares with the incoming one is counted on all its bands, not on the lists read: a band that
		// a formulaic headline's siblings crowd is read no further than PER_BAND, and the same headline told
		// earlier, found through its rarer bands only, must still come first. A band read to its end showed every
		// headline found that shares it in the same place; those read no further than PER_BAND (a few, or none) are
		// compared slot by slot, where each was not seen sharing them. Comparing all sixteen bands of every headline
		// found was two fifths of the lookup's CPU under the quick compiler.
		int[] bands = slots.bands;
		for (int i = 0; i < distinct && unreadCount > 0; i++) {
			int seenBands = seen[i];
			int base = order[i] * StoryBands.BANDS;
			for (int u = 0; u < unreadCount; u++) {
				int band = unread[u];
				if ((seenBands & (1 << band)) == 0 && bands[base + band] == incoming[band]) {
					hits[i]++;
				}
			}
		}
		// The most bands shared first, among equals the last stored: the best NEAREST kept in order as they come, so
		// that once there are NEAREST a headline no better than the last costs one comparison, where a selection sort
		// of NEAREST ranks over all found took some 1 500 (an eighth of the lookup's CPU). Ranked by their places in
		// the order found, then given as slots.
		int most = Math.min(distinct, StoryWindow.NEAREST);
		int[] best = slots.nearest;
		long[] ids = slots.ids;
		int kept = 0;
		for (int i = 0; i < distinct; i++) {
			int shared = hits[i];
			long id = ids[order[i]];
			if (kept == most && !before(shared, id, hits[best[kept - 1]], ids[order[best[kept - 1]]])) {
				continue;
			}
			int at = (kept < most) ? kept++ : most - 1;
			while (at > 0 && before(shared, id, hits[best[at - 1]], ids[order[best[at - 1]]])) {
				best[at] = best[at - 1];
				at--;
			}
			best[at] = i;
		}
		for (int i = 0; i < most; i++) {
			best[i] = order[best[i]];
		}
		return most;
	}

	/** Whether a headline sharing these bands, of this item id, comes before another: more bands, or stored later. */
	private static boolean before(int shared, long id, int otherShared, long otherId) {
		return shared > otherShared || (shared == otherShared && id > otherId);
	}

}

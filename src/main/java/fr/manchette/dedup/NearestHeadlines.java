package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * The lookup of the story window: the held headlines of other sources sorted between two times that share the most
 * bands with an incoming one, read from its bands' postings, at most {@value StoryWindow#PER_BAND} a band.
 */
final class NearestHeadlines {

	/** Room for the headlines one lookup finds, a power of two at least twice BANDS × PER_BAND. */
	static final int HITS_TABLE = 2048;

	private NearestHeadlines() {
	}

	/** At most {@value StoryWindow#NEAREST}, the most alike first, among equals the last stored. */
	static List<StoryCandidate> find(HeadlineSlots slots, List<Long> headlineBands, long from, long until,
			String sourceId) {
		BandPostings postings = slots.postings;
		// Headlines found and the bands they were found by, in a small open-addressing table: at most BANDS ×
		// PER_BAND of them. The slots' tables, emptied again below.
		int[] found = slots.foundTable;
		int[] hits = slots.hitsTable;
		int[] order = slots.foundOrder;
		int[] incoming = slots.incomingBands;
		int[] bands = slots.bands;
		int distinct = 0;
		int source = slots.sourceNumber(sourceId);
		long[] sortAt = slots.sortAt;
		int[] sourceNumbers = slots.sourceNumbers;
		// The bands whose postings were not all read: a headline found may share one of them unseen.
		int unread = 0;
		for (int band = 0; band < StoryBands.BANDS; band++) {
			int folded = BandPostings.fold(headlineBands.get(band));
			incoming[band] = folded;
			int read = 0;
			int posting = postings.first(folded);
			for (; posting != BandPostings.NONE && read < StoryWindow.PER_BAND; posting = postings.next(posting)) {
				int slot = BandPostings.slot(posting);
				long at = sortAt[slot];
				int number = sourceNumbers[slot];
				// A dropped slot has the number HeadlineSlots.DROPPED, never a source's.
				if (at < from || at > until || number == source || number == HeadlineSlots.DROPPED) {
					continue;
				}
				read++;
				int place = BandPostings.mix(slot) & (HITS_TABLE - 1);
				while (found[place] != 0 && found[place] != slot + 1) {
					place = (place + 1) & (HITS_TABLE - 1);
				}
				if (found[place] == 0) {
					found[place] = slot + 1;
					hits[place] = 0;
					order[distinct++] = place;
				}
				// Its band in the same place as this one (not another of its bands that folds the same): shared.
				if (BandPostings.place(posting) == band) {
					hits[place] |= 1 << band;
				}
			}
			if (posting != BandPostings.NONE) {
				unread |= 1 << band;
			}
		}
		// What a headline shares with the incoming one is counted on all its bands, not on the lists read: a band that
		// a formulaic headline's siblings crowd is read no further than PER_BAND, and the same headline told
		// earlier, found through its rarer bands only, must still come first. A band read to its end has shown every
		// headline found that shares it; the others are compared slot by slot (a read of its bands, often a cache
		// miss), and only for a headline that could still be among the nearest: one that even sharing all of them
		// would come after NEAREST others by what they were seen to share is not.
		int most = Math.min(distinct, StoryWindow.NEAREST);
		int[] best = slots.nearestPlaces;
		long[] ids = slots.ids;
		int cutShared = -1;
		long cutId = 0;
		if (unread != 0 && distinct > most) {
			for (int i = 0; i < distinct; i++) {
				int place = order[i];
				hits[place] = Integer.bitCount(hits[place]) << StoryBands.BANDS | hits[place];
			}
			int last = select(order, distinct, best, most, hits, found, ids, StoryBands.BANDS);
			cutShared = hits[last] >>> StoryBands.BANDS;
			cutId = ids[found[last] - 1];
		}
		for (int i = 0; i < distinct; i++) {
			int place = order[i];
			int seen = hits[place] & ((1 << StoryBands.BANDS) - 1);
			int unseen = unread & ~seen;
			int shared = Integer.bitCount(seen);
			if (unseen != 0 && (cutShared < 0
					|| !before(cutShared, cutId, shared + Integer.bitCount(unseen), ids[found[place] - 1]))) {
				int base = (found[place] - 1) * StoryBands.BANDS;
				for (int rest = unseen; rest != 0; rest &= rest - 1) {
					int band = Integer.numberOfTrailingZeros(rest);
					if (bands[base + band] == incoming[band]) {
						shared++;
					}
				}
			}
			hits[place] = shared;
		}
		select(order, distinct, best, most, hits, found, ids, 0);
		List<StoryCandidate> nearest = new ArrayList<>(most);
		for (int i = 0; i < most; i++) {
			nearest.add(slots.candidate(found[best[i]] - 1));
		}
		for (int i = 0; i < distinct; i++) {
			found[order[i]] = 0;
		}
		return nearest;
	}

	/**
	 * The {@code most} best of the headlines found, the most bands shared first, among equals the last stored, into
	 * {@code best}, kept in order as they come: once there are {@code most}, a headline no better than the last
	 * costs one comparison. Returns the place of the last kept, -1 if none.
	 * @param shift the bands shared are {@code hits >>> shift}
	 */
	private static int select(int[] order, int distinct, int[] best, int most, int[] hits, int[] found, long[] ids,
			int shift) {
		int kept = 0;
		for (int i = 0; i < distinct; i++) {
			int place = order[i];
			int shared = hits[place] >>> shift;
			long id = ids[found[place] - 1];
			if (kept == most && !before(shared, id, hits[best[kept - 1]] >>> shift, ids[found[best[kept - 1]] - 1])) {
				continue;
			}
			int at = (kept < most) ? kept++ : most - 1;
			while (at > 0 && before(shared, id, hits[best[at - 1]] >>> shift, ids[found[best[at - 1]] - 1])) {
				best[at] = best[at - 1];
				at--;
			}
			best[at] = place;
		}
		return (most > 0) ? best[most - 1] : -1;
	}

	/** Whether a headline sharing these bands, of this item id, comes before another: more bands, or stored later. */
	private static boolean before(int shared, long id, int otherShared, long otherId) {
		return shared > otherShared || (shared == otherShared && id > otherId);
	}

}

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
		// Headlines found, the bands they were seen sharing and how many, in a small open-addressing table: at most
		// BANDS × PER_BAND of them. The slots' tables, emptied again below.
		int[] found = slots.foundTable;
		int[] hits = slots.hitsTable;
		int[] seen = slots.seenTable;
		int[] order = slots.foundOrder;
		int[] incoming = slots.incomingBands;
		int[] unread = slots.unreadBands;
		int unreadCount = 0;
		int distinct = 0;
		int source = slots.sourceNumber(sourceId);
		long[] sortAt = slots.sortAt;
		int[] sourceNumbers = slots.sourceNumbers;
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
					seen[place] = 0;
					order[distinct++] = place;
				}
				// Its band in the same place as this one (not another of its bands that folds the same): shared. Each
				// place of its bands is in a band's postings once: counted once.
				if (posting - slot * StoryBands.BANDS == band) {
					hits[place]++;
					seen[place] |= 1 << band;
				}
			}
			if (posting != BandPostings.NONE) {
				unread[unreadCount++] = band;
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
			int place = order[i];
			int base = (found[place] - 1) * StoryBands.BANDS;
			int seenBands = seen[place];
			for (int u = 0; u < unreadCount; u++) {
				int band = unread[u];
				if ((seenBands & (1 << band)) == 0 && bands[base + band] == incoming[band]) {
					hits[place]++;
				}
			}
		}
		// The most bands shared first, among equals the last stored: the best NEAREST kept in order as they come, so
		// that once there are NEAREST a headline no better than the last costs one comparison, where a selection sort
		// of NEAREST ranks over all found took some 1 500 (an eighth of the lookup's CPU).
		int most = Math.min(distinct, StoryWindow.NEAREST);
		int[] best = slots.nearestPlaces;
		long[] ids = slots.ids;
		int kept = 0;
		for (int i = 0; i < distinct; i++) {
			int place = order[i];
			int shared = hits[place];
			long id = ids[found[place] - 1];
			if (kept == most && !before(shared, id, hits[best[kept - 1]], ids[found[best[kept - 1]] - 1])) {
				continue;
			}
			int at = (kept < most) ? kept++ : most - 1;
			while (at > 0 && before(shared, id, hits[best[at - 1]], ids[found[best[at - 1]] - 1])) {
				best[at] = best[at - 1];
				at--;
			}
			best[at] = place;
		}
		List<StoryCandidate> nearest = new ArrayList<>(most);
		for (int i = 0; i < most; i++) {
			nearest.add(slots.candidate(found[best[i]] - 1));
		}
		for (int i = 0; i < distinct; i++) {
			found[order[i]] = 0;
		}
		return nearest;
	}

	/** Whether a headline sharing these bands, of this item id, comes before another: more bands, or stored later. */
	private static boolean before(int shared, long id, int otherShared, long otherId) {
		return shared > otherShared || (shared == otherShared && id > otherId);
	}

}

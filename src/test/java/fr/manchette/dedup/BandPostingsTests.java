package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BandPostingsTests {

	/**
	 * Slots given bands from a small alphabet, so that most bands head long lists and many fall in one place of the
	 * table: each band lists its slots, the last added first, as a map of lists would; a band never added lists none.
	 */
	@Test
	void eachBandListsItsSlotsTheLastAddedFirst() {
		Random random = new Random(11);
		int slots = 3000;
		int[] bands = new int[16 * StoryBands.BANDS];
		BandPostings postings = new BandPostings();
		postings.reset(0, 0);
		Map<Integer, List<Integer>> expected = new HashMap<>();
		for (int slot = 0; slot < slots; slot++) {
			if ((slot + 1) * StoryBands.BANDS > bands.length) {
				// The slots' array grows, as the window's does: the postings read the larger one from then on.
				bands = Arrays.copyOf(bands, bands.length * 2);
			}
			for (int i = 0; i < StoryBands.BANDS; i++) {
				int band = BandPostings.fold(random.nextInt(5000) + 1);
				bands[slot * StoryBands.BANDS + i] = band;
				expected.computeIfAbsent(band, (key) -> new ArrayList<>()).add(0, slot);
			}
			if (postings.crowded()) {
				int tableSize = postings.tableSize() * 2;
				postings.reset(tableSize, slot);
				for (int earlier = 0; earlier < slot; earlier++) {
					postings.add(earlier, bands);
				}
			}
			postings.add(slot, bands);
		}

		assertThat(expected).hasSizeGreaterThan(4000);
		for (Map.Entry<Integer, List<Integer>> band : expected.entrySet()) {
			assertThat(slotsOf(postings, band.getKey())).as("band %d", band.getKey()).isEqualTo(band.getValue());
		}
		assertThat(postings.first(BandPostings.fold(7_000_001))).isEqualTo(BandPostings.NONE);
	}

	@Test
	void aBandAddedTwiceByOneSlotListsItTwice() {
		int[] bands = new int[StoryBands.BANDS * 2];
		Arrays.fill(bands, 42);
		BandPostings postings = new BandPostings();
		postings.reset(0, 2);
		postings.add(0, bands);
		postings.add(1, bands);

		List<Integer> slots = slotsOf(postings, 42);
		assertThat(slots).hasSize(2 * StoryBands.BANDS);
		assertThat(slots.subList(0, StoryBands.BANDS)).containsOnly(1);
		assertThat(slots.subList(StoryBands.BANDS, slots.size())).containsOnly(0);
	}

	@Test
	void slotsAreAddedInOrderFromZero() {
		BandPostings postings = new BandPostings();
		postings.reset(0, 4);
		int[] bands = new int[4 * StoryBands.BANDS];
		Arrays.fill(bands, 7);

		assertThatIllegalArgumentException().isThrownBy(() -> postings.add(1, bands))
			.withMessageContaining("in order");
	}

	private static List<Integer> slotsOf(BandPostings postings, int band) {
		List<Integer> slots = new ArrayList<>();
		for (int posting = postings.first(band); posting != BandPostings.NONE; posting = postings.next(posting)) {
			slots.add(BandPostings.slot(posting));
		}
		return slots;
	}

}

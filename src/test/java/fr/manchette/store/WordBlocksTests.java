package fr.manchette.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows of the word index's blocks: which items of a block share a word's row, and how rows are merged. */
class WordBlocksTests {

	private static final long IDS = 1L << WordIndex.ID_BITS;

	@Test
	void theKeysOfOneWordInOneBlockShareARow() {
		long maroc = WordIndex.keys(0, " maroc ").iterator().next();
		long rabat = WordIndex.keys(0, " rabat ").iterator().next();
		long[] keys = { maroc + 256, maroc + 300, maroc + 511, maroc + 512, rabat + 300 };

		WordBlocks rows = WordBlocks.of(keys);

		assertThat(rows.count()).isEqualTo(3);
		assertThat(WordBlocks.ids(rows.key(0), rows.offsets(0))).containsExactly(256, 300, 511);
		assertThat(WordBlocks.ids(rows.key(1), rows.offsets(1))).containsExactly(512);
		assertThat(WordBlocks.ids(rows.key(2), rows.offsets(2))).containsExactly(300);
		assertThat(WordBlocks.block(rows.key(0))).isEqualTo(1);
		assertThat(rows.key(0)).isEqualTo((maroc + 256) >>> WordBlocks.BLOCK_BITS);
		assertThat(rows.key(2) << WordBlocks.BLOCK_BITS).isEqualTo(rabat + 256);
		assertThat(rows.keys()).containsExactly(rows.key(0), rows.key(1), rows.key(2));
		assertThat(rows.row(rows.key(2))).isEqualTo(2);
	}

	@Test
	void aRowKeyIsInTheRangeOfItsWordsBlocks() {
		long[] range = WordIndex.range("maroc");
		long key = WordBlocks.of(new long[] { range[0] + IDS - 1 }).key(0);

		assertThat(key).isBetween(range[0] >>> WordBlocks.BLOCK_BITS, (range[1] >>> WordBlocks.BLOCK_BITS) - 1);
		assertThat(WordBlocks.ids(key, new byte[] { (byte) 255 })).containsExactly(IDS - 1);
	}

	@Test
	void unionAndDifferenceKeepTheOffsetsInOrderOnce() {
		byte[] some = { 1, 7, (byte) 200 };
		byte[] others = { 0, 7, (byte) 255 };

		assertThat(WordBlocks.union(some, others)).containsExactly(0, 1, 7, 200, 255);
		assertThat(WordBlocks.without(some, others)).containsExactly(1, 200);
		assertThat(WordBlocks.without(some, some)).isEmpty();
	}

}

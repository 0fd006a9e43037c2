package fr.manchette.store;

import java.util.Arrays;
import java.util.List;

/**
 * Rows of {@code item_word_block}, as the word indexer writes them: one per word prefix and block of
 * {@value #BLOCK_IDS} item ids, keyed by the prefix and the block ({@link WordIndex}'s key of a word and an item,
 * shifted by {@value #BLOCK_BITS} bits), whose value is the block's items that have the word, each as its id's last
 * {@value #BLOCK_BITS} bits, one unsigned byte, in ascending order.
 * <p>
 * Why blocks: the rows are what H2 pays for (each row inserted copies its leaf page and writes an undo record, and
 * the commit does both again), and the items of a block, stored one after the other, share their words: the farm of
 * the side-by-side benchmark has eight word keys per block row, the real French feeds of the test corpus about three.
 */
final class WordBlocks {

	static final int BLOCK_BITS = 8;

	static final int BLOCK_IDS = 1 << BLOCK_BITS;

	private final long[] keys;

	private final byte[][] offsets;

	private final int count;

	private WordBlocks(long[] keys, byte[][] offsets, int count) {
		this.keys = keys;
		this.offsets = offsets;
		this.count = count;
	}

	/** The rows of word keys ({@code prefix × 2^ID_BITS + item id}) sorted and distinct. */
	static WordBlocks of(long[] sortedWordKeys) {
		long[] keys = new long[sortedWordKeys.length];
		byte[][] offsets = new byte[sortedWordKeys.length][];
		int count = 0;
		int from = 0;
		while (from < sortedWordKeys.length) {
			long block = sortedWordKeys[from] >>> BLOCK_BITS;
			int to = from + 1;
			while (to < sortedWordKeys.length && (sortedWordKeys[to] >>> BLOCK_BITS) == block) {
				to++;
			}
			byte[] items = new byte[to - from];
			for (int i = from; i < to; i++) {
				items[i - from] = (byte) sortedWordKeys[i];
			}
			keys[count] = block;
			offsets[count++] = items;
			from = to;
		}
		return new WordBlocks(keys, offsets, count);
	}

	int count() {
		return this.count;
	}

	/** The rows' keys, in ascending order. */
	List<Long> keys() {
		return Arrays.stream(this.keys, 0, this.count).boxed().toList();
	}

	/** The row of a key these rows have (they are in key order). */
	int row(long key) {
		return Arrays.binarySearch(this.keys, 0, this.count, key);
	}

	long key(int row) {
		return this.keys[row];
	}

	byte[] offsets(int row) {
		return this.offsets[row];
	}

	void setOffsets(int row, byte[] offsets) {
		this.offsets[row] = offsets;
	}

	/** The block of item ids that a row key names: its id part. */
	static long block(long rowKey) {
		return rowKey & ((1L << (WordIndex.ID_BITS - BLOCK_BITS)) - 1);
	}

	/** The ids of a row's items. */
	static long[] ids(long rowKey, byte[] offsets) {
		long first = block(rowKey) << BLOCK_BITS;
		long[] ids = new long[offsets.length];
		for (int i = 0; i < offsets.length; i++) {
			ids[i] = first + Byte.toUnsignedInt(offsets[i]);
		}
		return ids;
	}

	/** The items of both, once each, in order. */
	static byte[] union(byte[] some, byte[] others) {
		long[] bits = bits(some);
		long[] more = bits(others);
		for (int i = 0; i < bits.length; i++) {
			bits[i] |= more[i];
		}
		return offsets(bits);
	}

	/** The items of {@code some} that are not in {@code others}, in order; empty when none is left. */
	static byte[] without(byte[] some, byte[] others) {
		long[] bits = bits(some);
		long[] less = bits(others);
		for (int i = 0; i < bits.length; i++) {
			bits[i] &= ~less[i];
		}
		return offsets(bits);
	}

	private static long[] bits(byte[] offsets) {
		long[] bits = new long[BLOCK_IDS / 64];
		for (byte offset : offsets) {
			int item = Byte.toUnsignedInt(offset);
			bits[item >>> 6] |= 1L << item;
		}
		return bits;
	}

	private static byte[] offsets(long[] bits) {
		byte[] offsets = new byte[Arrays.stream(bits).mapToInt(Long::bitCount).sum()];
		int next = 0;
		for (int word = 0; word < bits.length; word++) {
			for (long rest = bits[word]; rest != 0; rest &= rest - 1) {
				offsets[next++] = (byte) ((word << 6) + Long.numberOfTrailingZeros(rest));
			}
		}
		return offsets;
	}

}

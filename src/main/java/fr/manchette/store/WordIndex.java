package fr.manchette.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fr.manchette.dedup.FrenchWords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The words of every item, for searches that ask for a rare word.
 * <p>
 * {@code q} is a {@code LIKE '% word%'} on the folded {@code search_text}: walking the items newest first, it
 * stops at the limit, which is quick when the word is common and reads every item when it is rare or absent. For
 * those, this index gives the few items that may have the word, and only they are checked. Which plan a search takes
 * is decided by counting, in the index, the items of its rarest word, up to {@link #RARE}.
 * <p>
 * A word of an item is kept as one number, its key: the word's first {@value #PREFIX} characters over [0-9a-z] (base
 * 37, 0 standing for « no more »), times 2<sup>{@value #ID_BITS}</sup>, plus the item's id. A query word is a word
 * start ({@code econom} finds {@code economie}), and the words that start with it are one range of those numbers; a
 * query word longer than the prefix reads the range of its prefix, a few more items than it has. A query word with
 * other characters, or that starts a stop word (which the index leaves out: {@code san} would miss « sans »), is left
 * to the walk. The {@code LIKE} conditions stay in every query: the index only narrows, it never decides.
 * <p>
 * New items are indexed off the polls' path, by {@link WordIndexer}: a batch of items at a time, in one transaction
 * that also moves {@code word_index_state.indexed_to}, the last item id indexed, into {@code item_word_block}: one row
 * per word and block of {@value WordBlocks#BLOCK_IDS} item ids (see {@link WordBlocks}), a fraction of the rows a key
 * per word and item took, which were two fifths of what a burst of new items allocated. The block that a batch
 * continues has its rows merged. Items are numbered under the store's story lock, which a poll holds until it commits,
 * so the committed items always run without a hole up to the last one: every item after {@code indexed_to} that a
 * search sees is still to be indexed, and a search adds those (the tail) to the items of its word.
 * <p>
 * An edit writes the words its item gained at once, as keys of {@code item_word}, so that an item is never missing a
 * word it has, and deletes the keys of the words it lost there; a word it lost may linger in its block's row, which a
 * {@code LIKE} then rejects. Pruned items leave both tables. The rows of {@code item_word_block} are written by one
 * writer at a time, the indexer or the pruner, whichever holds the state row, in any instance.
 */
@Component
final class WordIndex {

	static final int MIN_LENGTH = 3;

	static final int MAX_LENGTH = 64;

	/** Fewer items than this: read them through the index. More: the newest-first walk meets 50 of them soon. */
	static final int RARE = 2_000;

	/** Characters of a word kept: 37<sup>5</sup> prefixes fit in the 27 bits above an item's id. */
	static final int PREFIX = 5;

	/** Bits of an item's id: ids run past 68 billion only after two thousand years of a million items a day. */
	static final int ID_BITS = 36;

	private static final long IDS = 1L << ID_BITS;

	private static final int BASE = 37;

	private static final Pattern QUERY_WORD = Pattern.compile("[a-z0-9]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

	// Its key: an item's words are worked out again from its search_text, as when they were written.
	private static final String DELETE = "DELETE FROM item_word WHERE word_item IN (:keys)";

	// The keys of both tables: ranges, read no further than needed (a block row has one item or more).
	private static final String COUNT = """
			SELECT (SELECT COALESCE(SUM(OCTET_LENGTH(b.item_offsets)), 0) FROM (SELECT item_offsets FROM item_word_block
			        WHERE word_block >= :blockLow AND word_block < :blockHigh LIMIT :cap) b)
			     + (SELECT COUNT(*) FROM (SELECT 1 FROM item_word
			        WHERE word_item >= :low AND word_item < :high LIMIT :cap) w)""";

	private static final String BLOCK_ROWS = """
			SELECT word_block, item_offsets FROM item_word_block WHERE word_block >= :blockLow AND word_block < :blockHigh""";

	private static final String EDIT_KEYS = """
			SELECT word_item FROM item_word WHERE word_item >= :low AND word_item < :high""";

	private static final String BLOCK_ROWS_OF = """
			SELECT word_block, item_offsets FROM item_word_block WHERE word_block IN (:keys)""";

	private static final String BLOCK_COLUMNS = "item_word_block (word_block, item_offsets)";

	private static final String DELETE_BLOCK_ROWS = "DELETE FROM item_word_block WHERE word_block IN (:keys)";

	private static final String ITEMS_AFTER = """
			SELECT id, search_text FROM item WHERE id > :after ORDER BY id LIMIT :batch""";

	// FOR UPDATE: one writer of item_word_block at a time, whichever instance it runs in.
	private static final String CLAIM = "SELECT indexed_to FROM word_index_state WHERE id = 1 FOR UPDATE";

	private static final String ADVANCE = "UPDATE word_index_state SET indexed_to = :last WHERE id = 1";

	// The last item id: a read of the primary key's last entry on both engines.
	private static final String TAIL = """
			SELECT indexed_to, (SELECT COALESCE(MAX(id), 0) FROM item) AS last_id FROM word_index_state WHERE id = 1""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	WordIndex(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/**
	 * Indexes the next items not indexed yet, up to {@code batch} of them, in one transaction; returns how many.
	 */
	int indexNext(int batch) {
		long[] tail = tail();
		if (tail[1] <= tail[0]) {
			// Nothing new: no lock taken, nothing written (H2 writes the lock of a row read FOR UPDATE).
			return 0;
		}
		Integer indexed = this.transaction.execute((tx) -> {
			long after = claim();
			Batch read = new Batch(after, (int) Math.min(batch, tail[1] - tail[0]));
			this.jdbc.sql(ITEMS_AFTER)
				.param("after", after)
				.param("batch", batch)
				.query((row) -> {
					read.add(row.getLong("id"), row.getString("search_text"));
				});
			if (read.items > 0) {
				WordBlocks rows = WordBlocks.of(read.sortedKeys());
				mergeContinuedBlock(rows, after);
				insert(rows);
				this.jdbc.sql(ADVANCE).param("last", read.last).update();
			}
			return read.items;
		});
		return (indexed != null) ? indexed : 0;
	}

	/**
	 * The block of the last item indexed may have rows already, when the batch before ended inside it: the items of
	 * those rows join the batch's, and the rows are written again.
	 */
	private void mergeContinuedBlock(WordBlocks rows, long after) {
		long continued = after >>> WordBlocks.BLOCK_BITS;
		List<Long> continuing = rows.keys().stream().filter((key) -> WordBlocks.block(key) == continued).toList();
		Map<Long, byte[]> existing = blockRows(continuing);
		existing.forEach((key, offsets) -> {
			int row = rows.row(key);
			rows.setOffsets(row, WordBlocks.union(rows.offsets(row), offsets));
		});
		deleteBlockRows(existing.keySet());
	}

	/** Takes the state row, so that one writer of item_word_block works at a time; the last item id indexed. */
	private long claim() {
		return this.jdbc.sql(CLAIM).query(Long.class).single();
	}

	/** The last item id indexed, and the last item id stored. */
	private long[] tail() {
		return this.jdbc.sql(TAIL)
			.query((row, n) -> new long[] { row.getLong("indexed_to"), row.getLong("last_id") })
			.single();
	}

	/**
	 * Edited items: the words they lost are deleted, the words they gained written; one delete and one insert.
	 * @param before their search texts as they were stored
	 * @param after their search texts now
	 */
	void replace(Map<Long, String> before, Map<Long, String> after) {
		List<Long> lost = new ArrayList<>();
		List<Long> gained = new ArrayList<>();
		after.forEach((id, text) -> {
			Set<Long> old = keys(id, before.getOrDefault(id, ""));
			Set<Long> now = keys(id, text);
			old.stream().filter((key) -> !now.contains(key)).forEach(lost::add);
			now.stream().filter((key) -> !old.contains(key)).forEach(gained::add);
		});
		delete(lost);
		// Two stores of the same edit (two instances polling one feed) write the same keys: ON CONFLICT.
		insert(gained, "ON CONFLICT DO NOTHING");
	}

	/**
	 * Deleted items: their words go too, from both tables; a block's row is written again without them, or deleted
	 * when no item is left in it. In one transaction: a stop half way would leave the words of items still stored
	 * out of the index.
	 */
	void remove(Map<Long, String> texts) {
		List<Long> keys = new ArrayList<>();
		texts.forEach((id, text) -> keys.addAll(keys(id, text)));
		long[] sorted = keys.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
		WordBlocks removed = WordBlocks.of(sorted);
		this.transaction.executeWithoutResult((tx) -> {
			delete(keys);
			claim();
			Map<Long, byte[]> existing = blockRows(removed.keys());
			List<Object[]> left = new ArrayList<>();
			existing.forEach((key, offsets) -> {
				byte[] remaining = WordBlocks.without(offsets, removed.offsets(removed.row(key)));
				if (remaining.length > 0) {
					left.add(new Object[] { key, remaining });
				}
			});
			deleteBlockRows(existing.keySet());
			ManyRows.insert(this.jdbc, BLOCK_COLUMNS, left, "");
		});
	}

	/** The rows of these keys of item_word_block that exist. */
	private Map<Long, byte[]> blockRows(Collection<Long> keys) {
		Map<Long, byte[]> rows = new HashMap<>();
		for (List<Long> chunk : ManyRows.chunks(List.copyOf(keys), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(BLOCK_ROWS_OF).param("keys", chunk).query((row) -> {
				rows.put(row.getLong(1), row.getBytes(2));
			});
		}
		return rows;
	}

	private void deleteBlockRows(Collection<Long> keys) {
		for (List<Long> chunk : ManyRows.chunks(List.copyOf(keys), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(DELETE_BLOCK_ROWS).param("keys", chunk).update();
		}
	}

	private void delete(List<Long> keys) {
		for (List<Long> chunk : ManyRows.chunks(keys, ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(DELETE).param("keys", chunk).update();
		}
	}

	/**
	 * The condition that narrows a search to the items of its rarest word, or an empty string when a walk is
	 * better (every word common) or the index cannot answer (short words, other characters, index being built).
	 */
	String narrow(String alias, List<String> words, Map<String, Object> params) {
		List<String> indexed = words.stream()
			.filter((word) -> QUERY_WORD.matcher(word).matches() && !FrenchWords.startsAStopWord(word))
			.toList();
		if (indexed.isEmpty()) {
			// Most lists have no q at all: no statement for them.
			return "";
		}
		long[] tail = tail();
		if (tail[1] - tail[0] > RARE) {
			// A backlog of items not indexed yet (a store upgraded, a burst of polls): the walk meets them anyway.
			return "";
		}
		String rarest = null;
		int fewest = RARE;
		for (String word : indexed) {
			int count = count(word);
			if (count < fewest) {
				rarest = word;
				fewest = count;
			}
		}
		if (rarest == null) {
			return "";
		}
		params.put("indexedTo", tail[0]);
		Set<Long> ids = items(rarest);
		if (ids.isEmpty()) {
			return " AND " + alias + ".id > :indexedTo";
		}
		params.put("indexIds", List.copyOf(ids));
		// item's primary key for each of the few ids, and for the tail.
		return " AND " + alias + ".id IN (SELECT t.id FROM item t WHERE t.id IN (:indexIds)"
				+ " UNION ALL SELECT t.id FROM item t WHERE t.id > :indexedTo)";
	}

	/**
	 * The ids of the items indexed under this query word's prefix, from both tables; ids of items deleted, or that
	 * lost the word in an edit, among them.
	 */
	Set<Long> items(String queryWord) {
		long[] range = range(queryWord);
		Set<Long> ids = new TreeSet<>();
		this.jdbc.sql(BLOCK_ROWS)
			.param("blockLow", range[0] >>> WordBlocks.BLOCK_BITS)
			.param("blockHigh", range[1] >>> WordBlocks.BLOCK_BITS)
			.query((row) -> {
				for (long id : WordBlocks.ids(row.getLong(1), row.getBytes(2))) {
					ids.add(id);
				}
			});
		this.jdbc.sql(EDIT_KEYS).param("low", range[0]).param("high", range[1]).query((row) -> {
			ids.add(row.getLong(1) % IDS);
		});
		return ids;
	}

	/**
	 * The distinct words of a folded text that the index keeps (see {@link IndexedWords}): not the stop words
	 * (« les », « pour », « dans »), a third of a summary's words, which no search is narrowed by since every item has
	 * them.
	 */
	static Set<String> words(String searchText) {
		Set<String> words = new LinkedHashSet<>();
		IndexedWords.forEach(searchText,
				(text, from, to) -> words.add(text.substring(from, Math.min(to, from + MAX_LENGTH))));
		return words;
	}

	/** The keys of an item's words: one for each prefix of {@value #PREFIX} characters. */
	static Set<Long> keys(long itemId, String searchText) {
		checkIndexable(itemId);
		Set<Long> keys = new LinkedHashSet<>();
		IndexedWords.forEach(searchText, (text, from, to) -> keys.add(prefixCode(text, from, to) * IDS + itemId));
		return keys;
	}

	private static void checkIndexable(long itemId) {
		if (itemId < 0 || itemId >= IDS) {
			throw new IllegalArgumentException("item id out of the word index's range: " + itemId);
		}
	}

	/**
	 * The keys of the items whose words start with this query word, from the first to past the last; a word of
	 * [0-9a-z] only.
	 */
	static long[] range(String queryWord) {
		String prefix = (queryWord.length() > PREFIX) ? queryWord.substring(0, PREFIX) : queryWord;
		long low = prefixCode(prefix);
		long width = 1;
		for (int i = prefix.length(); i < PREFIX; i++) {
			width *= BASE;
		}
		return new long[] { low * IDS, (low + width) * IDS };
	}

	/**
	 * A word's first {@value #PREFIX} characters in base 37: a digit or letter is 1 to 36, and the first other
	 * character ends the word (0 to the end), so that the words that start with a prefix are one range.
	 */
	private static long prefixCode(String word) {
		return prefixCode(word, 0, word.length());
	}

	/** {@link #prefixCode(String)} of the characters {@code from} to {@code to} of a text. */
	private static long prefixCode(String text, int from, int to) {
		long code = 0;
		boolean ended = false;
		for (int i = 0; i < PREFIX; i++) {
			int digit = 0;
			if (!ended && from + i < to) {
				digit = digit(text.charAt(from + i));
				ended = (digit == 0);
			}
			code = code * BASE + digit;
		}
		return code;
	}

	/** 1 to 10 for 0 to 9, 11 to 36 for a to z, 0 for any other character. */
	private static int digit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0' + 1;
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 11;
		}
		return 0;
	}

	private int count(String word) {
		long[] range = range(word);
		return this.jdbc.sql(COUNT)
			.param("blockLow", range[0] >>> WordBlocks.BLOCK_BITS)
			.param("blockHigh", range[1] >>> WordBlocks.BLOCK_BITS)
			.param("low", range[0])
			.param("high", range[1])
			.param("cap", RARE)
			.query(Integer.class)
			.single();
	}

	/**
	 * The keys of a batch of items as they are read, as primitives, each item's search text dropped once read: a batch
	 * of thousands of items holds a few MB, not its texts and a boxed number per word.
	 */
	private static final class Batch {

		private long[] keys;

		private int count;

		private long last;

		private int items;

		Batch(long after, int expected) {
			this.keys = new long[expected * 12 + 16];
			this.last = after;
		}

		void add(long id, String searchText) {
			checkIndexable(id);
			IndexedWords.forEach(searchText, (text, from, to) -> append(prefixCode(text, from, to) * IDS + id));
			this.last = id;
			this.items++;
		}

		private void append(long key) {
			if (this.count == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.count * 2);
			}
			this.keys[this.count++] = key;
		}

		/** The keys in order, each once: two words of an item with one prefix have one key. */
		long[] sortedKeys() {
			long[] sorted = Arrays.copyOf(this.keys, this.count);
			Arrays.sort(sorted);
			int distinct = 0;
			for (int i = 0; i < sorted.length; i++) {
				if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
					sorted[distinct++] = sorted[i];
				}
			}
			return Arrays.copyOf(sorted, distinct);
		}

	}

	/** An edit's keys: a few, in as many statements as {@link ManyRows} needs. */
	private void insert(List<Long> keys, String suffix) {
		ManyRows.insert(this.jdbc, "item_word (word_item)", keys.stream().map((key) -> new Object[] { key }).toList(),
				suffix);
	}

	/** A batch's block rows, made one statement at a time: a batch has tens of thousands. */
	private void insert(WordBlocks blocks) {
		for (int from = 0; from < blocks.count(); from += ManyRows.PER_STATEMENT) {
			List<Object[]> rows = new ArrayList<>(ManyRows.PER_STATEMENT);
			for (int row = from; row < Math.min(blocks.count(), from + ManyRows.PER_STATEMENT); row++) {
				rows.add(new Object[] { blocks.key(row), blocks.offsets(row) });
			}
			ManyRows.insert(this.jdbc, BLOCK_COLUMNS, rows, "");
		}
	}

}

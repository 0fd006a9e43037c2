package fr.manchette.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * An item's word is kept as one number, {@code item_word.word_item}: the word's first {@value #PREFIX} characters
 * over [0-9a-z] (base 37, 0 standing for « no more »), times 2<sup>{@value #ID_BITS}</sup>, plus the item's id. A query
 * word is a word start ({@code econom} finds {@code economie}), and the words that start with it are one range of
 * those numbers; a query word longer than the prefix reads the range of its prefix, a few more items than it has. A
 * query word with other characters, or that starts a stop word (which the index leaves out: {@code san} would miss
 * « sans »), is left to the walk. The {@code LIKE} conditions stay in every query: the index only narrows, it never
 * decides.
 * <p>
 * New items are indexed off the polls' path, by {@link WordIndexer}: a batch of items at a time, their words sorted,
 * in one transaction that also moves {@code word_index_state.indexed_to}, the last item id indexed. Written with the
 * poll, a new item's ten-odd words landed on as many random pages of the index, under the store's story lock; a batch
 * of a few thousand items writes each page once. Items are numbered under the story lock, which a poll holds until it
 * commits, so the committed items always run without a hole up to the last one: every item after
 * {@code indexed_to} that a search sees is still to be indexed, and a search adds those (the tail) to the items of
 * its word. An edit writes the words its item gained at once, so an item is never missing a word it has; a word it
 * lost may linger until the next edit, which a {@code LIKE} then rejects.
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

	// Its key: a range, read no further than needed.
	private static final String COUNT = """
			SELECT COUNT(*) FROM (SELECT 1 FROM item_word WHERE word_item >= :low AND word_item < :high LIMIT :cap) w""";

	private static final String ITEMS_AFTER = """
			SELECT id, search_text FROM item WHERE id > :after ORDER BY id LIMIT :batch""";

	// FOR UPDATE: one indexer at a time, whichever instance it runs in.
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
	 * Indexes the next items not indexed yet, up to {@code batch} of them, in one transaction; returns how many. A
	 * word already there (written by an edit) is written once.
	 */
	int indexNext(int batch) {
		long[] tail = tail();
		if (tail[1] <= tail[0]) {
			// Nothing new: no lock taken, nothing written (H2 writes the lock of a row read FOR UPDATE).
			return 0;
		}
		Integer indexed = this.transaction.execute((tx) -> {
			long after = this.jdbc.sql(CLAIM).query(Long.class).single();
			Batch read = new Batch(after, (int) Math.min(batch, tail[1] - tail[0]));
			this.jdbc.sql(ITEMS_AFTER)
				.param("after", after)
				.param("batch", batch)
				.query((row) -> {
					read.add(row.getLong("id"), row.getString("search_text"));
				});
			if (read.items > 0) {
				// In key order: each page of the index is written once for the batch.
				insert(read.sortedKeys(), "ON CONFLICT DO NOTHING");
				this.jdbc.sql(ADVANCE).param("last", read.last).update();
			}
			return read.items;
		});
		return (indexed != null) ? indexed : 0;
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
		// The indexer may be writing the same words at the same moment: ON CONFLICT, a search per row on H2.
		insert(gained, "ON CONFLICT DO NOTHING");
	}

	/** Deleted items: their words go too. */
	void remove(Map<Long, String> texts) {
		List<Long> keys = new ArrayList<>();
		texts.forEach((id, text) -> keys.addAll(keys(id, text)));
		delete(keys);
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
		long[] range = range(rarest);
		params.put("indexLow", range[0]);
		params.put("indexHigh", range[1]);
		params.put("indexIds", IDS);
		params.put("indexedTo", tail[0]);
		// item_word's key, then item's primary key for each of the few ids; the tail by the primary key too.
		return " AND " + alias + ".id IN (SELECT MOD(w.word_item, :indexIds) FROM item_word w"
				+ " WHERE w.word_item >= :indexLow AND w.word_item < :indexHigh"
				+ " UNION ALL SELECT t.id FROM item t WHERE t.id > :indexedTo)";
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

	private void insert(List<Long> keys, String suffix) {
		insert(keys.stream().mapToLong(Long::longValue).toArray(), suffix);
	}

	/** One statement per {@link ManyRows#PER_STATEMENT} keys, their rows made one statement at a time. */
	private void insert(long[] keys, String suffix) {
		for (int from = 0; from < keys.length; from += ManyRows.PER_STATEMENT) {
			List<Object[]> rows = new ArrayList<>(ManyRows.PER_STATEMENT);
			for (int i = from; i < Math.min(keys.length, from + ManyRows.PER_STATEMENT); i++) {
				rows.add(new Object[] { keys[i] });
			}
			ManyRows.insert(this.jdbc, "item_word (word_item)", rows, suffix);
		}
	}

}

package fr.manchette.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.manchette.dedup.FrenchWords;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The words of every item, for searches that ask for a rare word.
 * <p>
 * {@code q} is a {@code LIKE '% word%'} on the folded {@code search_text}: walking the items newest first, it
 * stops at the limit, which is quick when the word is common and reads every item when it is rare or absent. For
 * those, this index gives the few items that have the word, and only they are checked. Which plan a search takes is
 * decided by counting, in the index, the items of its rarest word, up to {@link #RARE}.
 * <p>
 * A query word is a word start ({@code econom} finds {@code economie}), so the index is read by range:
 * {@code word >= 'econom' AND word < 'econon'}. Words are folded to lower-case letters and digits, so the bound is
 * the same under PostgreSQL's linguistic collations as in H2; a query word with other characters, or that starts a
 * stop word (which the index leaves out: {@code san} would miss « sans »), is left to the walk. The {@code LIKE} conditions stay in every query: the index only narrows, it never decides.
 */
@Component
final class WordIndex {

	static final int MIN_LENGTH = 3;

	static final int MAX_LENGTH = 64;

	/** Fewer items than this: read them through the index. More: the newest-first walk meets 50 of them soon. */
	static final int RARE = 2_000;

	private static final Pattern QUERY_WORD = Pattern.compile("[a-z0-9]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

	// item_word_pk: an item's words are worked out again from its search_text, as when they were written.
	private static final String DELETE = "DELETE FROM item_word WHERE word = :word AND item_id = :id";

	// item_word_pk: a range of its first column, read no further than needed.
	private static final String COUNT = """
			SELECT COUNT(*) FROM (SELECT 1 FROM item_word WHERE word >= :low %s LIMIT :cap) w""";

	private static final String ITEMS_AFTER = """
			SELECT id, search_text FROM item WHERE id > :after ORDER BY id LIMIT :batch""";

	private static final String COMPLETE = "SELECT complete FROM word_index_state WHERE id = 1";

	private static final String COMPLETED = "UPDATE word_index_state SET complete = TRUE WHERE id = 1";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	/** False until every item stored before this version has its words: until then, searches walk. */
	private volatile boolean complete;

	WordIndex(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Writes the words of the items a poll inserted, in the caller's transaction: one multi-row insert. Nobody else
	 * writes their words (the backfill sees only committed items).
	 * @param inserted search texts of new items by id
	 */
	void add(Map<Long, String> inserted) {
		List<Map.Entry<Long, String>> rows = new ArrayList<>();
		inserted.forEach((id, text) -> words(text).forEach((word) -> rows.add(Map.entry(id, word))));
		insert(rows, "");
	}

	/**
	 * Edited items: the words they lost are deleted, the words they gained written; one batch and one insert.
	 * @param before their search texts as they were stored
	 * @param after their search texts now
	 */
	void replace(Map<Long, String> before, Map<Long, String> after) {
		List<Map.Entry<Long, String>> lost = new ArrayList<>();
		List<Map.Entry<Long, String>> gained = new ArrayList<>();
		after.forEach((id, text) -> {
			Set<String> old = words(before.getOrDefault(id, ""));
			Set<String> now = words(text);
			old.stream().filter((word) -> !now.contains(word)).forEach((word) -> lost.add(Map.entry(id, word)));
			now.stream().filter((word) -> !old.contains(word)).forEach((word) -> gained.add(Map.entry(id, word)));
		});
		delete(lost);
		// The backfill may be writing the same words at the same moment: ON CONFLICT, a search per row on H2.
		insert(gained, "ON CONFLICT DO NOTHING");
	}

	/** Deleted items: their words go too. */
	void remove(Map<Long, String> texts) {
		List<Map.Entry<Long, String>> rows = new ArrayList<>();
		texts.forEach((id, text) -> words(text).forEach((word) -> rows.add(Map.entry(id, word))));
		delete(rows);
	}

	private void delete(List<Map.Entry<Long, String>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.batch.batchUpdate(DELETE, rows.stream()
			.map((row) -> new MapSqlParameterSource("word", row.getValue()).addValue("id", row.getKey()))
			.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * The condition that narrows a search to the items of its rarest word, or an empty string when a walk is
	 * better (every word common) or the index cannot answer (short words, other characters, index being built).
	 */
	String narrow(String alias, List<String> words, Map<String, Object> params) {
		if (!this.complete) {
			return "";
		}
		String rarest = null;
		int fewest = RARE;
		for (String word : words) {
			if (QUERY_WORD.matcher(word).matches() && !FrenchWords.startsAStopWord(word)) {
				int count = count(word);
				if (count < fewest) {
					rarest = word;
					fewest = count;
				}
			}
		}
		if (rarest == null) {
			return "";
		}
		String high = upperBound(rarest);
		params.put("indexLow", rarest);
		if (high != null) {
			params.put("indexHigh", high);
		}
		// item_word_pk, then item's primary key for each of the few ids.
		return " AND " + alias + ".id IN (SELECT w.item_id FROM item_word w WHERE w.word >= :indexLow"
				+ ((high != null) ? " AND w.word < :indexHigh" : "") + ")";
	}

	/**
	 * Indexes the items of a store that had some before the index existed, a batch at a time, once: then lets
	 * searches use it. Runs while polls store new items: those are indexed by their own save, and a word written
	 * twice is written once. A store that says it is complete is not read.
	 */
	void backfill(int batch) {
		if (!Boolean.TRUE.equals(this.jdbc.sql(COMPLETE).query(Boolean.class).single())) {
			long after = 0;
			while (true) {
				List<Map.Entry<Long, String>> words = new ArrayList<>();
				int read = 0;
				for (Map.Entry<Long, String> row : this.jdbc.sql(ITEMS_AFTER)
					.param("after", after)
					.param("batch", batch)
					.query((row, n) -> Map.entry(row.getLong("id"), row.getString("search_text")))
					.list()) {
					words(row.getValue()).forEach((word) -> words.add(Map.entry(row.getKey(), word)));
					after = row.getKey();
					read++;
				}
				insert(words, "ON CONFLICT DO NOTHING");
				if (read < batch) {
					break;
				}
			}
			this.jdbc.sql(COMPLETED).update();
		}
		this.complete = true;
	}

	boolean complete() {
		return this.complete;
	}

	/**
	 * The distinct words of a folded text that the index keeps: not the stop words (« les », « pour », « dans »), a
	 * third of a summary's words, which no search is narrowed by since every item has them.
	 */
	static Set<String> words(String searchText) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : searchText.trim().split(" ")) {
			if (word.length() >= MIN_LENGTH && !FrenchWords.isStopWord(word)) {
				words.add((word.length() > MAX_LENGTH) ? word.substring(0, MAX_LENGTH) : word);
			}
		}
		return words;
	}

	/**
	 * The smallest string above every word that starts with {@code prefix}, over [0-9a-z]: {@code econom} →
	 * {@code econon}, {@code mot9} → {@code mota}, {@code abz} → {@code ac}; null when there is none ({@code zzz}).
	 */
	static @Nullable String upperBound(String prefix) {
		char[] chars = prefix.toCharArray();
		for (int i = chars.length - 1; i >= 0; i--) {
			int position = ALPHABET.indexOf(chars[i]);
			if (position < ALPHABET.length() - 1) {
				chars[i] = ALPHABET.charAt(position + 1);
				return new String(chars, 0, i + 1);
			}
		}
		return null;
	}

	private int count(String word) {
		String high = upperBound(word);
		Map<String, Object> params = new HashMap<>();
		params.put("low", word);
		params.put("cap", RARE);
		if (high != null) {
			params.put("high", high);
		}
		return this.jdbc.sql(COUNT.formatted((high != null) ? "AND word < :high" : ""))
			.params(params)
			.query(Integer.class)
			.single();
	}

	private void insert(List<Map.Entry<Long, String>> rows, String suffix) {
		ManyRows.insert(this.jdbc, "item_word (word, item_id)",
				rows.stream().map((row) -> new Object[] { row.getValue(), row.getKey() }).toList(), suffix);
	}

}

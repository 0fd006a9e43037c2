package fr.manchette.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Inserts many rows with a few statements, each one VALUES list: one round trip and one parse per thousand rows,
 * where a statement per row would pay both for each.
 */
final class ManyRows {

	/** Rows per statement: well under the 65 535 parameters PostgreSQL takes in one statement. */
	static final int PER_STATEMENT = 1_000;

	/** Keys per {@code IN} list: within what every database accepts. */
	static final int KEYS_PER_QUERY = 500;

	private ManyRows() {
	}

	/**
	 * @param into the table and its columns: {@code item_word (word, item_id)}
	 * @param rows one array of column values per row, in the columns' order (a value may be null)
	 * @param suffix what follows the values ({@code ON CONFLICT DO NOTHING}), or an empty string
	 * @return rows inserted
	 */
	static int insert(JdbcClient jdbc, String into, List<Object[]> rows, String suffix) {
		int inserted = 0;
		for (List<Object[]> chunk : chunks(rows, PER_STATEMENT)) {
			inserted += statement(jdbc, into, chunk, suffix).update();
		}
		return inserted;
	}

	/**
	 * Inserts as {@link #insert(JdbcClient, String, List, String)} does, and hands each row inserted to
	 * {@code inserted}, as the values of {@code columns} (a generated id among them): the statement answers it, where
	 * a query after it would look the rows up again. A row skipped by {@code ON CONFLICT DO NOTHING} is not handed.
	 * @return rows inserted
	 */
	static int insert(JdbcClient jdbc, String into, List<Object[]> rows, String suffix,
			Consumer<Map<String, Object>> inserted, String... columns) {
		int count = 0;
		for (List<Object[]> chunk : chunks(rows, PER_STATEMENT)) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			count += statement(jdbc, into, chunk, suffix).update(keys, columns);
			keys.getKeyList().forEach(inserted);
		}
		return count;
	}

	private static JdbcClient.StatementSpec statement(JdbcClient jdbc, String into, List<Object[]> rows,
			String suffix) {
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(into).append(" VALUES ");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Object[] row = rows.get(i);
			sql.append((i > 0) ? ", (" : "(").append("?, ".repeat(row.length - 1)).append("?)");
			params.addAll(Arrays.asList(row));
		}
		return jdbc.sql(sql.append(suffix.isEmpty() ? "" : " " + suffix).toString()).params(params);
	}

	/**
	 * A source's keys (or their hashes) as pairs for {@code (source_id, item_hash) IN (:pairs)}: the condition that
	 * both engines answer with one probe of the index per pair.
	 */
	static List<Object[]> pairs(String sourceId, List<?> keys) {
		List<Object[]> pairs = new ArrayList<>(keys.size());
		for (Object key : keys) {
			pairs.add(new Object[] { sourceId, key });
		}
		return pairs;
	}

	static <T> List<List<T>> chunks(List<T> list, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < list.size(); from += size) {
			chunks.add(list.subList(from, Math.min(list.size(), from + size)));
		}
		return chunks;
	}

}

package fr.manchette.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

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
			StringBuilder sql = new StringBuilder("INSERT INTO ").append(into).append(" VALUES ");
			List<Object> params = new ArrayList<>();
			for (int i = 0; i < chunk.size(); i++) {
				Object[] row = chunk.get(i);
				sql.append((i > 0) ? ", (" : "(").append("?, ".repeat(row.length - 1)).append("?)");
				params.addAll(Arrays.asList(row));
			}
			inserted += jdbc.sql(sql.append(suffix.isEmpty() ? "" : " " + suffix).toString()).params(params).update();
		}
		return inserted;
	}

	static <T> List<List<T>> chunks(List<T> list, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < list.size(); from += size) {
			chunks.add(list.subList(from, Math.min(list.size(), from + size)));
		}
		return chunks;
	}

}

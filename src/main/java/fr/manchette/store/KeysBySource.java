package fr.manchette.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of item keys by source, whose primary key is {@code (source_id, item_key)}: the items the rules dropped,
 * those retention deleted. Asked at every poll of sources that mostly have none there: a short statement says so
 * first, at half the cost of looking up a poll's 30 keys (6 µs against 12 on H2, C1 only); a source with rows pays
 * both, 87 µs where a lookup by source and key list took 93 to 101 (100 keys each).
 */
final class KeysBySource {

	private final JdbcClient jdbc;

	private final String any;

	private final String find;

	/**
	 * @param table the table's name
	 * @param value the column read with each key found
	 */
	KeysBySource(JdbcClient jdbc, String table, String value) {
		this.jdbc = jdbc;
		// The primary key, one probe of its first column.
		this.any = "SELECT 1 FROM " + table + " WHERE source_id = :source FETCH FIRST ROW ONLY";
		// The primary key, one probe per pair: with source_id = :source AND item_key IN (:keys), H2 reads every row of
		// the source and compares it with the list.
		this.find = "SELECT item_key, " + value + " FROM " + table + " WHERE (source_id, item_key) IN (:pairs)";
	}

	/** The value of each of these keys that the table has for the source; the others are absent. */
	Map<String, String> find(String sourceId, Collection<String> itemKeys) {
		if (itemKeys.isEmpty()
				|| this.jdbc.sql(this.any).param("source", sourceId).query(Integer.class).optional().isEmpty()) {
			return Map.of();
		}
		Map<String, String> found = new HashMap<>();
		for (List<String> chunk : ManyRows.chunks(List.copyOf(itemKeys), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(this.find).param("pairs", ManyRows.pairs(sourceId, chunk)).query((row) -> {
				found.put(row.getString(1), row.getString(2));
			});
		}
		return found;
	}

}

package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import fr.manchette.store.StoreEngine;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The keys the random-key indexes are probed with (an item in its source, a story, a link) as numbers: each key's
 * first 64 bits (see {@code fr.manchette.store.KeyHash}). Pages of numbers are several times smaller than pages of
 * 64-character keys, and each new item lands at a random place of these indexes, so the store writes much less for
 * it. The queries look the number up and still compare the full key.
 * <p>
 * Only the empty columns and their indexes here: the items stored before get their numbers in the background, in
 * batches ({@code KeyHashBackfill}), and the queries use the numbers once every item has them; the indexes of the
 * full keys stay until then. The one migration in Java, for what the engines do with a new column: PostgreSQL adds a
 * nullable column to its catalog without touching the rows; H2 copies the whole table for each {@code ADD COLUMN}
 * statement, and keeps every index of the copy up to date row by row. So on H2 the three columns come in one
 * statement (a syntax PostgreSQL does not take), with the table's indexes dropped before and built again after
 * (StoreBenchmark's store of 200 000 items, on a busy machine: 59 s, 37 s of CPU, where three statements with the
 * indexes kept took 121 s, 68 s of CPU). PostgreSQL takes a moment whatever the store's size.
 */
public class V39__Add_item_key_hashes extends BaseJavaMigration {

	private static final List<String> H2_COLUMNS = List.of(
			"ALTER TABLE item DROP CONSTRAINT item_source_key",
			"DROP INDEX item_sort_idx",
			"DROP INDEX item_source_sort_idx",
			"DROP INDEX item_story_idx",
			"DROP INDEX item_link_idx",
			"ALTER TABLE item ADD COLUMN (item_hash BIGINT, story_hash BIGINT, link_hash BIGINT)",
			// As V2, V7 and V9 made them.
			"ALTER TABLE item ADD CONSTRAINT item_source_key UNIQUE (source_id, item_key)",
			"CREATE INDEX item_sort_idx ON item (sort_at, id)",
			"CREATE INDEX item_source_sort_idx ON item (source_id, sort_at, id)",
			"CREATE INDEX item_story_idx ON item (story_key, sort_at)",
			"CREATE INDEX item_link_idx ON item (link_key)");

	private static final List<String> POSTGRESQL_COLUMNS = List.of(
			"ALTER TABLE item ADD COLUMN item_hash BIGINT, ADD COLUMN story_hash BIGINT, ADD COLUMN link_hash BIGINT");

	private static final List<String> INDEXES = List.of(
			// One item per key in a source: a key whose number another key of the source has already is stored
			// without it, and found by its full key (see ItemRepository.insert).
			"ALTER TABLE item ADD CONSTRAINT item_source_hash_key UNIQUE (source_id, item_hash)",
			"CREATE INDEX item_story_hash_idx ON item (story_hash, sort_at)",
			"CREATE INDEX item_link_hash_idx ON item (link_hash)");

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean h2 = StoreEngine.of(connection) == StoreEngine.H2;
		try (Statement statement = connection.createStatement()) {
			for (String sql : h2 ? H2_COLUMNS : POSTGRESQL_COLUMNS) {
				statement.execute(sql);
			}
			for (String sql : INDEXES) {
				statement.execute(sql);
			}
		}
	}

}

package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The indexes of the full keys go as soon as no item needs them: in a new store (V39 made them for the items stored
 * before the hashes, and there are none) and in one whose items all have their hashes. They used to go only when the
 * service had started, from the background fill ({@code KeyHashBackfill}): DDL that takes the table and the
 * database's schema lock while the first polls and whatever else runs at a start want them too. Here nothing else
 * runs. A store with items still lacking their hashes keeps the indexes until the fill has given them theirs, as
 * before.
 */
public class V41__Full_key_indexes_dropped_when_no_item_needs_them extends BaseJavaMigration {

	// As they were when this version was written (KeyHashes drops the same after a fill).
	private static final List<String> FULL_KEY_INDEXES = List.of(
			"ALTER TABLE item DROP CONSTRAINT IF EXISTS item_source_key", "DROP INDEX IF EXISTS item_story_idx",
			"DROP INDEX IF EXISTS item_link_idx");

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet missing = statement.executeQuery("SELECT id FROM item WHERE story_hash IS NULL LIMIT 1")) {
				if (missing.next()) {
					return;
				}
			}
			for (String sql : FULL_KEY_INDEXES) {
				statement.execute(sql);
			}
		}
	}

}

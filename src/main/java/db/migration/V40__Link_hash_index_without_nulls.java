package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import fr.manchette.store.StoreEngine;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * From this version a new item has a {@code link_hash} only when its link does not name its story (see
 * {@code fr.manchette.store.ItemRow.linkHash}): most items start the story of their own link, and are found by it
 * through {@code item_story_hash_idx}. On PostgreSQL, {@code item_link_hash_idx} leaves the null hashes out (a
 * partial index), so such an item is not written to it at all. H2 has no partial index: its index keeps the nulls
 * together, in item order, where a new one lands on the same page as the last, not on a random page as a hash
 * does; nothing to change there. The items stored before keep their hashes: the query finds them either way.
 */
public class V40__Link_hash_index_without_nulls extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (StoreEngine.of(connection) == StoreEngine.H2) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP INDEX item_link_hash_idx");
			statement.execute("CREATE INDEX item_link_hash_idx ON item (link_hash) WHERE link_hash IS NOT NULL");
		}
	}

}

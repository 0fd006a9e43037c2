package fr.manchette.store;

import java.net.URI;
import java.util.List;
import java.util.Map;

import fr.manchette.dedup.Fingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The link keys of the items stored by a version that had none. Whether any item may lack its key is a row of
 * {@code pending_backfill}, written by the upgrade that found such items: nothing indexes a missing key, and looking
 * for one in the item table at each start read every item.
 */
@Repository
public class MissingLinkKeys {

	private static final String PENDING = "SELECT COUNT(*) FROM pending_backfill WHERE name = 'link_keys'";

	private static final String DONE = "DELETE FROM pending_backfill WHERE name = 'link_keys'";

	private static final String WITHOUT_LINK_KEY = """
			SELECT id, link FROM item WHERE link_key IS NULL AND link IS NOT NULL AND id > :after ORDER BY id LIMIT 500""";

	// With its hash (see KeyHash): an item whose other hashes are filled already is found by its link's too.
	private static final String SET_LINK_KEY = "UPDATE item SET link_key = :linkKey, link_hash = :linkHash WHERE id = :id";

	private final JdbcClient jdbc;

	MissingLinkKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Gives their link keys to the items stored by a version that had none, so that a new item with the same link
	 * finds their story. Their stories stay as they are. Returns how many items it completed: none, without reading
	 * the items, once a fill has reached the last one.
	 */
	public int complete() {
		if (this.jdbc.sql(PENDING).query(Integer.class).single() == 0) {
			return 0;
		}
		int completed = 0;
		long after = 0;
		while (true) {
			List<Map.Entry<Long, String>> rows = this.jdbc.sql(WITHOUT_LINK_KEY)
				.param("after", after)
				.query((row, n) -> Map.entry(row.getLong("id"), row.getString("link")))
				.list();
			if (rows.isEmpty()) {
				break;
			}
			for (Map.Entry<Long, String> row : rows) {
				after = row.getKey();
				URI link;
				try {
					link = URI.create(row.getValue());
				}
				catch (IllegalArgumentException ex) {
					// Not a link any version would store now: the item keeps no key, and is found by its headline.
					continue;
				}
				String linkKey = Fingerprint.linkKeyOf(link);
				this.jdbc.sql(SET_LINK_KEY)
					.param("linkKey", linkKey)
					.param("linkHash", KeyHash.of(linkKey))
					.param("id", row.getKey())
					.update();
				completed++;
			}
		}
		this.jdbc.sql(DONE).update();
		return completed;
	}

}

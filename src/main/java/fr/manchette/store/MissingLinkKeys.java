package fr.manchette.store;

import java.net.URI;
import java.util.List;
import java.util.Map;

import fr.manchette.dedup.Fingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The link keys of the items stored by a version that had none. */
@Repository
public class MissingLinkKeys {

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
	 * finds their story. Their stories stay as they are. Returns how many items it completed.
	 */
	public int complete() {
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
				String linkKey = Fingerprint.linkKeyOf(URI.create(row.getValue()));
				this.jdbc.sql(SET_LINK_KEY)
					.param("linkKey", linkKey)
					.param("linkHash", KeyHash.of(linkKey))
					.param("id", row.getKey())
					.update();
				completed++;
			}
		}
		return completed;
	}

}

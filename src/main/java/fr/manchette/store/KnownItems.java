package fr.manchette.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the store already holds of a source's items, by item key: for sources whose items say less each time they
 * are read than when first stored. A ticker shows "19:35" for an item that was today's yesterday, and an enriched
 * item's summary came from its article page, fetched once.
 */
@Repository
public class KnownItems {

	// Found as a poll's known items are (see ItemRepository.bySourceKeys).
	private static final String COLUMNS = "item_key, published_at, published_known, summary_html, summary_text";

	private final JdbcClient jdbc;

	private final KeyHashes hashes;

	KnownItems(JdbcClient jdbc, KeyHashes hashes) {
		this.jdbc = jdbc;
		this.hashes = hashes;
	}

	/**
	 * One stored item, as far as a new reading of it may need.
	 *
	 * @param published its publication time as first stored
	 * @param publishedKnown false when {@code published} is the time it was first seen
	 */
	public record KnownItem(Instant published, boolean publishedKnown, String summaryHtml, String summaryText) {
	}

	/** The stored items of {@code sourceId} among {@code itemKeys}; keys not stored are absent from the answer. */
	public Map<String, KnownItem> find(String sourceId, Collection<String> itemKeys) {
		Map<String, KnownItem> found = new HashMap<>();
		for (List<String> chunk : ManyRows.chunks(List.copyOf(itemKeys), ManyRows.KEYS_PER_QUERY)) {
			Statement find = ItemRepository.bySourceKeys(COLUMNS, sourceId, chunk, this.hashes.lookup());
			this.jdbc.sql(find.sql()).params(find.params()).query((row) -> {
				found.put(row.getString("item_key"),
						new KnownItem(Timestamps.read(row, "published_at"), row.getBoolean("published_known"),
								row.getString("summary_html"), row.getString("summary_text")));
			});
		}
		return found;
	}

}

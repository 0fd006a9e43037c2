package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.RelabelledItems;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of items by source, whose primary key is {@code (source_id, item_key)}, with the link key and headline of
 * each (and its date, if the table has one): the items the rules dropped, those retention deleted. A poll's item is
 * found there by its key, or under a new guid as the store finds a stored one ({@link RelabelledItems}): a remembered
 * item of its source with its link, headline and date (or no date) that the poll does not list under its own key.
 * Without that, a feed whose guids change at every fetch had its dropped items remembered again at every poll.
 * <p>
 * Asked at every poll of sources that mostly have none there: a short statement says so first, at half the cost of
 * looking up a poll's 30 keys (6 µs against 12 on H2, C1 only); a source with rows pays both, in one lookup of the
 * keys and links together.
 */
final class RememberedItems {

	private final JdbcClient jdbc;

	private final String any;

	private final String byKeys;

	private final String byKeysAndLinks;

	private final @Nullable String dateColumn;

	/**
	 * @param table the table's name
	 * @param value the column read with each item found
	 * @param dateColumn the item's date as its feed gave it (null if none), or null when the table has no date: its
	 * items had none
	 */
	RememberedItems(JdbcClient jdbc, String table, String value, @Nullable String dateColumn) {
		this.jdbc = jdbc;
		this.dateColumn = dateColumn;
		String columns = "item_key, " + value + " AS item_value, link_key, title"
				+ ((dateColumn != null) ? ", " + dateColumn : "");
		// The primary key, one probe of its first column.
		this.any = "SELECT 1 FROM " + table + " WHERE source_id = :source FETCH FIRST ROW ONLY";
		// The primary key, one probe per pair: with source_id = :source AND item_key IN (:keys), H2 reads every row of
		// the source and compares it with the list.
		String byKey = "SELECT " + columns + " FROM " + table + " WHERE (source_id, item_key) IN (:pairs)";
		this.byKeys = byKey;
		// <table>_link_idx, one probe per pair as well. Selected from, not run as it is: H2 keeps a parsed SELECT for
		// the next time the session runs it, never a UNION.
		this.byKeysAndLinks = "SELECT * FROM (" + byKey + " UNION ALL SELECT " + columns + " FROM " + table
				+ " WHERE (source_id, link_key) IN (:links)) remembered";
	}

	/**
	 * What the table has of these items of a poll, by the key of each item found: the key it has there (another one for
	 * an item under a new guid) and the value of that row.
	 * @param listed the keys of the poll's other items too, when it has several slices: remembered under one of them,
	 * a remembered item is the poll's item of that key, not another's under a new guid
	 */
	Map<String, Found> find(String sourceId, List<IdentifiedItem> items, Set<String> listed) {
		if (items.isEmpty()
				|| this.jdbc.sql(this.any).param("source", sourceId).query(Integer.class).optional().isEmpty()) {
			return Map.of();
		}
		// By key: any fixed order gives the same answer at every poll (RelabelledItems takes the first).
		Map<String, Row> rows = new TreeMap<>();
		for (List<IdentifiedItem> chunk : ManyRows.chunks(items, ManyRows.KEYS_PER_QUERY)) {
			List<String> keys = new ArrayList<>(chunk.size());
			Set<String> links = new HashSet<>();
			for (IdentifiedItem item : chunk) {
				keys.add(item.fingerprint().itemKey());
				String link = item.fingerprint().linkKey();
				if (link != null) {
					links.add(link);
				}
			}
			JdbcClient.StatementSpec find = links.isEmpty() ? this.jdbc.sql(this.byKeys)
					: this.jdbc.sql(this.byKeysAndLinks).param("links", ManyRows.pairs(sourceId, List.copyOf(links)));
			find.param("pairs", ManyRows.pairs(sourceId, keys)).query((row) -> {
				Instant published = (this.dateColumn != null) ? Timestamps.read(row, this.dateColumn) : null;
				rows.put(row.getString("item_key"), new Row(row.getString("item_value"), row.getString("link_key"),
						row.getString("title"), published));
			});
		}
		if (rows.isEmpty()) {
			return Map.of();
		}
		Set<String> known = new HashSet<>();
		List<RelabelledItems.Stored> underLinks = new ArrayList<>();
		rows.forEach((key, row) -> {
			if (row.linkKey() != null && row.title() != null) {
				underLinks.add(new RelabelledItems.Stored(key, null, row.linkKey(), row.title(),
						(row.published() != null) ? row.published() : Instant.EPOCH, row.published() != null));
			}
		});
		for (IdentifiedItem item : items) {
			if (rows.containsKey(item.fingerprint().itemKey())) {
				known.add(item.fingerprint().itemKey());
			}
		}
		List<IdentifiedItem> relabelled = RelabelledItems.relabel(items, known, underLinks, new HashSet<>(listed));
		Map<String, Found> found = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			String remembered = relabelled.get(i).fingerprint().itemKey();
			Row row = rows.get(remembered);
			if (row != null) {
				found.put(items.get(i).fingerprint().itemKey(), new Found(remembered, row.value()));
			}
		}
		return found;
	}

	/**
	 * A poll's item found in the table.
	 * @param itemKey its key there
	 * @param value the value read with it
	 */
	record Found(String itemKey, String value) {
	}

	private record Row(String value, @Nullable String linkKey, @Nullable String title, @Nullable Instant published) {
	}

}

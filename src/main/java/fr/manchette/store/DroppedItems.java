package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items the rules of feeds.yml dropped, by source and item key, with the rule that dropped each and a digest of
 * the rules then in force; found again under a new guid by their link, headline and date (see
 * {@link RememberedItems}). Nothing else reads this table: the outputs read only {@code item}, where a dropped item
 * never goes.
 */
@Repository
public class DroppedItems {

	private static final String FORGET = "DELETE FROM dropped_item WHERE source_id = :source AND item_key IN (:keys)";

	private static final String COUNTS = """
			SELECT source_id, rule, COUNT(*) AS items FROM dropped_item GROUP BY source_id, rule ORDER BY source_id, rule""";

	// dropped_item_at_idx
	private static final String PRUNE = "DELETE FROM dropped_item WHERE dropped_at < :cutoff";

	private final JdbcClient jdbc;

	private final RememberedItems drops;

	DroppedItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.drops = new RememberedItems(jdbc, "dropped_item", "rules_version", "published_at");
	}

	/**
	 * An item of a poll remembered as dropped.
	 * @param itemKey its key in the table: another than the poll's for an item under a new guid
	 * @param rulesVersion the digest of the rules that dropped it
	 */
	public record Remembered(String itemKey, String rulesVersion) {
	}

	/** An item the rules drop, and the rule that drops it. */
	public record Drop(IdentifiedItem item, String rule) {
	}

	/**
	 * What is remembered of each of these items of a poll that was dropped, by its key in the poll. {@code listed}
	 * holds the keys of all the poll's items when it has several slices (an item remembered under one of them is not
	 * taken for another under a new guid), else nothing.
	 */
	public Map<String, Remembered> find(String sourceId, List<IdentifiedItem> items, Set<String> listed) {
		Map<String, Remembered> found = new HashMap<>();
		this.drops.find(sourceId, items, listed)
			.forEach((key, row) -> found.put(key, new Remembered(row.itemKey(), row.value())));
		return found;
	}

	/**
	 * Remembers these items as dropped, each by its rule. An item remembered before under other rules is forgotten
	 * first ({@link #forget}).
	 */
	public void remember(String sourceId, List<Drop> drops, String rulesVersion, Instant droppedAt) {
		if (drops.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(drops.size());
		for (Drop drop : drops) {
			Item item = drop.item().item();
			String rule = drop.rule();
			rows.add(new Object[] { sourceId, drop.item().fingerprint().itemKey(),
					(rule.length() > 1000) ? rule.substring(0, 1000) : rule, rulesVersion, Timestamps.param(droppedAt),
					drop.item().fingerprint().linkKey(), item.title(),
					item.publishedKnown() ? Timestamps.param(item.published()) : null });
		}
		// ON CONFLICT: another instance polling the same source dropped it at the same moment.
		ManyRows.insert(this.jdbc,
				"dropped_item (source_id, item_key, rule, rules_version, dropped_at, link_key, title, published_at)",
				rows, "ON CONFLICT DO NOTHING");
	}

	/** Forgets these items, by their keys in the table: the rules in force keep them now, or drop them otherwise. */
	public void forget(String sourceId, Collection<String> itemKeys) {
		for (List<String> chunk : ManyRows.chunks(List.copyOf(itemKeys), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(FORGET).param("source", sourceId).param("keys", chunk).update();
		}
	}

	/** How many items each rule dropped, by source then rule. */
	public Map<String, Map<String, Long>> counts() {
		Map<String, Map<String, Long>> counts = new HashMap<>();
		this.jdbc.sql(COUNTS).query((row) -> {
			counts.computeIfAbsent(row.getString("source_id"), (id) -> new TreeMap<>())
				.put(row.getString("rule"), row.getLong("items"));
		});
		return counts;
	}

	/** Forgets the drops older than the retention: an item still in its feed then is judged again. */
	public int pruneOlderThan(Instant cutoff) {
		return this.jdbc.sql(PRUNE).param("cutoff", Timestamps.param(cutoff)).update();
	}

}

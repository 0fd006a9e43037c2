package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items the rules of feeds.yml dropped, by source and item key, with the rule that dropped each and a digest of
 * the rules then in force. Nothing else reads this table: the outputs read only {@code item}, where a dropped item
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

	private final KeysBySource drops;

	DroppedItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.drops = new KeysBySource(jdbc, "dropped_item", "rules_version");
	}

	/** The rules version under which each of these items was dropped; keys never dropped are absent. */
	public Map<String, String> find(String sourceId, Collection<String> itemKeys) {
		return this.drops.find(sourceId, itemKeys);
	}

	/**
	 * Remembers these items as dropped, each by its rule, replacing what was remembered of them under other rules.
	 * @param rules the rule that dropped each item, by item key
	 */
	public void remember(String sourceId, Map<String, String> rules, String rulesVersion, Instant droppedAt) {
		if (rules.isEmpty()) {
			return;
		}
		forget(sourceId, rules.keySet());
		List<Object[]> rows = new ArrayList<>(rules.size());
		rules.forEach((key, rule) -> rows.add(new Object[] { sourceId, key,
				(rule.length() > 1000) ? rule.substring(0, 1000) : rule, rulesVersion, Timestamps.param(droppedAt) }));
		// ON CONFLICT: another instance polling the same source dropped it at the same moment.
		ManyRows.insert(this.jdbc, "dropped_item (source_id, item_key, rule, rules_version, dropped_at)", rows,
				"ON CONFLICT DO NOTHING");
	}

	/** Forgets these items: the rules in force keep them now. */
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

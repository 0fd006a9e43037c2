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

	// dropped_item_pk, one probe of its first column: whether the source has any drop at all.
	private static final String ANY = "SELECT 1 FROM dropped_item WHERE source_id = :source FETCH FIRST ROW ONLY";

	// dropped_item_pk, one probe per pair: with source_id = :source AND item_key IN (:keys), H2 reads every drop of
	// the source and compares it with the list.
	private static final String FIND = """
			SELECT item_key, rules_version FROM dropped_item WHERE (source_id, item_key) IN (:pairs)""";

	private static final String FORGET = "DELETE FROM dropped_item WHERE source_id = :source AND item_key IN (:keys)";

	private static final String COUNTS = """
			SELECT source_id, rule, COUNT(*) AS items FROM dropped_item GROUP BY source_id, rule ORDER BY source_id, rule""";

	// dropped_item_at_idx
	private static final String PRUNE = "DELETE FROM dropped_item WHERE dropped_at < :cutoff";

	private final JdbcClient jdbc;

	DroppedItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rules version under which each of these items was dropped; keys never dropped are absent. Asked at every
	 * poll, rules or none (without rules, the drops found are forgotten), of sources that mostly have no drop: a short
	 * statement says so first, at half the cost of looking up a poll's 30 keys (6 µs against 12 on H2, C1 only); a
	 * source with drops pays both, 87 µs where the lookup by source and key list took 93 to 101 (100 drops each).
	 */
	public Map<String, String> find(String sourceId, Collection<String> itemKeys) {
		if (itemKeys.isEmpty() || !anyDropped(sourceId)) {
			return Map.of();
		}
		Map<String, String> found = new HashMap<>();
		for (List<String> chunk : ManyRows.chunks(List.copyOf(itemKeys), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(FIND).param("pairs", ManyRows.pairs(sourceId, chunk)).query((row) -> {
				found.put(row.getString(1), row.getString(2));
			});
		}
		return found;
	}

	private boolean anyDropped(String sourceId) {
		return this.jdbc.sql(ANY).param("source", sourceId).query(Integer.class).optional().isPresent();
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

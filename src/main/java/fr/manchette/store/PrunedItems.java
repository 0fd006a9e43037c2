package fr.manchette.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items without a date of their own that retention deleted (see {@link ItemPruner}), by source and item key, so
 * that a feed that still lists one does not have it stored again as new: dated when first seen, it would be the
 * newest of the lists. Remembered while polls list it, forgotten a retention after the last that did.
 */
@Repository
public class PrunedItems {

	private static final String SEEN = """
			UPDATE pruned_item SET seen_at = :at WHERE source_id = :source AND item_key IN (:keys)""";

	// pruned_item_seen_idx
	private static final String FORGET = "DELETE FROM pruned_item WHERE seen_at < :cutoff";

	private final JdbcClient jdbc;

	private final KeysBySource pruned;

	PrunedItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.pruned = new KeysBySource(jdbc, "pruned_item", "item_key");
	}

	/**
	 * Which of these keys of a poll are of items retention deleted; those are remembered as seen at {@code at}, for
	 * another retention.
	 */
	public Set<String> listedAgain(String sourceId, Collection<String> itemKeys, Instant at) {
		Set<String> found = this.pruned.find(sourceId, itemKeys).keySet();
		for (List<String> chunk : ManyRows.chunks(List.copyOf(found), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(SEEN)
				.param("at", Timestamps.param(at))
				.param("source", sourceId)
				.param("keys", chunk)
				.update();
		}
		return found;
	}

	/** Remembers items deleted now: {source id, item key} pairs. */
	void remember(List<String[]> items, Instant at) {
		if (items.isEmpty()) {
			return;
		}
		List<Object[]> rows = items.stream()
			.map((item) -> new Object[] { item[0], item[1], Timestamps.param(at) })
			.toList();
		// ON CONFLICT: pruned again after an older version stored it anew, or by two instances at once.
		ManyRows.insert(this.jdbc, "pruned_item (source_id, item_key, seen_at)", rows, "ON CONFLICT DO NOTHING");
	}

	/** Forgets the items that no poll has listed since the cutoff. */
	public int forgetOlderThan(Instant cutoff) {
		return this.jdbc.sql(FORGET).param("cutoff", Timestamps.param(cutoff)).update();
	}

}

package fr.manchette.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.manchette.dedup.IdentifiedItem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items without a date of their own that retention deleted (see {@link ItemPruner}), by source and item key, so
 * that a feed that still lists one does not have it stored again as new: dated when first seen, it would be the
 * newest of the lists. Remembered while polls list it, forgotten a retention after the last that did; found again
 * under a new guid by its link and headline (see {@link RememberedItems}).
 */
@Repository
public class PrunedItems {

	private static final String SEEN = """
			UPDATE pruned_item SET seen_at = :at WHERE source_id = :source AND item_key IN (:keys)""";

	// pruned_item_seen_idx
	private static final String FORGET = "DELETE FROM pruned_item WHERE seen_at < :cutoff";

	private final JdbcClient jdbc;

	private final RememberedItems pruned;

	PrunedItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.pruned = new RememberedItems(jdbc, "pruned_item", "item_key", null);
	}

	/**
	 * The keys of those of a poll's items that retention deleted; those are remembered as seen at {@code at}, for
	 * another retention. {@code listed} holds the keys of all the poll's items when it has several slices (an item
	 * remembered under one of them is not taken for another under a new guid), else nothing.
	 */
	public Set<String> listedAgain(String sourceId, List<IdentifiedItem> items, Set<String> listed, Instant at) {
		Map<String, RememberedItems.Found> found = this.pruned.find(sourceId, items, listed);
		Set<String> seen = new HashSet<>();
		found.values().forEach((item) -> seen.add(item.itemKey()));
		for (List<String> chunk : ManyRows.chunks(List.copyOf(seen), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(SEEN)
				.param("at", Timestamps.param(at))
				.param("source", sourceId)
				.param("keys", chunk)
				.update();
		}
		return found.keySet();
	}

	/** Remembers items deleted now. */
	void remember(List<Pruned> items, Instant at) {
		if (items.isEmpty()) {
			return;
		}
		List<Object[]> rows = items.stream()
			.map((item) -> new Object[] { item.sourceId(), item.itemKey(), Timestamps.param(at), item.linkKey(),
					item.title() })
			.toList();
		// ON CONFLICT: pruned again after an older version stored it anew, or by two instances at once.
		ManyRows.insert(this.jdbc, "pruned_item (source_id, item_key, seen_at, link_key, title)", rows,
				"ON CONFLICT DO NOTHING");
	}

	/** An undated item retention deletes, with what finds it again under a new guid. */
	record Pruned(String sourceId, String itemKey, @Nullable String linkKey, String title) {
	}

	/** Forgets the items that no poll has listed since the cutoff. */
	public int forgetOlderThan(Instant cutoff) {
		return this.jdbc.sql(FORGET).param("cutoff", Timestamps.param(cutoff)).update();
	}

}

package fr.manchette.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Takes out of the store the items that have outlived the retention, their words with them. */
@Repository
public class ItemPruner {

	// One small batch at a time, oldest first through item_sort_idx: no long lock, whatever the backlog.
	static final String PRUNE = """
			SELECT id, search_text, source_id, item_key, link_key, title, published_known FROM item
			 WHERE sort_at < :cutoff ORDER BY sort_at LIMIT :batch""";

	private static final String DELETE_IDS = "DELETE FROM item WHERE id IN (:ids)";

	// item_source_sort_idx, per source.
	private static final String COUNT_AGAIN = """
			UPDATE source_status SET item_count = (SELECT COUNT(*) FROM item WHERE item.source_id = source_status.source_id)""";

	static final int PRUNE_BATCH = 1000;

	private final JdbcClient jdbc;

	private final WordIndex words;

	private final StoreChanges changes;

	private final PrunedItems pruned;

	private final Clock clock;

	ItemPruner(JdbcClient jdbc, WordIndex words, StoreChanges changes, PrunedItems pruned, Clock clock) {
		this.jdbc = jdbc;
		this.words = words;
		this.changes = changes;
		this.pruned = pruned;
		this.clock = clock;
	}

	/**
	 * Deletes items sorted before the cutoff and their words, in batches of {@value #PRUNE_BATCH}, each statement
	 * committed on its own when no transaction is open; returns how many.
	 */
	public int pruneOlderThan(Instant cutoff) {
		int deleted = 0;
		while (true) {
			Map<Long, String> texts = new HashMap<>();
			List<PrunedItems.Pruned> undated = new ArrayList<>();
			this.jdbc.sql(PRUNE)
				.param("cutoff", Timestamps.param(cutoff))
				.param("batch", PRUNE_BATCH)
				.query((row) -> {
					texts.put(row.getLong("id"), row.getString("search_text"));
					if (!row.getBoolean("published_known")) {
						undated.add(new PrunedItems.Pruned(row.getString("source_id"), row.getString("item_key"),
								row.getString("link_key"), row.getString("title")));
					}
				});
			if (texts.isEmpty()) {
				break;
			}
			// Remembered first: a stop between the two leaves remembered an item still stored, past the retention
			// all the same, which the next prune deletes.
			this.pruned.remember(undated, this.clock.instant());
			// Items first: a stop between the two statements leaves words of no item, which no search returns.
			for (List<Long> chunk : ManyRows.chunks(List.copyOf(texts.keySet()), ManyRows.KEYS_PER_QUERY)) {
				deleted += this.jdbc.sql(DELETE_IDS).param("ids", chunk).update();
			}
			this.words.remove(texts);
			if (texts.size() < PRUNE_BATCH) {
				break;
			}
		}
		if (deleted > 0) {
			// The sources' item counts, kept by each poll, lost what was deleted: once, after the batches.
			this.jdbc.sql(COUNT_AGAIN).update();
			this.changes.changed();
		}
		return deleted;
	}

}

package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.manchette.dedup.StoryBands;
import fr.manchette.dedup.StoryCandidate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The story index: the band hashes of every recent headline ({@code story_band}), by which an incoming item finds
 * the few stored items that may tell its story. A lookup reads the rows of its {@value StoryBands#BANDS} bands
 * within the time window, through {@code story_band_idx}: its cost depends on how many headlines share a band, not
 * on how many items the store holds.
 */
final class StoryIndex {

	/** More candidates than this, and the ones sharing the most bands (the most alike) are kept. */
	static final int MAX_CANDIDATES = 50;

	// story_band_idx (band_hash, sort_at) finds the rows of each band in the window; item's primary key the rest.
	private static final String CANDIDATES = """
			SELECT i.id, i.source_id, i.story_key, i.title, i.sort_at
			  FROM (SELECT b.item_id, COUNT(*) AS hits
			          FROM story_band b
			         WHERE b.band_hash IN (:bands) AND b.sort_at >= :from AND b.sort_at <= :until
			         GROUP BY b.item_id) c
			  JOIN item i ON i.id = c.item_id
			 WHERE i.source_id <> :source
			 ORDER BY c.hits DESC, i.sort_at, i.id
			 LIMIT :max""";

	// story_band_item_idx
	private static final String REMOVE = "DELETE FROM story_band WHERE item_id = :item";

	// item_sort_idx picks the items, story_band_item_idx their bands.
	private static final String PRUNE = """
			DELETE FROM story_band
			 WHERE item_id IN (SELECT id FROM item WHERE sort_at >= :from AND sort_at < :cutoff)""";

	private static final String ADD = buildAdd();

	private final JdbcClient jdbc;

	StoryIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored items of other sources that share a band with {@code bands}, sorted in the window. */
	List<StoryCandidate> candidates(List<Long> bands, Instant from, Instant until, String sourceId) {
		if (bands.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(CANDIDATES)
			.param("bands", bands)
			.param("from", Timestamps.param(from))
			.param("until", Timestamps.param(until))
			.param("source", sourceId)
			.param("max", MAX_CANDIDATES)
			.query((row, n) -> new StoryCandidate(row.getLong("id"), row.getString("source_id"),
					row.getString("story_key"), row.getString("title"), Timestamps.read(row, "sort_at")))
			.list();
	}

	/** Indexes an item's headline. */
	void add(long itemId, Instant sortAt, List<Long> bands) {
		if (bands.size() != StoryBands.BANDS) {
			return;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("item", itemId);
		params.put("sortAt", Timestamps.param(sortAt));
		for (int i = 0; i < bands.size(); i++) {
			params.put("band" + i, bands.get(i));
		}
		this.jdbc.sql(ADD).params(params).update();
	}

	/** Indexes an item's edited headline in place of the old one. */
	void replace(long itemId, Instant sortAt, List<Long> bands) {
		this.jdbc.sql(REMOVE).param("item", itemId).update();
		add(itemId, sortAt, bands);
	}

	/** Forgets the headlines of items sorted in [from, cutoff): too old for any incoming item to match. */
	int prune(Instant from, Instant cutoff) {
		return this.jdbc.sql(PRUNE)
			.param("from", Timestamps.param(from))
			.param("cutoff", Timestamps.param(cutoff))
			.update();
	}

	/** One statement for all the bands of an item: one round trip, where one per band would be sixteen. */
	private static String buildAdd() {
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < StoryBands.BANDS; i++) {
			rows.add("(:band" + i + ", :sortAt, :item)");
		}
		return "INSERT INTO story_band (band_hash, sort_at, item_id) VALUES " + String.join(", ", rows);
	}

}

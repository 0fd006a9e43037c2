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
	static final int MAX_CANDIDATES = 16;

	/**
	 * Rows read per band at most, the nearest in time first: a band that thousands of headlines share (« milliards
	 * de dirhams ») costs no more than a rare one, and a near-duplicate shares several bands anyway.
	 */
	static final int PER_BAND = 40;

	// story_band_idx (band_hash, sort_at DESC), read in its order ("index sorted"), each band stopping at PER_BAND.
	private static final String NEAREST = buildNearest();

	// item's primary key
	private static final String CANDIDATES = """
			SELECT id, source_id, story_key, title, sort_at FROM item
			 WHERE id IN (:ids) AND source_id <> :source""";

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
		if (bands.size() != StoryBands.BANDS) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("from", Timestamps.param(from));
		params.put("until", Timestamps.param(until));
		params.put("perBand", PER_BAND);
		for (int i = 0; i < bands.size(); i++) {
			params.put("band" + i, bands.get(i));
		}
		Map<Long, Integer> hits = new HashMap<>();
		this.jdbc.sql(NEAREST).params(params).query((row) -> {
			hits.merge(row.getLong("item_id"), 1, Integer::sum);
		});
		if (hits.isEmpty()) {
			return List.of();
		}
		// The items sharing the most bands are the most alike; among equals, the latest stored.
		List<Long> ids = hits.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()
				.thenComparing(Map.Entry.<Long, Integer>comparingByKey().reversed()))
			.limit(MAX_CANDIDATES)
			.map(Map.Entry::getKey)
			.toList();
		return this.jdbc.sql(CANDIDATES)
			.param("ids", ids)
			.param("source", sourceId)
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

	/** One statement for the bands of a headline: a union of one bounded read per band. */
	private static String buildNearest() {
		List<String> reads = new ArrayList<>();
		for (int i = 0; i < StoryBands.BANDS; i++) {
			reads.add("(SELECT item_id FROM story_band WHERE band_hash = :band" + i
					+ " AND sort_at >= :from AND sort_at <= :until ORDER BY band_hash, sort_at DESC LIMIT :perBand)");
		}
		return String.join("\nUNION ALL\n", reads);
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

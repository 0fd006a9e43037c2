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

	// story_band_idx (band_hash, sort_at DESC), read in its order ("index sorted"), each band stopping at PER_BAND;
	// then item's primary key for the few items found. One statement, and a plain SELECT around the UNION, because
	// H2 caches the plan of a SELECT but parses a bare UNION anew each time (half the cost of a lookup).
	private static final String CANDIDATES = buildCandidates();

	// story_band_item_idx
	private static final String REMOVE = "DELETE FROM story_band WHERE item_id IN (:items)";

	// item_sort_idx (sort_at, id): the next items after the last one pruned, in its order, a batch at a time.
	private static final String NEXT_ITEMS = """
			SELECT id, sort_at FROM item
			 WHERE sort_at >= :at AND (sort_at > :at OR id > :id) AND sort_at < :cutoff
			 ORDER BY sort_at, id
			 LIMIT :batch""";

	/** Items whose bands one DELETE drops: some thousands of rows, never a long lock. */
	static final int ITEMS_PER_DELETE = 500;

	private final JdbcClient jdbc;

	StoryIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The stored items that share the most bands with {@code bands} (the most alike), sorted in the window, at most
	 * {@value #MAX_CANDIDATES}, among equals the latest stored; then those of other sources among them.
	 */
	List<StoryCandidate> candidates(List<Long> bands, Instant from, Instant until, String sourceId) {
		if (bands.size() != StoryBands.BANDS) {
			return List.of();
		}
		Statement candidates = candidatesStatement(bands, from, until, sourceId);
		return this.jdbc.sql(candidates.sql())
			.params(candidates.params())
			.query((row, n) -> new StoryCandidate(row.getLong("id"), row.getString("source_id"),
					row.getString("story_key"), row.getString("title"), Timestamps.read(row, "sort_at")))
			.list();
	}

	/** The statement behind {@link #candidates}, also read by the benchmark that prints its plan. */
	static Statement candidatesStatement(List<Long> bands, Instant from, Instant until, String sourceId) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", Timestamps.param(from));
		params.put("until", Timestamps.param(until));
		params.put("perBand", PER_BAND);
		params.put("source", sourceId);
		params.put("max", MAX_CANDIDATES);
		for (int i = 0; i < bands.size(); i++) {
			params.put("band" + i, bands.get(i));
		}
		return new Statement(CANDIDATES, params);
	}

	/** Indexes these headlines: a few statements however many there are (those without bands are skipped). */
	void add(List<IndexedHeadline> headlines) {
		List<Object[]> rows = new ArrayList<>();
		for (IndexedHeadline headline : headlines) {
			if (headline.bands().size() == StoryBands.BANDS) {
				Object sortAt = Timestamps.param(headline.sortAt());
				headline.bands().forEach((band) -> rows.add(new Object[] { band, sortAt, headline.itemId() }));
			}
		}
		ManyRows.insert(this.jdbc, "story_band (band_hash, sort_at, item_id)", rows, "");
	}

	/** Indexes edited headlines in place of their old ones. */
	void replace(List<IndexedHeadline> headlines) {
		for (List<IndexedHeadline> chunk : ManyRows.chunks(headlines, ITEMS_PER_DELETE)) {
			this.jdbc.sql(REMOVE).param("items", chunk.stream().map(IndexedHeadline::itemId).toList()).update();
		}
		add(headlines);
	}

	/**
	 * Forgets the headlines of items sorted in [from, cutoff): too old for any incoming item to match. Walks those
	 * items {@value #ITEMS_PER_DELETE} at a time, each batch's delete committed on its own when no transaction is open,
	 * so that no statement holds locks for long however much there is to prune.
	 */
	int prune(Instant from, Instant cutoff) {
		int dropped = 0;
		Instant at = from;
		long after = 0;
		while (true) {
			List<Place> items = this.jdbc.sql(NEXT_ITEMS)
				.param("at", Timestamps.param(at))
				.param("id", after)
				.param("cutoff", Timestamps.param(cutoff))
				.param("batch", ITEMS_PER_DELETE)
				.query((row, n) -> new Place(row.getLong("id"), Timestamps.read(row, "sort_at")))
				.list();
			if (items.isEmpty()) {
				return dropped;
			}
			dropped += this.jdbc.sql(REMOVE).param("items", items.stream().map(Place::itemId).toList()).update();
			Place last = items.get(items.size() - 1);
			at = last.sortAt();
			after = last.itemId();
		}
	}

	/** The band rows of a headline (a union of one bounded read per band), counted per item, then those items. */
	private static String buildCandidates() {
		List<String> reads = new ArrayList<>();
		for (int i = 0; i < StoryBands.BANDS; i++) {
			reads.add("(SELECT item_id FROM story_band WHERE band_hash = :band" + i
					+ " AND sort_at >= :from AND sort_at <= :until ORDER BY band_hash, sort_at DESC LIMIT :perBand)");
		}
		// The best few are chosen before the join: reading the rows of all the items found (hundreds, where many
		// headlines share a band) cost more than the rest of the lookup.
		return """
				SELECT i.id, i.source_id, i.story_key, i.title, i.sort_at
				  FROM (SELECT n.item_id, COUNT(*) AS hits FROM (%s) n
				         GROUP BY n.item_id
				         ORDER BY hits DESC, n.item_id DESC
				         LIMIT :max) h
				  JOIN item i ON i.id = h.item_id
				 WHERE i.source_id <> :source
				 ORDER BY h.hits DESC, i.id DESC""".formatted(String.join("\nUNION ALL\n", reads));
	}

	/** An item's headline as the index keeps it: its band hashes, at the item's place in time. */
	record IndexedHeadline(long itemId, Instant sortAt, List<Long> bands) {
	}

	/** Where an item stands in item_sort_idx. */
	private record Place(long itemId, Instant sortAt) {
	}

}

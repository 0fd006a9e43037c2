package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.IdentifiedItem;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items of every source, as polls write them. Uniqueness is the schema's job: {@code item_source_key} settles any
 * race. A poll is stored in a few statements whatever its size: its known keys in one query, the stories of its links
 * in one, its new items in one multi-row insert (their words are indexed later, see {@link WordIndex}), its edits
 * in one batch. Which story an item joins is decided before (dedup's {@link fr.manchette.dedup.StoryAssigner}); the
 * store only keeps it. The story window reads them through {@link StoredHeadlines}, the outputs through
 * {@link StoryQueries}; retention takes them out through {@link ItemPruner}.
 */
@Repository
public class ItemRepository {

	// item_source_key, one probe per pair: H2 reads "source_id = ? AND item_key IN (…)" as a scan of the source's
	// items (a thousand per source at a million items), since it takes an IN list on the first column of an index only.
	static final String KNOWN = """
			SELECT id, item_key, content_hash, sort_at FROM item WHERE (source_id, item_key) IN (:keys)""";

	// item_link_idx: every item stored under these links, in any source; the first of each link gives its story.
	static final String STORIES_OF_LINKS = """
			SELECT id, link_key, story_key, sort_at FROM item WHERE link_key IN (:keys)""";

	// story_lock's one row, locked until the transaction ends: story steps take turns, whichever instance runs them.
	private static final String LOCK_STORIES = "UPDATE story_lock SET locked_at = :now WHERE id = 1";

	private static final String COUNT_BY_SOURCE = "SELECT source_id, COUNT(*) AS items FROM item GROUP BY source_id";

	private static final String SEARCH_TEXTS = "SELECT id, search_text FROM item WHERE id IN (:ids)";

	private final JdbcClient jdbc;

	private final StoreChanges changes;

	private final WordIndex words;

	private final NamedParameterJdbcTemplate batch;

	ItemRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, StoreChanges changes, WordIndex words) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.changes = changes;
		this.words = words;
	}

	/**
	 * What the source already has of one poll's items: one query through item_source_key. Those not stored are
	 * fresh; those stored whose content changed are edited; the others are left out.
	 */
	public PollItems sort(String sourceId, List<IdentifiedItem> items) {
		Map<String, Known> known = new HashMap<>();
		List<Object[]> keys = ManyRows.pairs(sourceId,
				items.stream().map((item) -> item.fingerprint().itemKey()).toList());
		for (List<Object[]> chunk : ManyRows.chunks(keys, ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(KNOWN).param("keys", chunk).query((row) -> {
				known.put(row.getString("item_key"), new Known(row.getLong("id"), row.getString("content_hash"),
						Timestamps.read(row, "sort_at")));
			});
		}
		List<IdentifiedItem> fresh = new ArrayList<>();
		List<EditedItem> edited = new ArrayList<>();
		for (IdentifiedItem item : items) {
			Known stored = known.get(item.fingerprint().itemKey());
			if (stored == null) {
				fresh.add(item);
			}
			else if (!ContentHash.matches(stored.contentHash(), item)) {
				edited.add(new EditedItem(stored.id(), stored.sortAt(), item));
			}
		}
		return new PollItems(fresh, edited);
	}

	/**
	 * The story of each of these links: that of the first item stored under it, in any source. One query through
	 * item_link_idx for a poll's links.
	 */
	public Map<String, String> storiesOfLinks(Collection<String> linkKeys) {
		Map<String, LinkedStory> first = new HashMap<>();
		for (List<String> chunk : ManyRows.chunks(List.copyOf(new LinkedHashSet<>(linkKeys)), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(STORIES_OF_LINKS).param("keys", chunk).query((row) -> {
				LinkedStory story = new LinkedStory(row.getLong("id"), Timestamps.read(row, "sort_at"),
						row.getString("story_key"));
				first.merge(row.getString("link_key"), story, (x, y) -> x.before(y) ? x : y);
			});
		}
		Map<String, String> stories = new HashMap<>();
		first.forEach((link, story) -> stories.put(link, story.storyKey()));
		return stories;
	}

	/**
	 * Takes the store's story lock until the caller's transaction ends: the story steps of every instance sharing
	 * the database take turns, so that each decides with every item stored before it in view, and item ids are
	 * handed out in the order of the turns.
	 */
	public void lockStories(Instant now) {
		this.jdbc.sql(LOCK_STORIES).param("now", Timestamps.param(now)).update();
	}

	/**
	 * Inserts a poll's new items: a few statements however many there are. Call it inside
	 * the poll's transaction. Returns the ids of the items inserted by item key.
	 */
	public Map<String, Long> insert(String sourceId, List<AssignedItem> items, Instant seenAt) {
		if (items.isEmpty()) {
			return Map.of();
		}
		List<Object[]> rows = new ArrayList<>(items.size());
		for (AssignedItem assigned : items) {
			rows.add(ItemRow.values(sourceId, assigned, seenAt));
		}
		// ON CONFLICT: a poll of the same source by another instance stored it since we looked (a lease ran out).
		// The rows inserted come back with their ids, those skipped do not.
		Map<String, Long> ids = new HashMap<>();
		ManyRows.insert(this.jdbc, ItemRow.INSERT_INTO, rows, "ON CONFLICT DO NOTHING", (key) -> {
			ids.put((String) key.get("item_key"), ((Number) key.get("id")).longValue());
		}, "id", "item_key");
		if (!ids.isEmpty()) {
			this.changes.changed();
		}
		return ids;
	}

	/**
	 * Updates the rows of edited items, and their words: one batched statement. Their places and stories stay.
	 * Returns how many rows changed.
	 */
	public int update(List<EditedItem> edited, Instant seenAt) {
		if (edited.isEmpty()) {
			return 0;
		}
		MapSqlParameterSource[] params = new MapSqlParameterSource[edited.size()];
		Map<Long, String> before = searchTexts(edited.stream().map(EditedItem::id).toList());
		Map<Long, String> texts = new HashMap<>();
		for (int i = 0; i < edited.size(); i++) {
			EditedItem item = edited.get(i);
			params[i] = ItemRow.edit(item, seenAt);
			texts.put(item.id(), ItemRow.searchText(item.identified().item()));
		}
		int updated = Arrays.stream(this.batch.batchUpdate(ItemRow.UPDATE, params)).map((n) -> Math.max(n, 0)).sum();
		this.words.replace(before, texts);
		if (updated > 0) {
			this.changes.changed();
		}
		return updated;
	}

	/**
	 * Items of each source, counted in the store: a scan of every item. Health lines read the counts each poll keeps
	 * ({@link SourceStatusRepository#itemCounts}).
	 */
	public Map<String, Long> countBySource() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql(COUNT_BY_SOURCE).query((row) -> {
			counts.put(row.getString("source_id"), row.getLong("items"));
		});
		return counts;
	}

	/** The search texts of these items, as stored: the words their edit replaces. */
	private Map<Long, String> searchTexts(List<Long> ids) {
		Map<Long, String> texts = new HashMap<>();
		for (List<Long> chunk : ManyRows.chunks(ids, ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(SEARCH_TEXTS).param("ids", chunk).query((row) -> {
				texts.put(row.getLong("id"), row.getString("search_text"));
			});
		}
		return texts;
	}

	/** A stored item as its source's next poll compares it. */
	private record Known(long id, String contentHash, Instant sortAt) {
	}

	/** The story of an item stored under a link, and its place: the first of a link gives the link's story. */
	private record LinkedStory(long id, Instant sortAt, String storyKey) {

		boolean before(LinkedStory other) {
			int bySort = this.sortAt.compareTo(other.sortAt);
			return (bySort != 0) ? bySort < 0 : this.id < other.id;
		}

	}

}

package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.RelabelledItems;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items of every source, as polls write them. Uniqueness is the schema's job: {@code item_source_hash_key}
 * settles any race (and {@code item_source_key} too in a store whose older items lack their hashes, see
 * {@link KeyHashes}), the story lock that of the rare key stored without its hash (see {@link #insert}). A poll is
 * stored in a few statements: its known keys in one query per 500 (and its source's items under the links of the
 * items it does not know, in one more), the stories of its links in one per 500, its new items in one multi-row
 * insert per 1 000 (their words are indexed later, see {@link WordIndex}), its edits in one batch. Which story an
 * item joins is decided before (dedup's {@link fr.manchette.dedup.StoryAssigner}); the
 * store only keeps it. The story window reads them through {@link StoredHeadlines}, the outputs through
 * {@link StoryQueries}; retention takes them out through {@link ItemPruner}.
 */
@Repository
public class ItemRepository {

	static final String KNOWN_COLUMNS = "id, item_key, content_hash, sort_at";

	// item_source_hash_key, one probe per pair: H2 reads "source_id = ? AND item_hash IN (…)" as a scan of the
	// source's items (a thousand per source at a million items), since it takes an IN list on the first column of an
	// index only. The full keys are compared too (see KeyHash). Then the few keys stored without their hash, as
	// another key of the source has it (see insert). The union is selected from, not run as it is: H2 keeps a parsed
	// SELECT for the next time the session runs it, never a UNION, which it parsed again for every poll (a sixth of
	// the sort's CPU).
	private static final String BY_HASHES = """
			SELECT %1$s FROM (
			SELECT %1$s FROM item WHERE (source_id, item_hash) IN (:pairs) AND item_key IN (:keys)
			UNION ALL
			SELECT %1$s FROM item WHERE source_id = :source AND item_hash IS NULL AND item_key IN (:keys)) known""";

	// PostgreSQL: BY_HASHES with the keys and their hashes as two arrays, one range of item_source_hash_key for the
	// source and a probe for each hash. The same text and three parameters whatever the poll's size: PostgreSQL then
	// plans it for a connection's first few polls only, where it planned the list of pairs (a BitmapOr of an index
	// scan per pair) anew at every poll, in five times the time it ran.
	private static final String BY_HASH_ARRAYS = """
			SELECT %1$s FROM item WHERE source_id = :source AND item_hash = ANY(:hashes) AND item_key = ANY(:keys)
			UNION ALL
			SELECT %1$s FROM item WHERE source_id = :source AND item_hash IS NULL AND item_key = ANY(:keys)""";

	// item_source_key, as BY_HASHES, while items stored before the hashes lack theirs (see KeyHashes).
	private static final String BY_KEYS = "SELECT %s FROM item WHERE (source_id, item_key) IN (:pairs)";

	// Every item stored under these links, in any source; the first of each link gives its story. Those whose link
	// names their story (most: an item starts the story of its link) through item_story_hash_idx, the others through
	// item_link_hash_idx, which only they enter (see ItemRow.linkHash); an item stored before that is in both, and
	// counted once as the first of its link. Selected from, as BY_HASHES.
	static final String STORIES_OF_LINKS = """
			SELECT id, link_key, story_key, sort_at FROM (
			SELECT id, link_key, story_key, sort_at FROM item WHERE link_hash IN (:hashes) AND link_key IN (:keys)
			UNION ALL
			SELECT id, link_key, story_key, sort_at FROM item
			 WHERE story_hash IN (:hashes) AND story_key IN (:keys) AND link_key = story_key) linked""";

	// PostgreSQL: STORIES_OF_LINKS with arrays, planned once per connection as BY_HASH_ARRAYS is. "link_hash IS NOT
	// NULL" is item_link_hash_idx's own condition, which lets it be used whatever the array holds.
	static final String STORIES_OF_LINK_ARRAYS = """
			SELECT id, link_key, story_key, sort_at FROM item
			 WHERE link_hash = ANY(:hashes) AND link_hash IS NOT NULL AND link_key = ANY(:keys)
			UNION ALL
			SELECT id, link_key, story_key, sort_at FROM item
			 WHERE story_hash = ANY(:hashes) AND story_key = ANY(:keys) AND link_key = story_key""";

	// item_link_idx, while items stored before the hashes lack theirs.
	private static final String STORIES_OF_LINK_KEYS = """
			SELECT id, link_key, story_key, sort_at FROM item WHERE link_key IN (:keys)""";

	static final String UNDER_LINKS_COLUMNS = KNOWN_COLUMNS
			+ ", source_id, guid, link_key, title, published_at, published_known";

	// The items under these links, in any source, for the items of a poll whose keys its source does not know (see
	// RelabelledItems): through the indexes STORIES_OF_LINKS reads, the few of other sources left out after. Not
	// "AND source_id = :source": H2 then reads the source's items through item_source_hash_key instead. An item stored
	// before the link hashes were left out of item_link_hash_idx is in both, and read twice.
	static final String UNDER_LINKS = """
			SELECT %1$s FROM (
			SELECT %1$s FROM item WHERE link_hash IN (:hashes) AND link_key IN (:keys)
			UNION ALL
			SELECT %1$s FROM item WHERE story_hash IN (:hashes) AND story_key IN (:keys) AND link_key = story_key
			) linked""".formatted(UNDER_LINKS_COLUMNS);

	// PostgreSQL: UNDER_LINKS with arrays, as STORIES_OF_LINK_ARRAYS.
	static final String UNDER_LINK_ARRAYS = """
			SELECT %1$s FROM item WHERE link_hash = ANY(:hashes) AND link_hash IS NOT NULL AND link_key = ANY(:keys)
			UNION ALL
			SELECT %1$s FROM item WHERE story_hash = ANY(:hashes) AND story_key = ANY(:keys) AND link_key = story_key
			""".formatted(UNDER_LINKS_COLUMNS);

	// item_link_idx, while items stored before the hashes lack theirs.
	private static final String UNDER_LINK_KEYS = """
			SELECT %s FROM item WHERE link_key IN (:keys)""".formatted(UNDER_LINKS_COLUMNS);

	// story_lock's one row, locked until the transaction ends: story steps take turns, whichever instance runs them.
	private static final String LOCK_STORIES = "UPDATE story_lock SET locked_at = :now WHERE id = 1";

	// PostgreSQL: the same, answering the last item id and headline edit number the sequences handed out. The
	// subqueries are run once the row is locked (PostgreSQL waits for the lock first, then makes the row it returns),
	// and a sequence is read as it is now, not as of the statement's start: every number handed out by the steps that
	// held the lock before, committed or rolled back, is counted.
	private static final String LOCK_STORIES_AFTER_IDS = LOCK_STORIES + """

			RETURNING (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM item_id_seq) AS item_id,
			          (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM headline_edit_id_seq) AS edit_id""";

	private static final String COUNT_BY_SOURCE = "SELECT source_id, COUNT(*) AS items FROM item GROUP BY source_id";

	private static final String BEFORE_EDIT = "SELECT id, search_text, title FROM item WHERE id IN (:ids)";

	private final JdbcClient jdbc;

	private final StoreChanges changes;

	private final WordIndex words;

	private final NamedParameterJdbcTemplate batch;

	private final KeyHashes hashes;

	private final YoungStoreStatistics statistics;

	private final StoreEngineOnce engine;

	private final HeadlineEdits edits;

	ItemRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, StoreChanges changes, WordIndex words,
			KeyHashes hashes, YoungStoreStatistics statistics, HeadlineEdits edits) {
		this.jdbc = jdbc;
		this.edits = edits;
		this.hashes = hashes;
		this.statistics = statistics;
		this.engine = new StoreEngineOnce(batch.getJdbcOperations());
		this.batch = batch;
		this.changes = changes;
		this.words = words;
	}

	/**
	 * What the source already has of one poll's items: one query through item_source_hash_key. Those not stored are
	 * fresh; those stored whose content changed are edited; the others are left out. An item whose key is not stored
	 * may be a stored item under a new guid ({@link RelabelledItems}): the source's items under the links of such
	 * items are read in one more query, and an item that is one of them is sorted as that one.
	 */
	public PollItems sort(String sourceId, List<IdentifiedItem> items) {
		return sort(sourceId, items, new HashSet<>());
	}

	/**
	 * The same for one slice of a poll: {@code listed} holds the keys of its slices before this one, and of the
	 * stored items they took over under a new guid; this slice's are added to it (see {@link RelabelledItems}).
	 */
	public PollItems sort(String sourceId, List<IdentifiedItem> items, Set<String> listed) {
		items.forEach((item) -> listed.add(item.fingerprint().itemKey()));
		Map<String, Known> known = new HashMap<>();
		List<String> keys = items.stream().map((item) -> item.fingerprint().itemKey()).toList();
		for (List<String> chunk : ManyRows.chunks(keys, ManyRows.KEYS_PER_QUERY)) {
			Statement statement = bySourceKeys(KNOWN_COLUMNS, sourceId, chunk, this.hashes.lookup());
			this.jdbc.sql(statement.sql()).params(statement.params()).query((row) -> {
				known.put(row.getString("item_key"), Known.read(row));
			});
		}
		List<IdentifiedItem> sorted = relabelled(sourceId, items, known, listed);
		List<IdentifiedItem> fresh = new ArrayList<>();
		List<EditedItem> edited = new ArrayList<>();
		for (IdentifiedItem item : sorted) {
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
	 * The poll's items, those that are stored items of the source under a new guid given their identity, which
	 * {@code known} gets. Read only when some item with a link is not known: a poll with new items, or of a feed whose
	 * guids change.
	 */
	private List<IdentifiedItem> relabelled(String sourceId, List<IdentifiedItem> items, Map<String, Known> known,
			Set<String> listed) {
		List<String> links = new ArrayList<>();
		for (IdentifiedItem item : items) {
			String link = item.fingerprint().linkKey();
			if (link != null && !known.containsKey(item.fingerprint().itemKey())) {
				links.add(link);
			}
		}
		if (links.isEmpty()) {
			return items;
		}
		Map<Long, RelabelledItems.Stored> stored = new TreeMap<>();
		Map<String, Known> underLinks = new HashMap<>();
		KeyLookup lookup = this.hashes.lookup();
		for (List<String> chunk : ManyRows.chunks(List.copyOf(new LinkedHashSet<>(links)), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(lookup.sql(UNDER_LINK_KEYS, UNDER_LINKS, UNDER_LINK_ARRAYS))
				.params(lookup.params(chunk))
				.query((row) -> {
					if (!sourceId.equals(row.getString("source_id"))) {
						return;
					}
					String itemKey = row.getString("item_key");
					stored.put(row.getLong("id"), new RelabelledItems.Stored(itemKey, row.getString("guid"),
							row.getString("link_key"), row.getString("title"), Timestamps.read(row, "published_at"),
							row.getBoolean("published_known")));
					underLinks.put(itemKey, Known.read(row));
				});
		}
		// By id: in the order they were stored.
		List<IdentifiedItem> relabelled = RelabelledItems.relabel(items, known.keySet(), stored.values(), listed);
		underLinks.forEach(known::putIfAbsent);
		return relabelled;
	}

	/**
	 * The story of each of these links: that of the first item stored under it, in any source. One query through
	 * item_story_hash_idx and item_link_hash_idx for a poll's links.
	 */
	public Map<String, String> storiesOfLinks(Collection<String> linkKeys) {
		Map<String, LinkedStory> first = new HashMap<>();
		KeyLookup lookup = this.hashes.lookup();
		for (List<String> chunk : ManyRows.chunks(List.copyOf(new LinkedHashSet<>(linkKeys)), ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(lookup.sql(STORIES_OF_LINK_KEYS, STORIES_OF_LINKS, STORIES_OF_LINK_ARRAYS))
				.params(lookup.params(chunk))
				.query((row) -> {
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
	 * the database take turns, so that each decides with every item stored before it in view, and item ids and
	 * headline edit numbers are handed out in the order of the turns.
	 * @return on PostgreSQL, the last item id and edit number handed out before the lock was taken (0 if none): no
	 * item was stored, no headline edited since those were seen; on H2, empty
	 */
	public Optional<HandedOut> lockStories(Instant now) {
		if (this.engine.get() == StoreEngine.POSTGRESQL) {
			return Optional.of(this.jdbc.sql(LOCK_STORIES_AFTER_IDS)
				.param("now", Timestamps.param(now))
				.query((row, n) -> new HandedOut(row.getLong("item_id"), row.getLong("edit_id")))
				.single());
		}
		this.jdbc.sql(LOCK_STORIES).param("now", Timestamps.param(now)).update();
		return Optional.empty();
	}

	/**
	 * What the store had handed out when the story lock was taken.
	 *
	 * @param lastItemId the last item id
	 * @param lastEditId the last headline edit's number ({@link HeadlineEdits})
	 */
	public record HandedOut(long lastItemId, long lastEditId) {

	}

	/**
	 * Inserts a poll's new items: a few statements however many there are. Call it inside the poll's transaction,
	 * holding the story lock ({@link #lockStories}). Returns the ids of the items inserted by item key.
	 * <p>
	 * A key whose hash another key of the source already has (two keys sharing their first 64 bits) is stored without
	 * its hash, and found by its full key (see {@link #sort}). The schema cannot settle a race for such a key; the
	 * story lock does: the step that stores one holds it until its transaction ends, and the next step looks it up
	 * under the lock before storing it again.
	 */
	public Map<String, Long> insert(String sourceId, List<AssignedItem> items, Instant seenAt) {
		return insert(rows(sourceId, items.stream().map(AssignedItem::identified).toList(), seenAt), items, () -> {
		});
	}

	/**
	 * The rows of a poll's new items but for their places and stories: their search text, content hash and the
	 * rest, made before the story lock, which every poll waits for, so that the insert under it does no more than
	 * write them (a sixth of the lock's CPU, on the benchmark's cold pass).
	 */
	public NewRows rows(String sourceId, List<IdentifiedItem> fresh, Instant seenAt) {
		List<Object[]> rows = new ArrayList<>(fresh.size());
		for (IdentifiedItem identified : fresh) {
			rows.add(ItemRow.values(sourceId, identified, seenAt));
		}
		return new NewRows(sourceId, rows);
	}

	/**
	 * Inserts a poll's new items, their rows made before by {@link #rows} from the same items in the same order;
	 * otherwise as {@link #insert(String, List, Instant)}. It runs {@code check} before each statement (a thousand
	 * rows): what it throws ends the insert, whose transaction then rolls back. A poll of 9 000 new items is nine
	 * statements, some seconds in all, and the service's stop may give up waiting for it.
	 */
	public Map<String, Long> insert(NewRows made, List<AssignedItem> items, Runnable check) {
		if (items.size() != made.rows().size()) {
			throw new IllegalArgumentException("Rows made for " + made.rows().size() + " items, not " + items.size());
		}
		if (items.isEmpty()) {
			return Map.of();
		}
		String sourceId = made.sourceId();
		List<Object[]> rows = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			rows.add(ItemRow.placed(made.rows().get(i), items.get(i)));
		}
		Map<String, Long> ids = new HashMap<>();
		for (List<Object[]> statement : ManyRows.chunks(rows, ManyRows.PER_STATEMENT)) {
			check.run();
			ids.putAll(insertRows(statement));
		}
		if (ids.size() < rows.size()) {
			List<Object[]> collisions = collisions(sourceId, rows, ids.keySet());
			ids.putAll(insertRows(collisions.stream().map(ItemRow::withoutItemHash).toList()));
		}
		if (!ids.isEmpty()) {
			this.changes.changed();
			this.statistics.inserted(ids.values());
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
		Map<Long, Stored> before = beforeEdit(edited.stream().map(EditedItem::id).toList());
		Map<Long, String> texts = new HashMap<>();
		List<Long> retitled = new ArrayList<>();
		for (int i = 0; i < edited.size(); i++) {
			EditedItem item = edited.get(i);
			params[i] = ItemRow.edit(item, seenAt);
			texts.put(item.id(), ItemRow.searchText(item.identified().item()));
			Stored stored = before.get(item.id());
			if (stored != null && !Objects.equals(stored.title(), item.identified().item().title())) {
				retitled.add(item.id());
			}
		}
		if (!retitled.isEmpty()) {
			// Numbered in the order of the lock's turns, as item ids are: other instances read them in that order.
			lockStories(seenAt);
		}
		int updated = Arrays.stream(this.batch.batchUpdate(ItemRow.UPDATE, params)).map((n) -> Math.max(n, 0)).sum();
		this.edits.record(retitled, seenAt);
		Map<Long, String> searchTexts = new HashMap<>();
		before.forEach((id, stored) -> searchTexts.put(id, stored.searchText()));
		this.words.replace(searchTexts, texts);
		if (updated > 0) {
			this.changes.changed();
		}
		return updated;
	}

	/**
	 * The statement that finds some of a source's items by their keys, selecting {@code columns}: through the hashes
	 * once every item has them ({@link KeyHashes#lookup}), through the full keys until then.
	 */
	static Statement bySourceKeys(String columns, String sourceId, List<String> itemKeys, KeyLookup lookup) {
		return switch (lookup) {
			case FULL_KEYS -> new Statement(BY_KEYS.formatted(columns),
					Map.of("pairs", ManyRows.pairs(sourceId, itemKeys)));
			case HASH_LISTS -> new Statement(BY_HASHES.formatted(columns), Map.of("pairs",
					ManyRows.pairs(sourceId, KeyHash.of(itemKeys)), "keys", itemKeys, "source", sourceId));
			case HASH_ARRAYS -> {
				Map<String, Object> params = new HashMap<>(lookup.params(itemKeys));
				params.put("source", sourceId);
				yield new Statement(BY_HASH_ARRAYS.formatted(columns), params);
			}
		};
	}

	/**
	 * Inserts these rows, skipping those the schema refuses: an item that a poll of the same source by another
	 * instance stored since this one looked (a lease ran out), or a key whose hash another key of the source has.
	 * The rows inserted come back with their ids, those skipped do not.
	 */
	private Map<String, Long> insertRows(List<Object[]> rows) {
		Map<String, Long> ids = new HashMap<>();
		ManyRows.insert(this.jdbc, ItemRow.INSERT_INTO, rows, "ON CONFLICT DO NOTHING", (key) -> {
			ids.put((String) key.get("item_key"), ((Number) key.get("id")).longValue());
		}, "id", "item_key");
		return ids;
	}

	/** Of the rows not inserted, those whose keys are not stored: their hashes were another key's. */
	private List<Object[]> collisions(String sourceId, List<Object[]> rows, Set<String> inserted) {
		Map<String, Object[]> skipped = new LinkedHashMap<>();
		for (Object[] row : rows) {
			String key = (String) row[1];
			if (!inserted.contains(key)) {
				skipped.put(key, row);
			}
		}
		for (List<String> chunk : ManyRows.chunks(List.copyOf(skipped.keySet()), ManyRows.KEYS_PER_QUERY)) {
			Statement stored = bySourceKeys("item_key", sourceId, chunk, this.hashes.lookup());
			this.jdbc.sql(stored.sql())
				.params(stored.params())
				.query(String.class)
				.list()
				.forEach(skipped::remove);
		}
		return List.copyOf(skipped.values());
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

	/** These items as stored: the words their edit replaces, and the headline it may change. */
	private Map<Long, Stored> beforeEdit(List<Long> ids) {
		Map<Long, Stored> stored = new HashMap<>();
		for (List<Long> chunk : ManyRows.chunks(ids, ManyRows.KEYS_PER_QUERY)) {
			this.jdbc.sql(BEFORE_EDIT).param("ids", chunk).query((row) -> {
				stored.put(row.getLong("id"), new Stored(row.getString("search_text"), row.getString("title")));
			});
		}
		return stored;
	}

	/** A stored item as its edit finds it. */
	private record Stored(String searchText, String title) {

	}

	/** A stored item as its source's next poll compares it. */
	private record Known(long id, String contentHash, Instant sortAt) {

		/** A row of {@link #KNOWN_COLUMNS}. */
		static Known read(ResultSet row) throws SQLException {
			return new Known(row.getLong("id"), row.getString("content_hash"), Timestamps.read(row, "sort_at"));
		}

	}

	/** The story of an item stored under a link, and its place: the first of a link gives the link's story. */
	private record LinkedStory(long id, Instant sortAt, String storyKey) {

		boolean before(LinkedStory other) {
			int bySort = this.sortAt.compareTo(other.sortAt);
			return (bySort != 0) ? bySort < 0 : this.id < other.id;
		}

	}

}

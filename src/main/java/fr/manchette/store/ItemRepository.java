package fr.manchette.store;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.Fingerprint;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items of every source. Uniqueness is the schema's job: {@code item_source_key} settles any race. A poll is
 * stored in a few statements whatever its size: its known keys in one query, the stories of its links in one, its
 * new items in one multi-row insert, its edits in one batch, their words in one insert. Which story an item joins is
 * decided before (dedup's {@link fr.manchette.dedup.StoryAssigner}); the store only keeps it.
 */
@Repository
public class ItemRepository {

	private static final String COLUMNS = """
			i.id, i.source_id, i.item_key, i.story_key, i.guid, i.link, i.title, i.summary_html, i.summary_text,
			i.categories, i.published_at, i.published_known, i.first_seen_at, i.updated_at, i.sort_at, i.lang""";

	private static final String INSERT_INTO = """
			item (source_id, item_key, story_key, link_key, guid, link, title, summary_html, summary_text, categories,
			      search_text, published_at, published_known, first_seen_at, updated_at, sort_at, content_hash, lang)""";

	// first_seen_at, sort_at and story_key are left alone: an edited item keeps its place and its story.
	private static final String UPDATE = """
			UPDATE item SET link_key = :linkKey, guid = :guid, link = :link, title = :title,
			                summary_html = :summaryHtml, summary_text = :summaryText, categories = :categories,
			                search_text = :searchText, published_at = :published, published_known = :publishedKnown,
			                updated_at = :seenAt, content_hash = :contentHash, lang = :lang
			WHERE id = :id AND content_hash <> :contentHash""";

	// item_source_key
	static final String KNOWN = """
			SELECT id, item_key, content_hash, sort_at FROM item WHERE source_id = :source AND item_key IN (:keys)""";

	// item_source_key
	private static final String IDS = "SELECT id, item_key FROM item WHERE source_id = :source AND item_key IN (:keys)";

	// item_link_idx: every item stored under these links, in any source; the first of each link gives its story.
	static final String STORIES_OF_LINKS = """
			SELECT id, link_key, story_key, sort_at FROM item WHERE link_key IN (:keys)""";

	// story_lock's one row, locked until the transaction ends: story steps take turns, whichever instance runs them.
	private static final String LOCK_STORIES = "UPDATE story_lock SET locked_at = :now WHERE id = 1";

	// The primary key, from the last item an instance has seen on.
	private static final String HEADLINES_AFTER = """
			SELECT id, source_id, story_key, title, sort_at FROM item WHERE id > :after ORDER BY id LIMIT :batch""";

	// item_sort_idx
	private static final String HEADLINES_SINCE = """
			SELECT id, source_id, story_key, title, sort_at FROM item WHERE sort_at >= :from ORDER BY id""";

	// item_sort_idx, backwards
	private static final String HEADLINES_BEFORE = """
			SELECT id, source_id, story_key, title, sort_at FROM item WHERE sort_at >= :from AND sort_at < :until
			ORDER BY sort_at DESC, id DESC LIMIT :limit""";

	private static final String LAST_ID = "SELECT COALESCE(MAX(id), 0) FROM item";

	// item_story_idx
	private static final String STORY = "SELECT " + COLUMNS + " FROM item i WHERE i.story_key = :story "
			+ "ORDER BY i.sort_at, i.id";

	private static final String WITHOUT_LINK_KEY = """
			SELECT id, link FROM item WHERE link_key IS NULL AND link IS NOT NULL AND id > :after ORDER BY id LIMIT 500""";

	private static final String SET_LINK_KEY = "UPDATE item SET link_key = :linkKey WHERE id = :id";

	// Walks item_sort_idx newest first and probes item_story_idx for each candidate, so it stops at the limit.
	private static final String LATEST_STORIES = "SELECT " + COLUMNS + """
			 FROM item i
			WHERE %s
			  AND NOT EXISTS (SELECT 1 FROM item e
			                   WHERE e.story_key = i.story_key AND %s
			                     AND (e.sort_at < i.sort_at OR (e.sort_at = i.sort_at AND e.id < i.id)))
			ORDER BY i.sort_at DESC, i.id DESC
			LIMIT :limit""";

	// item_sort_idx: every telling within the window of a list ranked à la une, oldest first.
	private static final String TOLD_SINCE = """
			SELECT id, story_key, source_id, sort_at FROM item WHERE sort_at >= :une ORDER BY sort_at, id""";

	// item_sort_idx, and the filters' own indexes: the matching tellings within the window, oldest first.
	private static final String MATCHING_TOLD = "SELECT i.id, i.story_key, i.sort_at FROM item i WHERE %s ORDER BY i.sort_at, i.id";

	// item_sort_idx: the first item of the window, whose leaving it is the next change of the ranking.
	private static final String FIRST_SORTED_SINCE = "SELECT MIN(sort_at) AS first_at FROM item WHERE sort_at >= :from";

	private static final String COUNT_BY_SOURCE = "SELECT source_id, COUNT(*) AS items FROM item GROUP BY source_id";

	// item_source_sort_idx, per source.
	private static final String COUNT_AGAIN = """
			UPDATE source_status SET item_count = (SELECT COUNT(*) FROM item WHERE item.source_id = source_status.source_id)""";

	// One small batch at a time, oldest first through item_sort_idx: no long lock, whatever the backlog.
	static final String PRUNE = """
			SELECT id, search_text FROM item WHERE sort_at < :cutoff ORDER BY sort_at LIMIT :batch""";

	private static final String DELETE_IDS = "DELETE FROM item WHERE id IN (:ids)";

	private static final String SEARCH_TEXTS = "SELECT id, search_text FROM item WHERE id IN (:ids)";

	static final int PRUNE_BATCH = 1000;

	/** Keys per IN list: within what every database accepts. */
	private static final int KEYS_PER_QUERY = 500;

	private static final String CATEGORY_SEPARATOR = "\n";

	private final JdbcClient jdbc;

	private final StoreChanges changes;

	private final WordIndex words;

	private final NamedParameterJdbcTemplate batch;

	ItemRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, StoreChanges changes) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.changes = changes;
		this.words = new WordIndex(jdbc, batch);
	}

	/**
	 * What the source already has of one poll's items: one query through item_source_key. Those not stored are
	 * fresh; those stored whose content changed are edited; the others are left out.
	 */
	public PollItems sort(String sourceId, List<IdentifiedItem> items) {
		Map<String, Known> known = new HashMap<>();
		List<String> keys = items.stream().map((item) -> item.fingerprint().itemKey()).toList();
		for (List<String> chunk : ManyRows.chunks(keys, KEYS_PER_QUERY)) {
			this.jdbc.sql(KNOWN).param("source", sourceId).param("keys", chunk).query((row) -> {
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
			else if (!stored.contentHash().equals(contentHash(item))) {
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
		for (List<String> chunk : ManyRows.chunks(List.copyOf(new LinkedHashSet<>(linkKeys)), KEYS_PER_QUERY)) {
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
	 * Inserts a poll's new items, their words with them: a few statements however many there are. Call it inside
	 * the poll's transaction. Returns the ids of the items inserted by item key.
	 */
	public Map<String, Long> insert(String sourceId, List<AssignedItem> items, Instant seenAt) {
		if (items.isEmpty()) {
			return Map.of();
		}
		List<Object[]> rows = new ArrayList<>(items.size());
		for (AssignedItem assigned : items) {
			rows.add(row(sourceId, assigned, seenAt));
		}
		// ON CONFLICT: a poll of the same source by another instance stored it since we looked (a lease ran out).
		int inserted = ManyRows.insert(this.jdbc, INSERT_INTO, rows, "ON CONFLICT DO NOTHING");
		Map<String, Long> ids = new HashMap<>();
		List<String> keys = items.stream().map((item) -> item.identified().fingerprint().itemKey()).toList();
		for (List<String> chunk : ManyRows.chunks(keys, KEYS_PER_QUERY)) {
			this.jdbc.sql(IDS).param("source", sourceId).param("keys", chunk).query((row) -> {
				ids.put(row.getString("item_key"), row.getLong("id"));
			});
		}
		Map<Long, String> texts = new HashMap<>();
		for (AssignedItem assigned : items) {
			Long id = ids.get(assigned.identified().fingerprint().itemKey());
			if (id != null) {
				texts.put(id, searchText(assigned.identified().item()));
			}
		}
		this.words.add(texts);
		if (inserted > 0) {
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
			Item content = item.identified().item();
			String link = (content.link() != null) ? content.link().toString() : null;
			params[i] = new MapSqlParameterSource().addValue("id", item.id())
				.addValue("linkKey", item.identified().fingerprint().linkKey())
				.addValue("guid", content.guid())
				.addValue("link", link)
				.addValue("title", content.title())
				.addValue("summaryHtml", content.summaryHtml())
				.addValue("summaryText", content.summaryText())
				.addValue("categories", String.join(CATEGORY_SEPARATOR, content.categories()))
				.addValue("searchText", searchText(content))
				.addValue("published", Timestamps.param(content.published()))
				.addValue("publishedKnown", content.publishedKnown())
				.addValue("seenAt", Timestamps.param(seenAt))
				.addValue("contentHash", contentHash(item.identified()))
				.addValue("lang", content.language());
			texts.put(item.id(), searchText(content));
		}
		int updated = Arrays.stream(this.batch.batchUpdate(UPDATE, params)).map((n) -> Math.max(n, 0)).sum();
		this.words.replace(before, texts);
		if (updated > 0) {
			this.changes.changed();
		}
		return updated;
	}

	/**
	 * The headlines of the items stored after {@code afterId}, in id order, at most {@code limit}: what another
	 * instance (or an older version) stored since the story window last looked.
	 */
	public List<StoredHeadline> headlinesAfter(long afterId, int limit) {
		return this.jdbc.sql(HEADLINES_AFTER)
			.param("after", afterId)
			.param("batch", limit)
			.query(ItemRepository::headline)
			.list();
	}

	/** The headlines of the items sorted from {@code from} on: the story window, at start. */
	public List<StoredHeadline> headlinesSortedSince(Instant from) {
		return this.jdbc.sql(HEADLINES_SINCE).param("from", Timestamps.param(from)).query(ItemRepository::headline).list();
	}

	/**
	 * The headlines of the items sorted from {@code from} until before {@code until}, the latest first, at most
	 * {@code limit}: the story window reaching back for an old item.
	 */
	public List<StoredHeadline> headlinesSortedBetween(Instant from, Instant until, int limit) {
		return this.jdbc.sql(HEADLINES_BEFORE)
			.param("from", Timestamps.param(from))
			.param("until", Timestamps.param(until))
			.param("limit", limit)
			.query(ItemRepository::headline)
			.list();
	}

	/** The highest item id handed out so far, 0 when there is none. */
	public long lastItemId() {
		return this.jdbc.sql(LAST_ID).query(Long.class).single();
	}

	/**
	 * One story, every item of it, the lead first: the item sorted first (the earliest published), then the others
	 * in their order.
	 */
	public Optional<Story> story(String storyKey) {
		List<StoredItem> items = this.jdbc.sql(STORY).param("story", storyKey).query(ItemRepository::row).list();
		return items.isEmpty() ? Optional.empty() : Optional.of(new Story(items.get(0), items.subList(1, items.size())));
	}

	/**
	 * Gives their link keys to the items stored by a version that had none, so that a new item with the same link
	 * finds their story. Their stories stay as they are. Returns how many items it completed.
	 */
	public int completeLinkKeys() {
		int completed = 0;
		long after = 0;
		while (true) {
			List<Map.Entry<Long, String>> rows = this.jdbc.sql(WITHOUT_LINK_KEY)
				.param("after", after)
				.query((row, n) -> Map.entry(row.getLong("id"), row.getString("link")))
				.list();
			if (rows.isEmpty()) {
				break;
			}
			for (Map.Entry<Long, String> row : rows) {
				after = row.getKey();
				this.jdbc.sql(SET_LINK_KEY)
					.param("linkKey", Fingerprint.linkKeyOf(URI.create(row.getValue())))
					.param("id", row.getKey())
					.update();
				completed++;
			}
		}
		return completed;
	}

	/**
	 * The latest stories matching the query, newest first, each once: an item is the lead of its story when no
	 * earlier matching item shares its story key.
	 */
	public List<Story> latestStories(ItemQuery query) {
		Statement latest = latestStoriesStatement(query);
		List<StoredItem> leads = this.jdbc.sql(latest.sql()).params(latest.params()).query(ItemRepository::row).list();
		return withOthers(leads);
	}

	/**
	 * The stories matching the query in its order: newest first, or à la une when the query says so
	 * ({@link #topStories}).
	 */
	public List<Story> stories(ItemQuery query) {
		return (query.une() != null) ? topStories(query) : latestStories(query);
	}

	/**
	 * The stories told within the window that starts at {@link ItemQuery#une()}, each once: the most distinct sources
	 * first, then the newest. Each is shown by its first matching item within the window, and counts the sources that
	 * told it there, whatever the filters (a filter picks stories; it does not make them smaller). The window's
	 * tellings are read once, narrow (story and source), and ranked here: a few thousand rows for a farm's six hours,
	 * where counting each story in SQL probed its index once per telling.
	 */
	public List<Story> topStories(ItemQuery query) {
		Instant une = Objects.requireNonNull(query.une(), "not a query ranked à la une");
		Map<String, Set<String>> sources = new HashMap<>();
		Map<String, Telling> leads = new LinkedHashMap<>();
		boolean filtered = query.sources() != null || !query.words().isEmpty() || query.languages() != null
				|| (query.since() != null && query.since().isAfter(une));
		this.jdbc.sql(TOLD_SINCE).param("une", Timestamps.param(une)).query((row) -> {
			String story = row.getString("story_key");
			sources.computeIfAbsent(story, (key) -> new HashSet<>()).add(row.getString("source_id"));
			if (!filtered) {
				leads.putIfAbsent(story, new Telling(row.getLong("id"), Timestamps.read(row, "sort_at")));
			}
		});
		if (filtered) {
			// The window bounds the items like a since, the later of the two winning.
			Instant since = (query.since() != null && query.since().isAfter(une)) ? query.since() : une;
			ItemQuery bounded = new ItemQuery(query.sources(), query.text(), since, query.limit(), une,
					query.languages());
			Map<String, Object> params = new HashMap<>();
			String filterI = filter("i", bounded, params) + this.words.narrow("i", bounded.words(), params);
			this.jdbc.sql(MATCHING_TOLD.formatted(filterI)).params(params).query((row) -> {
				leads.putIfAbsent(row.getString("story_key"),
						new Telling(row.getLong("id"), Timestamps.read(row, "sort_at")));
			});
		}
		List<Map.Entry<String, Telling>> ranked = new ArrayList<>(leads.entrySet());
		ranked.sort(Comparator
			.comparingInt((Map.Entry<String, Telling> lead) -> sources.getOrDefault(lead.getKey(), Set.of()).size())
			.thenComparing((lead) -> lead.getValue().sortAt())
			.thenComparingLong((lead) -> lead.getValue().id())
			.reversed());
		List<Map.Entry<String, Telling>> top = ranked.subList(0, Math.min(query.limit(), ranked.size()));
		if (top.isEmpty()) {
			return List.of();
		}
		Map<Long, StoredItem> rows = new HashMap<>();
		this.jdbc.sql("SELECT " + COLUMNS + " FROM item i WHERE i.id IN (:ids)")
			.param("ids", top.stream().map((lead) -> lead.getValue().id()).toList())
			.query(ItemRepository::row)
			.list()
			.forEach((row) -> rows.put(row.id(), row));
		// A lead pruned since it was read is left out.
		List<StoredItem> ordered = top.stream()
			.map((lead) -> rows.get(lead.getValue().id()))
			.filter(Objects::nonNull)
			.toList();
		return withOthers(ordered).stream()
			.map((story) -> new Story(story.lead(), story.others(),
					Math.max(1, sources.getOrDefault(story.lead().storyKey(), Set.of()).size())))
			.toList();
	}

	/**
	 * When the first item sorted at or after {@code from} was sorted, or empty when there is none: until that item
	 * leaves a window that starts at {@code from}, moving the start on changes nothing in what the window holds.
	 */
	public Optional<Instant> firstSortedSince(Instant from) {
		return Optional.ofNullable(this.jdbc.sql(FIRST_SORTED_SINCE)
			.param("from", Timestamps.param(from))
			.query((row, n) -> Timestamps.read(row, "first_at"))
			.single());
	}

	/** The statement behind {@link #latestStories}, also read by the benchmark that prints its plan. */
	Statement latestStoriesStatement(ItemQuery query) {
		Map<String, Object> params = new HashMap<>();
		String filterI = filter("i", query, params) + this.words.narrow("i", query.words(), params);
		String filterE = filter("e", query, params);
		params.put("limit", query.limit());
		return new Statement(LATEST_STORIES.formatted(filterI, filterE), params);
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

	/**
	 * Deletes items sorted before the cutoff and their words, in batches of {@value #PRUNE_BATCH}, each statement
	 * committed on its own when no transaction is open; returns how many.
	 */
	public int pruneOlderThan(Instant cutoff) {
		int deleted = 0;
		while (true) {
			Map<Long, String> texts = new HashMap<>();
			this.jdbc.sql(PRUNE)
				.param("cutoff", Timestamps.param(cutoff))
				.param("batch", PRUNE_BATCH)
				.query((row) -> {
					texts.put(row.getLong("id"), row.getString("search_text"));
				});
			if (texts.isEmpty()) {
				break;
			}
			// Items first: a stop between the two statements leaves words of no item, which no search returns.
			for (List<Long> chunk : ManyRows.chunks(List.copyOf(texts.keySet()), KEYS_PER_QUERY)) {
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

	/** The search texts of these items, as stored: the words their edit replaces. */
	private Map<Long, String> searchTexts(List<Long> ids) {
		Map<Long, String> texts = new HashMap<>();
		for (List<Long> chunk : ManyRows.chunks(ids, KEYS_PER_QUERY)) {
			this.jdbc.sql(SEARCH_TEXTS).param("ids", chunk).query((row) -> {
				texts.put(row.getLong("id"), row.getString("search_text"));
			});
		}
		return texts;
	}

	WordIndex words() {
		return this.words;
	}

	/** An item's row, in the order of {@link #INSERT_INTO}'s columns. */
	private static Object[] row(String sourceId, AssignedItem assigned, Instant seenAt) {
		IdentifiedItem identified = assigned.identified();
		Item item = identified.item();
		Object seen = Timestamps.param(seenAt);
		return new Object[] { sourceId, identified.fingerprint().itemKey(), assigned.storyKey(),
				identified.fingerprint().linkKey(), item.guid(), (item.link() != null) ? item.link().toString() : null,
				item.title(), item.summaryHtml(), item.summaryText(), String.join(CATEGORY_SEPARATOR, item.categories()),
				searchText(item), Timestamps.param(item.published()), item.publishedKnown(), seen, seen,
				Timestamps.param(assigned.sortAt()), contentHash(identified), item.language() };
	}

	private static String searchText(Item item) {
		return SearchText.fold(item.title() + " " + item.summaryText());
	}

	/**
	 * What an edit of the item changes. With the key of the item's own story, as before stories were matched: items
	 * stored then keep their hash.
	 */
	private static String contentHash(IdentifiedItem identified) {
		Item item = identified.item();
		String link = (item.link() != null) ? item.link().toString() : null;
		return Fingerprint.sha256(String.join("\u0000", String.valueOf(item.guid()), String.valueOf(link), item.title(),
				item.summaryHtml(), String.join(CATEGORY_SEPARATOR, item.categories()), item.published().toString(),
				identified.fingerprint().storyKey()));
	}

	private List<Story> withOthers(List<StoredItem> leads) {
		if (leads.isEmpty()) {
			return List.of();
		}
		Map<String, List<StoredItem>> byStory = new LinkedHashMap<>();
		leads.forEach((lead) -> byStory.put(lead.storyKey(), new ArrayList<>()));
		this.jdbc.sql("SELECT " + COLUMNS + " FROM item i WHERE i.story_key IN (:keys) ORDER BY i.sort_at, i.id")
			.param("keys", List.copyOf(byStory.keySet()))
			.query(ItemRepository::row)
			.list()
			.forEach((item) -> byStory.get(item.storyKey()).add(item));
		return leads.stream()
			.map((lead) -> new Story(lead,
					byStory.get(lead.storyKey()).stream().filter((item) -> item.id() != lead.id()).toList()))
			.toList();
	}

	private static String filter(String alias, ItemQuery query, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("1 = 1");
		if (query.sources() != null) {
			if (query.sources().isEmpty()) {
				conditions.add("1 = 0");
			}
			else {
				conditions.add(alias + ".source_id IN (:sources)");
				params.put("sources", List.copyOf(query.sources()));
			}
		}
		if (query.languages() != null) {
			if (query.languages().isEmpty()) {
				conditions.add("1 = 0");
			}
			else {
				conditions.add(alias + ".lang IN (:languages)");
				params.put("languages", List.copyOf(query.languages()));
			}
		}
		if (query.since() != null) {
			conditions.add(alias + ".sort_at >= :since");
			params.put("since", Timestamps.param(query.since()));
		}
		List<String> words = query.words();
		for (int i = 0; i < words.size(); i++) {
			// search_text is folded and padded with spaces: ' word' matches at the start of a word.
			conditions.add(alias + ".search_text LIKE :word" + i + " ESCAPE '!'");
			params.put("word" + i, "% " + escapeLike(words.get(i)) + "%");
		}
		return String.join(" AND ", conditions);
	}

	private static String escapeLike(String word) {
		return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/** A stored item as its source's next poll compares it. */
	private record Known(long id, String contentHash, Instant sortAt) {
	}

	/** A telling within the window of a list ranked à la une: the item and its place. */
	private record Telling(long id, Instant sortAt) {
	}

	/** The story of an item stored under a link, and its place: the first of a link gives the link's story. */
	private record LinkedStory(long id, Instant sortAt, String storyKey) {

		boolean before(LinkedStory other) {
			int bySort = this.sortAt.compareTo(other.sortAt);
			return (bySort != 0) ? bySort < 0 : this.id < other.id;
		}

	}

	private static StoredHeadline headline(ResultSet row, int rowNumber) throws SQLException {
		return new StoredHeadline(row.getLong("id"), row.getString("source_id"), row.getString("story_key"),
				row.getString("title"), Timestamps.read(row, "sort_at"));
	}

	private static StoredItem row(ResultSet row, int rowNumber) throws SQLException {
		String categories = row.getString("categories");
		return new StoredItem(row.getLong("id"), row.getString("source_id"), row.getString("item_key"),
				row.getString("story_key"), row.getString("guid"), row.getString("link"), row.getString("title"),
				row.getString("summary_html"), row.getString("summary_text"),
				categories.isEmpty() ? List.of() : Arrays.asList(categories.split(CATEGORY_SEPARATOR)),
				Timestamps.read(row, "published_at"), row.getBoolean("published_known"),
				Timestamps.read(row, "first_seen_at"), Timestamps.read(row, "updated_at"),
				Timestamps.read(row, "sort_at"), row.getString("lang"));
	}

}

package fr.manchette.store;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.manchette.dedup.Fingerprint;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.StoryBands;
import fr.manchette.dedup.StoryCandidate;
import fr.manchette.dedup.StoryMatcher;
import fr.manchette.dedup.TitleKey;
import fr.manchette.normalize.Item;
import fr.manchette.store.StoryIndex.IndexedHeadline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The items of every source. Uniqueness is the schema's job: {@code item_source_key} settles any race. */
@Repository
public class ItemRepository {

	private static final String COLUMNS = """
			i.id, i.source_id, i.item_key, i.story_key, i.guid, i.link, i.title, i.summary_html, i.summary_text,
			i.categories, i.published_at, i.published_known, i.first_seen_at, i.updated_at, i.sort_at""";

	private static final String INSERT = """
			INSERT INTO item (source_id, item_key, story_key, link_key, guid, link, title, summary_html, summary_text,
			                  categories, search_text, published_at, published_known, first_seen_at, updated_at,
			                  sort_at, content_hash)
			VALUES (:source, :itemKey, :storyKey, :linkKey, :guid, :link, :title, :summaryHtml, :summaryText,
			        :categories, :searchText, :published, :publishedKnown, :seenAt, :seenAt,
			        :sortAt, :contentHash)
			ON CONFLICT DO NOTHING""";

	// first_seen_at, sort_at and story_key are left alone: an edited item keeps its place and its story.
	private static final String UPDATE = """
			UPDATE item SET link_key = :linkKey, guid = :guid, link = :link, title = :title,
			                summary_html = :summaryHtml, summary_text = :summaryText, categories = :categories,
			                search_text = :searchText, published_at = :published, published_known = :publishedKnown,
			                updated_at = :seenAt, content_hash = :contentHash
			WHERE source_id = :source AND item_key = :itemKey AND content_hash <> :contentHash""";

	// item_source_key
	static final String KNOWN = "SELECT item_key FROM item WHERE source_id = :source AND item_key IN (:keys)";

	// item_source_key
	private static final String PLACE = "SELECT id, sort_at FROM item WHERE source_id = :source AND item_key = :itemKey";

	// item_link_idx: the story of the first item stored with this link, in any source.
	static final String STORY_OF_LINK = """
			SELECT story_key FROM item WHERE link_key = :linkKey ORDER BY sort_at, id LIMIT 1""";

	// item_story_idx
	private static final String STORY = "SELECT " + COLUMNS + " FROM item i WHERE i.story_key = :story "
			+ "ORDER BY i.sort_at, i.id";

	private static final String WITHOUT_LINK_KEY = """
			SELECT id, link FROM item WHERE link_key IS NULL AND link IS NOT NULL AND id > :after ORDER BY id LIMIT 500""";

	private static final String SET_LINK_KEY = "UPDATE item SET link_key = :linkKey WHERE id = :id";

	// item_sort_idx, story_band_item_idx
	private static final String WITHOUT_BANDS = """
			SELECT i.id, i.title, i.sort_at FROM item i
			 WHERE i.sort_at >= :from AND i.id > :after
			   AND NOT EXISTS (SELECT 1 FROM story_band b WHERE b.item_id = i.id)
			 ORDER BY i.id LIMIT 500""";

	// Walks item_sort_idx newest first and probes item_story_idx for each candidate, so it stops at the limit.
	private static final String LATEST_STORIES = "SELECT " + COLUMNS + """
			 FROM item i
			WHERE %s
			  AND NOT EXISTS (SELECT 1 FROM item e
			                   WHERE e.story_key = i.story_key AND %s
			                     AND (e.sort_at < i.sort_at OR (e.sort_at = i.sort_at AND e.id < i.id)))
			ORDER BY i.sort_at DESC, i.id DESC
			LIMIT :limit""";

	private static final String COUNT_BY_SOURCE = "SELECT source_id, COUNT(*) AS items FROM item GROUP BY source_id";

	// One small batch at a time, oldest first through item_sort_idx: no long lock, whatever the backlog.
	static final String PRUNE = """
			DELETE FROM item WHERE id IN (SELECT id FROM item WHERE sort_at < :cutoff ORDER BY sort_at LIMIT :batch)""";

	static final int PRUNE_BATCH = 1000;

	private static final String CATEGORY_SEPARATOR = "\n";

	private final JdbcClient jdbc;

	private final StoreChanges changes;

	private final WordIndex words;

	private final StoryMatcher matcher;

	private final StoryIndex stories;

	ItemRepository(JdbcClient jdbc, StoreChanges changes, StoryMatcher matcher) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.words = new WordIndex(jdbc);
		this.matcher = matcher;
		this.stories = new StoryIndex(jdbc);
	}

	/**
	 * Inserts the items not seen before and updates those whose content changed. Call it inside the poll's
	 * transaction: it writes nothing of its own accord.
	 * <p>
	 * A new item's story is decided here, once: the story of an item already stored with the same link (AMP and
	 * mobile variants folded), else the story of a near-duplicate headline of another source that the story index
	 * finds and the {@link StoryMatcher} accepts, else a story of its own. An edit never moves an item to another
	 * story.
	 */
	public SaveResult save(String sourceId, List<IdentifiedItem> items, Instant seenAt) {
		int inserted = 0;
		int updated = 0;
		Map<String, String> newTexts = new HashMap<>();
		Map<String, String> editedTexts = new HashMap<>();
		List<IndexedHeadline> newHeadlines = new ArrayList<>();
		List<IdentifiedItem> edited = new ArrayList<>();
		Set<String> known = known(sourceId, items);
		for (IdentifiedItem identified : items) {
			Fingerprint fingerprint = identified.fingerprint();
			Instant sortAt = identified.item().published().isBefore(seenAt) ? identified.item().published() : seenAt;
			Map<String, Object> params = params(sourceId, identified, seenAt, sortAt);
			String searchText = (String) params.get("searchText");
			if (!known.contains(fingerprint.itemKey())) {
				params.put("storyKey", storyOf(sourceId, identified, sortAt));
				KeyHolder key = new GeneratedKeyHolder();
				if (this.jdbc.sql(INSERT).params(params).update(key, "id") == 1) {
					newHeadlines.add(new IndexedHeadline(key.getKeyAs(Number.class).longValue(), sortAt,
							identified.bands()));
					newTexts.put(fingerprint.itemKey(), searchText);
					inserted++;
					continue;
				}
				// Another poll stored it since we looked: the unique key settled it, it is an update now.
			}
			if (this.jdbc.sql(UPDATE).params(params).update() == 1) {
				updated++;
				editedTexts.put(fingerprint.itemKey(), searchText);
				edited.add(identified);
			}
		}
		if (!this.matcher.window().isZero()) {
			this.stories.add(newHeadlines);
			this.stories.replace(placed(sourceId, edited));
		}
		this.words.index(sourceId, newTexts, editedTexts);
		if (inserted + updated > 0) {
			this.changes.changed();
		}
		return new SaveResult(inserted, updated);
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
	 * Completes the story index of items stored before it existed: the link keys of every item, and the band hashes
	 * of the items sorted since {@code from}. Their stories stay as they are. Returns how many items it completed.
	 */
	public int indexOlderItems(Instant from) {
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
		after = 0;
		while (true) {
			List<StoredHeadline> rows = this.jdbc.sql(WITHOUT_BANDS)
				.param("from", Timestamps.param(from))
				.param("after", after)
				.query((row, n) -> new StoredHeadline(row.getLong("id"), row.getString("title"),
						Timestamps.read(row, "sort_at")))
				.list();
			if (rows.isEmpty()) {
				break;
			}
			List<IndexedHeadline> headlines = new ArrayList<>();
			for (StoredHeadline row : rows) {
				after = row.id();
				List<Long> bands = StoryBands.of(TitleKey.of(row.title()));
				if (!bands.isEmpty()) {
					headlines.add(new IndexedHeadline(row.id(), row.sortAt(), bands));
				}
			}
			this.stories.add(headlines);
			completed += headlines.size();
		}
		return completed;
	}

	/**
	 * Drops from the story index the headlines of items sorted in [from, cutoff), which no incoming item can match
	 * any more; the items stay. Returns how many index rows it dropped.
	 */
	public int pruneStoryIndex(Instant from, Instant cutoff) {
		return this.stories.prune(from, cutoff);
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

	/** The statement behind {@link #latestStories}, also read by the benchmark that prints its plan. */
	Statement latestStoriesStatement(ItemQuery query) {
		Map<String, Object> params = new HashMap<>();
		String filterI = filter("i", query, params) + this.words.narrow("i", query.words(), params);
		String filterE = filter("e", query, params);
		params.put("limit", query.limit());
		return new Statement(LATEST_STORIES.formatted(filterI, filterE), params);
	}

	/** Items of each source, for its health line. */
	public Map<String, Long> countBySource() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql(COUNT_BY_SOURCE).query((row) -> {
			counts.put(row.getString("source_id"), row.getLong("items"));
		});
		return counts;
	}

	/**
	 * Deletes items sorted before the cutoff, in batches of {@value #PRUNE_BATCH} each committed on its own when no
	 * transaction is open; returns how many.
	 */
	public int pruneOlderThan(Instant cutoff) {
		int deleted = 0;
		int batch;
		do {
			batch = this.jdbc.sql(PRUNE).param("cutoff", Timestamps.param(cutoff)).param("batch", PRUNE_BATCH).update();
			deleted += batch;
		}
		while (batch == PRUNE_BATCH);
		if (deleted > 0) {
			this.changes.changed();
		}
		return deleted;
	}

	WordIndex words() {
		return this.words;
	}

	private static Map<String, Object> params(String sourceId, IdentifiedItem identified, Instant seenAt,
			Instant sortAt) {
		Item item = identified.item();
		Fingerprint fingerprint = identified.fingerprint();
		String categories = String.join(CATEGORY_SEPARATOR, item.categories());
		String link = (item.link() != null) ? item.link().toString() : null;
		// With the key of the item's own story, as before stories were matched: items stored then keep their hash.
		String contentHash = Fingerprint.sha256(String.join("\u0000", String.valueOf(item.guid()),
				String.valueOf(link), item.title(), item.summaryHtml(), categories, item.published().toString(),
				fingerprint.storyKey()));
		Map<String, Object> params = new HashMap<>();
		params.put("source", sourceId);
		params.put("itemKey", fingerprint.itemKey());
		params.put("linkKey", fingerprint.linkKey());
		params.put("guid", item.guid());
		params.put("link", link);
		params.put("title", item.title());
		params.put("summaryHtml", item.summaryHtml());
		params.put("summaryText", item.summaryText());
		params.put("categories", categories);
		params.put("searchText", SearchText.fold(item.title() + " " + item.summaryText()));
		params.put("published", Timestamps.param(item.published()));
		params.put("publishedKnown", item.publishedKnown());
		params.put("seenAt", Timestamps.param(seenAt));
		params.put("sortAt", Timestamps.param(sortAt));
		params.put("contentHash", contentHash);
		return params;
	}

	/** The item keys among these that the source already has: one query for the batch, through item_source_key. */
	private Set<String> known(String sourceId, List<IdentifiedItem> items) {
		if (items.isEmpty()) {
			return Set.of();
		}
		List<String> keys = items.stream().map((item) -> item.fingerprint().itemKey()).toList();
		return new HashSet<>(this.jdbc.sql(KNOWN).param("source", sourceId).param("keys", keys).query(String.class).list());
	}

	/** The edited items' headlines at their places in the store, which an edit does not move. */
	private List<IndexedHeadline> placed(String sourceId, List<IdentifiedItem> edited) {
		List<IndexedHeadline> headlines = new ArrayList<>();
		for (IdentifiedItem identified : edited) {
			this.jdbc.sql(PLACE).params(Map.of("source", sourceId, "itemKey", identified.fingerprint().itemKey()))
				.query((row) -> {
					headlines.add(new IndexedHeadline(row.getLong("id"), Timestamps.read(row, "sort_at"),
							identified.bands()));
				});
		}
		return headlines;
	}

	/** The story a new item joins (see {@link #save}). */
	private String storyOf(String sourceId, IdentifiedItem identified, Instant sortAt) {
		String linkKey = identified.fingerprint().linkKey();
		if (linkKey != null) {
			Optional<String> sameLink = this.jdbc.sql(STORY_OF_LINK).param("linkKey", linkKey).query(String.class).optional();
			if (sameLink.isPresent()) {
				return sameLink.get();
			}
		}
		Duration window = this.matcher.window();
		if (!window.isZero() && !identified.bands().isEmpty()) {
			List<StoryCandidate> candidates = this.stories.candidates(identified.bands(), sortAt.minus(window),
					sortAt.plus(window), sourceId);
			Optional<String> story = this.matcher.storyOf(identified.titleKey(), sourceId, sortAt, candidates);
			if (story.isPresent()) {
				return story.get();
			}
		}
		return identified.fingerprint().storyKey();
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

	private record StoredHeadline(long id, String title, Instant sortAt) {
	}

	private static StoredItem row(ResultSet row, int rowNumber) throws SQLException {
		String categories = row.getString("categories");
		return new StoredItem(row.getLong("id"), row.getString("source_id"), row.getString("item_key"),
				row.getString("story_key"), row.getString("guid"), row.getString("link"), row.getString("title"),
				row.getString("summary_html"), row.getString("summary_text"),
				categories.isEmpty() ? List.of() : Arrays.asList(categories.split(CATEGORY_SEPARATOR)),
				Timestamps.read(row, "published_at"), row.getBoolean("published_known"),
				Timestamps.read(row, "first_seen_at"), Timestamps.read(row, "updated_at"),
				Timestamps.read(row, "sort_at"));
	}

}

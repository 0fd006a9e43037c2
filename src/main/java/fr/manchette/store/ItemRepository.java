package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.manchette.dedup.Fingerprint;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The items of every source. Uniqueness is the schema's job: {@code item_source_key} settles any race. */
@Repository
public class ItemRepository {

	private static final String COLUMNS = """
			i.id, i.source_id, i.item_key, i.story_key, i.guid, i.link, i.title, i.summary_html, i.summary_text,
			i.categories, i.published_at, i.published_known, i.first_seen_at, i.updated_at, i.sort_at""";

	private static final String INSERT = """
			INSERT INTO item (source_id, item_key, story_key, guid, link, title, summary_html, summary_text,
			                  categories, search_text, published_at, published_known, first_seen_at, updated_at,
			                  sort_at, content_hash)
			VALUES (:source, :itemKey, :storyKey, :guid, :link, :title, :summaryHtml, :summaryText,
			        :categories, :searchText, :published, :publishedKnown, :seenAt, :seenAt,
			        :sortAt, :contentHash)
			ON CONFLICT DO NOTHING""";

	// first_seen_at and sort_at are left alone: an edited item keeps its place.
	private static final String UPDATE = """
			UPDATE item SET story_key = :storyKey, guid = :guid, link = :link, title = :title,
			                summary_html = :summaryHtml, summary_text = :summaryText, categories = :categories,
			                search_text = :searchText, published_at = :published, published_known = :publishedKnown,
			                updated_at = :seenAt, content_hash = :contentHash
			WHERE source_id = :source AND item_key = :itemKey AND content_hash <> :contentHash""";

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
	private static final String PRUNE = """
			DELETE FROM item WHERE id IN (SELECT id FROM item WHERE sort_at < :cutoff ORDER BY sort_at LIMIT :batch)""";

	private static final int PRUNE_BATCH = 1000;

	private static final String CATEGORY_SEPARATOR = "\n";

	private final JdbcClient jdbc;

	private final StoreChanges changes;

	private final WordIndex words;

	ItemRepository(JdbcClient jdbc, StoreChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.words = new WordIndex(jdbc);
	}

	/**
	 * Inserts the items not seen before and updates those whose content changed. Call it inside the poll's
	 * transaction: it writes nothing of its own accord.
	 */
	public SaveResult save(String sourceId, List<IdentifiedItem> items, Instant seenAt) {
		int inserted = 0;
		int updated = 0;
		Map<String, String> newTexts = new HashMap<>();
		Map<String, String> editedTexts = new HashMap<>();
		for (IdentifiedItem identified : items) {
			Item item = identified.item();
			Fingerprint fingerprint = identified.fingerprint();
			String categories = String.join(CATEGORY_SEPARATOR, item.categories());
			String link = (item.link() != null) ? item.link().toString() : null;
			String contentHash = Fingerprint.sha256(String.join("\u0000", String.valueOf(item.guid()),
					String.valueOf(link), item.title(), item.summaryHtml(), categories, item.published().toString(),
					fingerprint.storyKey()));
			Instant sortAt = item.published().isBefore(seenAt) ? item.published() : seenAt;
			Map<String, Object> params = new HashMap<>();
			params.put("source", sourceId);
			params.put("itemKey", fingerprint.itemKey());
			params.put("storyKey", fingerprint.storyKey());
			params.put("guid", item.guid());
			params.put("link", link);
			params.put("title", item.title());
			params.put("summaryHtml", item.summaryHtml());
			params.put("summaryText", item.summaryText());
			params.put("categories", categories);
			String searchText = SearchText.fold(item.title() + " " + item.summaryText());
			params.put("searchText", searchText);
			params.put("published", Timestamps.param(item.published()));
			params.put("publishedKnown", item.publishedKnown());
			params.put("seenAt", Timestamps.param(seenAt));
			params.put("sortAt", Timestamps.param(sortAt));
			params.put("contentHash", contentHash);
			if (this.jdbc.sql(INSERT).params(params).update() == 1) {
				inserted++;
				newTexts.put(fingerprint.itemKey(), searchText);
			}
			else if (this.jdbc.sql(UPDATE).params(params).update() == 1) {
				updated++;
				editedTexts.put(fingerprint.itemKey(), searchText);
			}
		}
		this.words.index(sourceId, newTexts, editedTexts);
		if (inserted + updated > 0) {
			this.changes.changed();
		}
		return new SaveResult(inserted, updated);
	}

	/**
	 * The latest stories matching the query, newest first, each once: an item is the lead of its story when no
	 * earlier matching item shares its story key.
	 */
	public List<Story> latestStories(ItemQuery query) {
		Map<String, Object> params = new HashMap<>();
		String filterI = filter("i", query, params) + this.words.narrow("i", query.words(), params);
		String filterE = filter("e", query, params);
		String sql = LATEST_STORIES.formatted(filterI, filterE);
		params.put("limit", query.limit());
		List<StoredItem> leads = this.jdbc.sql(sql).params(params).query(ItemRepository::row).list();
		return withOthers(leads);
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

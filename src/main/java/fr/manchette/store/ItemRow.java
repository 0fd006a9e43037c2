package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.Fingerprint;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * How an item lies in its row of {@code item}: the columns, what a new or edited row holds, and a row read back. The
 * writes ({@link ItemRepository}) and the reads ({@link StoryQueries}) share it, so that a column is added once.
 */
final class ItemRow {

	/** What a read of items selects, from {@code item i}. */
	static final String COLUMNS = """
			i.id, i.source_id, i.item_key, i.story_key, i.guid, i.link, i.title, i.summary_html, i.summary_text,
			i.categories, i.published_at, i.published_known, i.first_seen_at, i.updated_at, i.sort_at, i.lang""";

	/** The table and the columns of a new row, in the order of {@link #values}. */
	static final String INSERT_INTO = """
			item (source_id, item_key, story_key, link_key, guid, link, title, summary_html, summary_text, categories,
			      search_text, published_at, published_known, first_seen_at, updated_at, sort_at, content_hash, lang,
			      item_hash, story_hash, link_hash)""";

	/** Where {@link #values} has these columns. */
	private static final int ITEM_KEY = 1;

	private static final int STORY_KEY = 2;

	private static final int LINK_KEY = 3;

	private static final int SORT_AT = 15;

	private static final int ITEM_HASH = 18;

	private static final int STORY_HASH = 19;

	private static final int LINK_HASH = 20;

	// first_seen_at, sort_at and story_key are left alone: an edited item keeps its place and its story. Its link's
	// hash is kept only when the link does not name its story, as for a new item (see linkHash).
	static final String UPDATE = """
			UPDATE item SET link_key = :linkKey,
			                link_hash = CASE WHEN story_key = :linkKey THEN NULL ELSE CAST(:linkHash AS BIGINT) END,
			                guid = :guid, link = :link, title = :title,
			                summary_html = :summaryHtml, summary_text = :summaryText, categories = :categories,
			                search_text = :searchText, published_at = :published, published_known = :publishedKnown,
			                updated_at = :seenAt, content_hash = :contentHash, lang = :lang
			WHERE id = :id AND content_hash <> :contentHash""";

	private static final String CATEGORY_SEPARATOR = "\n";

	private ItemRow() {
	}

	/**
	 * A new item's row, in the order of {@link #INSERT_INTO}'s columns, but for its place and story (see
	 * {@link #placed}): all that does not wait for its story to be decided, so that a poll makes it before it takes
	 * the story lock (see {@link ItemRepository#rows}).
	 */
	static Object[] values(String sourceId, IdentifiedItem identified, Instant seenAt) {
		Item item = identified.item();
		Object seen = Timestamps.param(seenAt);
		Fingerprint fingerprint = identified.fingerprint();
		return new Object[] { sourceId, fingerprint.itemKey(), null, fingerprint.linkKey(), item.guid(),
				(item.link() != null) ? item.link().toString() : null, item.title(), item.summaryHtml(),
				item.summaryText(), String.join(CATEGORY_SEPARATOR, item.categories()), searchText(item),
				Timestamps.param(item.published()), item.publishedKnown(), seen, seen, null,
				ContentHash.of(identified), item.language(), KeyHash.of(fingerprint.itemKey()), null, null };
	}

	/** A copy of a row of {@link #values} without them, with the place and story the item was given. */
	static Object[] placed(Object[] values, AssignedItem assigned) {
		if (!assigned.identified().fingerprint().itemKey().equals(values[ITEM_KEY])) {
			throw new IllegalArgumentException("The row of another item: " + values[ITEM_KEY]);
		}
		Object[] row = values.clone();
		String storyKey = assigned.storyKey();
		row[STORY_KEY] = storyKey;
		row[SORT_AT] = Timestamps.param(assigned.sortAt());
		row[STORY_HASH] = KeyHash.of(storyKey);
		row[LINK_HASH] = linkHash((String) values[LINK_KEY], storyKey);
		return row;
	}

	/**
	 * The hash of a new item's link key in {@code item_link_hash_idx}, or null when the link names the item's story:
	 * most items start the story of their own link, and are found by their link through {@code item_story_hash_idx}
	 * (see {@link ItemRepository#storiesOfLinks}). Only the items that joined another story need the link's index,
	 * which each new item otherwise entered at a random place (on H2 the items without one share the end of the
	 * nulls, on PostgreSQL the index leaves them out).
	 */
	static @Nullable Long linkHash(@Nullable String linkKey, String storyKey) {
		return (linkKey == null || linkKey.equals(storyKey)) ? null : KeyHash.of(linkKey);
	}

	/**
	 * A new row as {@link #values} made it, without its item key's hash: the row of a key whose hash another key of
	 * the source has (see {@link ItemRepository#insert}).
	 */
	static Object[] withoutItemHash(Object[] values) {
		Object[] row = values.clone();
		row[ITEM_HASH] = null;
		return row;
	}

	/** The parameters of {@link #UPDATE} for an edited item. */
	static MapSqlParameterSource edit(EditedItem item, Instant seenAt) {
		Item content = item.identified().item();
		String link = (content.link() != null) ? content.link().toString() : null;
		return new MapSqlParameterSource().addValue("id", item.id())
			.addValue("linkKey", item.identified().fingerprint().linkKey())
			.addValue("linkHash", KeyHash.ofNullable(item.identified().fingerprint().linkKey()))
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
			.addValue("contentHash", ContentHash.of(item.identified()))
			.addValue("lang", content.language());
	}

	/** What a search looks into: the title and the summary, folded. */
	static String searchText(Item item) {
		return searchText(item.title(), item.summaryText());
	}

	/** The search text of a title and a summary's plain text. */
	static String searchText(String title, String summaryText) {
		return SearchText.fold(title + " " + summaryText);
	}

	/** A row of {@link #COLUMNS}. */
	static StoredItem read(ResultSet row, int rowNumber) throws SQLException {
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

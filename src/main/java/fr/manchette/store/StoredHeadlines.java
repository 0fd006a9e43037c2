package fr.manchette.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the story window reads of the stored items: their headlines, at start, to catch up, and to reach back. */
@Repository
public class StoredHeadlines {

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

	private final JdbcClient jdbc;

	StoredHeadlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The headlines of the items stored after {@code afterId}, in id order, at most {@code limit}: what another
	 * instance (or an older version) stored since the story window last looked.
	 */
	public List<StoredHeadline> headlinesAfter(long afterId, int limit) {
		return this.jdbc.sql(HEADLINES_AFTER)
			.param("after", afterId)
			.param("batch", limit)
			.query(StoredHeadlines::headline)
			.list();
	}

	/** The headlines of the items sorted from {@code from} on: the story window, at start. */
	public List<StoredHeadline> headlinesSortedSince(Instant from) {
		return this.jdbc.sql(HEADLINES_SINCE).param("from", Timestamps.param(from)).query(StoredHeadlines::headline).list();
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
			.query(StoredHeadlines::headline)
			.list();
	}

	/** The highest item id handed out so far, 0 when there is none. */
	public long lastItemId() {
		return this.jdbc.sql(LAST_ID).query(Long.class).single();
	}

	/** A row of id, source_id, story_key, title and sort_at. */
	static StoredHeadline headline(ResultSet row, int rowNumber) throws SQLException {
		return new StoredHeadline(row.getLong("id"), row.getString("source_id"), row.getString("story_key"),
				row.getString("title"), Timestamps.read(row, "sort_at"));
	}

}

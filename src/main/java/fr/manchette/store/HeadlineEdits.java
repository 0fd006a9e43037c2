package fr.manchette.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items whose headline an edit changed, numbered in the order of the story lock's turns (each is recorded under
 * it): how the story window of every instance sharing the store learns of the edits another one stored, as it learns
 * of the items another one stored by their ids.
 */
@Repository
public class HeadlineEdits {

	// The primary key, from the last edit an instance has seen on. An item pruned since is no headline any more.
	private static final String AFTER = """
			SELECT e.id AS edit_id, i.id, i.source_id, i.story_key, i.title, i.sort_at
			  FROM headline_edit e LEFT JOIN item i ON i.id = e.item_id
			 WHERE e.id > :after ORDER BY e.id LIMIT :batch""";

	private static final String LAST_ID = "SELECT COALESCE(MAX(id), 0) FROM headline_edit";

	// headline_edit_at_idx
	private static final String FORGET = "DELETE FROM headline_edit WHERE edited_at < :cutoff";

	private final JdbcClient jdbc;

	HeadlineEdits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records that these items' headlines changed: call it holding the story lock, in the edit's transaction. */
	void record(List<Long> itemIds, Instant at) {
		if (itemIds.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(itemIds.size());
		for (Long id : itemIds) {
			rows.add(new Object[] { id, Timestamps.param(at) });
		}
		ManyRows.insert(this.jdbc, "headline_edit (item_id, edited_at)", rows, "");
	}

	/** The edits recorded after {@code afterId}, in their order, at most {@code limit}. */
	public List<Edit> after(long afterId, int limit) {
		return this.jdbc.sql(AFTER)
			.param("after", afterId)
			.param("batch", limit)
			.query((row, n) -> new Edit(row.getLong("edit_id"),
					(row.getObject("id") != null) ? StoredHeadlines.headline(row, n) : null))
			.list();
	}

	/** The last edit recorded, 0 when there is none. */
	public long lastId() {
		return this.jdbc.sql(LAST_ID).query(Long.class).single();
	}

	/** Forgets the edits made before {@code cutoff}: their headlines are older than any story window holds. */
	public int forgetBefore(Instant cutoff) {
		return this.jdbc.sql(FORGET).param("cutoff", Timestamps.param(cutoff)).update();
	}

	/**
	 * One edit of a headline.
	 *
	 * @param id its number, in the order of the story lock's turns
	 * @param headline the item's headline as it is now; null when the item has been pruned since
	 */
	public record Edit(long id, @Nullable StoredHeadline headline) {

	}

}

package fr.manchette.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * The search texts of items stored before the fold changed, folded again: an item keeps being found by the words
 * that a new item with its title and summary is found by. Only the rows whose text changes are written, with the
 * word index's keys of the words they gained, as an edit writes them (see {@link WordIndex}): the words they lost
 * may linger in the index, which the {@code LIKE} then rejects. A page of items at a time, by id.
 */
public final class SearchTextRefold {

	private static final int PAGE = 1_000;

	private static final String PAGE_OF_ITEMS = """
			SELECT id, title, summary_text, search_text FROM item WHERE id > ? ORDER BY id LIMIT ?""";

	private static final String UPDATE = "UPDATE item SET search_text = ? WHERE id = ?";

	private static final String INSERT_KEY = "INSERT INTO item_word (word_item) VALUES (?) ON CONFLICT DO NOTHING";

	private SearchTextRefold() {
	}

	/** Folds every item's search text again on this connection; returns how many changed. */
	public static int refold(Connection connection) throws SQLException {
		int changed = 0;
		long after = 0;
		try (PreparedStatement page = connection.prepareStatement(PAGE_OF_ITEMS);
				PreparedStatement update = connection.prepareStatement(UPDATE);
				PreparedStatement insertKey = connection.prepareStatement(INSERT_KEY)) {
			int read;
			do {
				read = 0;
				page.setLong(1, after);
				page.setInt(2, PAGE);
				try (ResultSet rows = page.executeQuery()) {
					while (rows.next()) {
						read++;
						after = rows.getLong("id");
						String before = rows.getString("search_text");
						String now = ItemRow.searchText(rows.getString("title"), rows.getString("summary_text"));
						if (!now.equals(before)) {
							changed++;
							update.setString(1, now);
							update.setLong(2, after);
							update.addBatch();
							Set<Long> old = WordIndex.keys(after, before);
							for (long key : WordIndex.keys(after, now)) {
								if (!old.contains(key)) {
									insertKey.setLong(1, key);
									insertKey.addBatch();
								}
							}
						}
					}
				}
				update.executeBatch();
				insertKey.executeBatch();
			}
			while (read == PAGE);
		}
		return changed;
	}

}

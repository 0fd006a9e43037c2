package fr.manchette.store;

import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Whether this process is the only one that can use the store: an H2 file that it opened itself, which H2's file lock
 * keeps every other process out of while it is open. Not when the URL says {@code AUTO_SERVER=TRUE} (the first
 * process to open the file serves it to the others) or {@code FILE_LOCK=NO}; never on PostgreSQL, which several
 * instances share, nor on an H2 server ({@code jdbc:h2:tcp:}) or in memory. One service runs in a process (only
 * tests start two in one JVM, and they are then one process to H2).
 */
final class ExclusiveStore {

	private ExclusiveStore() {
	}

	/**
	 * @param url the store's URL, as {@link DatabaseUrl} resolved it
	 */
	static boolean exclusive(DataSource dataSource, String url) throws SQLException {
		boolean h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
		if (!h2 || "TRUE".equalsIgnoreCase(DatabaseUrl.setting(url, "AUTO_SERVER"))
				|| "NO".equalsIgnoreCase(DatabaseUrl.setting(url, "FILE_LOCK"))) {
			return false;
		}
		return H2File.of(dataSource) != null;
	}

}

package fr.manchette.store;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;

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
	 * Whether the service's store is this process's alone: a start may then give back every lease it finds (but its
	 * own), as those are the leases of a run that has ended.
	 */
	static boolean exclusive(DataSource dataSource, Environment environment) {
		String url = environment.getProperty(DatabaseUrlResolver.URL, "");
		try {
			return exclusive(dataSource, url);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell whether the store is this process's alone", ex);
		}
	}

	/**
	 * @param url the store's URL, as {@link DatabaseUrl} resolved it
	 */
	static boolean exclusive(DataSource dataSource, String url) throws SQLException {
		if (!DatabaseUrl.isH2(url) || "TRUE".equalsIgnoreCase(DatabaseUrl.setting(url, "AUTO_SERVER"))
				|| "NO".equalsIgnoreCase(DatabaseUrl.setting(url, "FILE_LOCK"))) {
			return false;
		}
		return H2File.of(dataSource) != null;
	}

}

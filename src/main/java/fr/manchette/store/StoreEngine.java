package fr.manchette.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The two databases the store runs on (see {@link DatabaseUrl}), for the few things done differently on each:
 * migrations that H2 and PostgreSQL take in different syntax, statistics PostgreSQL must be told to gather, H2's file
 * to pace, compact or back up, the statements that read back what they changed (a claim's leases, the story lock), key
 * lookups bound as arrays, the advisory lock of an instance's life, the lists of indexes. Told by the connection's own
 * product name, the one answer a Flyway migration and a component both have.
 */
public enum StoreEngine {

	H2, POSTGRESQL;

	/** The engine behind a connection. */
	public static StoreEngine of(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		return switch (product) {
			case "H2" -> H2;
			case "PostgreSQL" -> POSTGRESQL;
			// DatabaseUrl refuses any other URL before a connection is made.
			default -> throw new IllegalStateException("Not a store's database: " + product);
		};
	}

	/** The engine behind a connection of {@code jdbc}. */
	static StoreEngine of(JdbcOperations jdbc) {
		return jdbc.execute((ConnectionCallback<StoreEngine>) StoreEngine::of);
	}

}

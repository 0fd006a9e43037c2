package fr.manchette.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Another instance on the same PostgreSQL database, as far as leases go: a session that holds the advisory lock of a
 * key drawn at random, and the lease owner's name that carries the key (host, process, the key in 16 hex digits, as
 * the service names its instances). {@link #close} ends the session, as a killed process's does.
 */
public final class OtherInstance implements AutoCloseable {

	private final Connection session;

	private final String name;

	private OtherInstance(Connection session, String name) {
		this.session = session;
		this.name = name;
	}

	/** An instance alive on the database at this URL until closed. */
	public static OtherInstance on(String jdbcUrl) throws SQLException {
		long key = ThreadLocalRandom.current().nextLong();
		Connection session = DriverManager.getConnection(jdbcUrl);
		try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, key);
			try (ResultSet taken = lock.executeQuery()) {
				taken.next();
				if (!taken.getBoolean(1)) {
					throw new IllegalStateException("Key taken");
				}
			}
		}
		return new OtherInstance(session, "other-host/77/" + HexFormat.of().toHexDigits(key));
	}

	/** Its name, the owner of its leases. */
	public String name() {
		return this.name;
	}

	/** Ends its session: PostgreSQL lets its lock go (at once, or within moments). */
	@Override
	public void close() throws SQLException {
		this.session.close();
	}

}

package fr.manchette.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Where the pool gets its connections to H2: the first one may create the database (a new data directory), every
 * later one must find it. The pool asks for one later when H2 closed the database (its file could not be written:
 * {@link ClosedH2Eviction}), and H2 then opens the file anew; where it finds none (the file moved away, or the name
 * leading elsewhere) it makes an empty database, which the service served and wrote to as if it were the store,
 * every statement failing with "table not found". So a later connection has H2 refuse to make one
 * ({@code IFEXISTS}), and a database that H2 opened anew must hold the store's tables (not an empty one read or put in
 * the file's place). Refused, the connection fails as one to a database that cannot be reached: the outage goes on,
 * the pool tries again, and the service resumes once the file is back. Set for H2 URLs by {@link H2PoolConnections}.
 */
final class H2Reopening extends SimpleDriverDataSource {

	/** Whether the URL says itself whether H2 may create the database: then it is the operator's to say. */
	private final boolean ifExistsGiven;

	/** Whether a connection was given: from then on the database exists. */
	private volatile boolean opened;

	/** The database, as H2 has it open, that the last connection given was on ({@link H2File#databaseOf}). */
	private volatile @Nullable Object database;

	/**
	 * Set by the pool from its connection timeout; it waits that long at its shutdown for a connection being opened
	 * (Spring's data sources refuse it and say 0: the pool then did not wait, and warned at every stop that came while
	 * it was opening one).
	 */
	private volatile int loginTimeout;

	H2Reopening(String url, Properties properties) {
		super(new org.h2.Driver(), url);
		setConnectionProperties(properties);
		this.ifExistsGiven = DatabaseUrl.sets(url, "IFEXISTS");
	}

	@Override
	protected Connection getConnectionFromDriver(Properties properties) throws SQLException {
		boolean later = this.opened;
		if (later && !this.ifExistsGiven) {
			properties.setProperty("IFEXISTS", "TRUE");
		}
		Connection connection = super.getConnectionFromDriver(properties);
		try {
			Object database = H2File.databaseOf(connection);
			if (later && database != this.database && !hasTables(connection)) {
				throw new SQLNonTransientConnectionException(
						"H2 opened the database anew and found none of the store's tables in it: not used", "08001");
			}
			this.database = database;
			this.opened = true;
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	@Override
	public int getLoginTimeout() {
		return this.loginTimeout;
	}

	@Override
	public void setLoginTimeout(int seconds) {
		this.loginTimeout = seconds;
	}

	private static boolean hasTables(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'");
				ResultSet tables = statement.executeQuery()) {
			return tables.next() && tables.getLong(1) > 0;
		}
	}

}

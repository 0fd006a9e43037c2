package fr.manchette.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The PostgreSQL connection on which an instance holds its advisory lock for its whole life (see {@link LeaseOwner}),
 * and tries those of the others. Its own, made with the pool's URL, user and password but outside the pool: a
 * connection lent for good would be one fewer for the polls, and the pool is free to close the ones it lends.
 * Session-level locks, as a session holds them until it ends; 64-bit keys, in the database's one space of them
 * (Flyway takes one while it migrates: a key drawn equal to it is drawn again).
 */
final class InstanceLock {

	private static final String TRY = "SELECT pg_try_advisory_lock(?)";

	private static final String UNLOCK = "SELECT pg_advisory_unlock(?)";

	/** How long a check that the connection is still there may wait for PostgreSQL's answer. */
	private static final int VALID_SECONDS = 5;

	private final DataSource unpooled;

	private @Nullable Connection connection;

	private InstanceLock(DataSource unpooled) throws SQLException {
		this.unpooled = unpooled;
		this.connection = unpooled.getConnection();
	}

	/** A connection of its own to the pool's database. */
	static InstanceLock open(DataSource pool) throws SQLException {
		return new InstanceLock(DataSourceBuilder.derivedFrom(pool).type(SimpleDriverDataSource.class).build());
	}

	/** Takes the lock of this key; false when another session holds it. */
	boolean take(long key) {
		return ask(TRY, key);
	}

	/**
	 * Whether no session holds the lock of this key: taken and let go at once. Not this session's own key, which it
	 * would take again whoever else held it.
	 */
	boolean free(long key) {
		if (!take(key)) {
			return false;
		}
		ask(UNLOCK, key);
		return true;
	}

	/** Whether the connection, and with it the lock it held, is still there. */
	boolean isOpen() {
		Connection current = this.connection;
		try {
			return current != null && current.isValid(VALID_SECONDS);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** A new connection in place of a lost one, and the lock of this key on it; false if either failed. */
	boolean reopenAndTake(long key) {
		close();
		try {
			this.connection = this.unpooled.getConnection();
			return take(key);
		}
		catch (SQLException | DataAccessResourceFailureException ex) {
			return false;
		}
	}

	/** Ends the session: PostgreSQL lets its lock go. */
	void close() {
		Connection current = this.connection;
		this.connection = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (SQLException ex) {
				// Gone already, and its lock with it.
			}
		}
	}

	private boolean ask(String query, long key) {
		Connection current = this.connection;
		if (current == null) {
			throw new DataAccessResourceFailureException("The instance's lock connection is closed");
		}
		try (PreparedStatement statement = current.prepareStatement(query)) {
			statement.setLong(1, key);
			try (ResultSet answer = statement.executeQuery()) {
				answer.next();
				return answer.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("The instance's lock connection failed", ex);
		}
	}

}

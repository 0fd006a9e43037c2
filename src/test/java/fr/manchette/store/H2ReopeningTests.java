package fr.manchette.store;

import java.nio.file.Path;
import java.sql.Connection;

import com.zaxxer.hikari.HikariDataSource;
import fr.manchette.support.H2Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 pool's connections taken from {@link H2Reopening}, as {@link H2PoolConnections} sets it up, seen from the
 * pool.
 */
class H2ReopeningTests {

	@TempDir
	Path dir;

	/**
	 * The pool sets the data source's login timeout from its connection timeout and, at its shutdown, waits that long
	 * for a connection it is opening: a data source that says 0 had it warn "Timed-out waiting for add connection
	 * executor to shutdown" at a stop that came while it opened one.
	 */
	@Test
	void thePoolKeepsTheLoginTimeoutItSetsAndWaitsForAtItsShutdown() throws Exception {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(H2Files.url(this.dir));
		pool.setConnectionTimeout(4_000);
		new H2PoolConnections().postProcessAfterInitialization(pool, "dataSource");
		try (pool; Connection connection = pool.getConnection()) {
			assertThat(pool.getDataSource()).isInstanceOf(H2Reopening.class);
			assertThat(connection.isValid(1)).isTrue();
			// Hikari's rule: the connection timeout and half a second, in whole seconds.
			assertThat(pool.getDataSource().getLoginTimeout()).isEqualTo(4);
		}
	}

}

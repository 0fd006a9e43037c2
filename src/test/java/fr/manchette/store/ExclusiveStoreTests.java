package fr.manchette.store;

import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import fr.manchette.support.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stores this process alone can use: the H2 file it opened, and none that other processes may open too. */
class ExclusiveStoreTests {

	@TempDir
	Path dir;

	@Test
	void anH2FileOpenedHereIsThisProcesssAlone() throws SQLException {
		assertThat(exclusive(h2File(""))).isTrue();
	}

	@Test
	void anH2FileServedToOtherProcessesOrWithoutItsLockIsNot() throws SQLException {
		// Told by the URL before any connection: AUTO_SERVER would open a server socket.
		assertThat(exclusive(h2File(";auto_server=true"))).isFalse();
		assertThat(exclusive(h2File(";FILE_LOCK=NO"))).isFalse();
	}

	@Test
	void h2InMemoryIsNot() throws SQLException {
		assertThat(exclusive(DatabaseUrl.resolve("jdbc:h2:mem:exclusive-store", this.dir))).isFalse();
	}

	@Test
	void postgresqlIsNot() throws SQLException {
		assertThat(exclusive(LocalPostgres.get().newDatabase("exclusive_store"))).isFalse();
	}

	private String h2File(String settings) {
		return DatabaseUrl.resolve("jdbc:h2:file:" + this.dir.resolve("db/manchette") + settings, this.dir);
	}

	private static boolean exclusive(String url) throws SQLException {
		DataSource dataSource = new DriverManagerDataSource(url);
		return ExclusiveStore.exclusive(dataSource, url);
	}

}

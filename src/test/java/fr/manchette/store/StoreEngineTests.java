package fr.manchette.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import fr.manchette.support.H2Files;
import fr.manchette.support.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database a connection goes to, as migrations and components ask it. */
class StoreEngineTests {

	@Test
	void anH2FileIsH2(@TempDir Path dir) throws Exception {
		try (Connection connection = DriverManager.getConnection(H2Files.url(dir), "sa", "")) {
			assertThat(StoreEngine.of(connection)).isEqualTo(StoreEngine.H2);
		}
	}

	@Test
	void h2InMemoryIsH2Too() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:engine", "sa", "")) {
			assertThat(StoreEngine.of(connection)).isEqualTo(StoreEngine.H2);
		}
	}

	@Test
	void postgresqlIsPostgresql() throws Exception {
		try (Connection connection = DriverManager.getConnection(LocalPostgres.get().jdbcUrl())) {
			assertThat(StoreEngine.of(connection)).isEqualTo(StoreEngine.POSTGRESQL);
		}
	}

}

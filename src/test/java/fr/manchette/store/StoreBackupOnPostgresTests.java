package fr.manchette.store;

import java.time.Clock;

import javax.sql.DataSource;

import fr.manchette.config.AdminSettings;
import fr.manchette.support.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL there is no file to copy: pg_dump does it (the admin action answers so). */
class StoreBackupOnPostgresTests {

	@Test
	void copiesNothing() {
		DataSource store = new DriverManagerDataSource(LocalPostgres.get().newDatabase("store_backup"), "sa", "");
		KeyHashesUpgradeTests.migrate(store, null);

		assertThat(new StoreBackup(new JdbcTemplate(store), Clock.systemUTC(), new AdminSettings(null, 7)).copy())
			.isEmpty();
	}

}

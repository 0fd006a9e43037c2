package fr.manchette.store;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An empty store gets every migration in one group, and ends as the migrations one by one leave it; a store that has
 * a history is upgraded one migration at a time, as it always was.
 */
class EmptyStoreMigrationsTests {

	/** A new empty store, as a JDBC URL. */
	protected String newStore() {
		return NewStores.h2("empty-store-migrations");
	}

	@Test
	void anEmptyStoreIsMigratedInOneGroupToTheLatestVersion() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		FluentConfiguration configuration = configuration(store);
		new EmptyStoreMigrations().customize(configuration);
		assertThat(configuration.isGroup()).isTrue();
		configuration.load().migrate();
		MigrationInfoService info = configuration.load().info();
		assertThat(info.pending()).isEmpty();
		assertThat(info.applied()).hasSizeGreaterThan(30).allMatch((migration) -> migration.getState().isApplied());
	}

	@Test
	void aStoreWithAHistoryIsUpgradedOneMigrationAtATime() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		KeyHashesUpgradeTests.migrate(store, "38");
		FluentConfiguration configuration = configuration(store);
		new EmptyStoreMigrations().customize(configuration);
		assertThat(configuration.isGroup()).isFalse();
		configuration.load().migrate();
		assertThat(configuration.load().info().pending()).isEmpty();
	}

	@Test
	void aStoreThatCannotBeOpenedIsNotCalledEmpty() {
		DataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/none", "sa", "");
		FluentConfiguration configuration = configuration(unreachable);
		new EmptyStoreMigrations().customize(configuration);
		assertThat(configuration.isGroup()).isFalse();
	}

	private static FluentConfiguration configuration(DataSource store) {
		return Flyway.configure().dataSource(store).locations("classpath:db/migration");
	}

}

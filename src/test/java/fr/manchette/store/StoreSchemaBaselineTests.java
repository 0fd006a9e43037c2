package fr.manchette.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new store starts from the baseline ({@code B51__Store_schema}), not from the thirty-three versions before it: the
 * two make the same tables, columns, keys, indexes and first rows, and a store made either way goes on alike.
 */
class StoreSchemaBaselineTests {

	/** A new empty store, as a JDBC URL. */
	protected String newStore(String name) {
		return NewStores.h2(name);
	}

	@Test
	void aNewStoreStartsFromTheBaselineAndHoldsWhatTheVersionsMake() throws SQLException {
		DataSource versions = new DriverManagerDataSource(newStore("schema-by-versions"), "sa", "");
		KeyHashesUpgradeTests.migrate(versions, null);
		DataSource baseline = new DriverManagerDataSource(newStore("schema-by-baseline"), "sa", "");
		migrated(baseline).migrate();

		List<String> byVersions = applied(versions);
		assertThat(byVersions).startsWith("1 SQL", "2 SQL").contains("51 SQL").noneMatch((m) -> m.contains("BASELINE"));
		// Then the versions after it, if any.
		List<String> after = byVersions.subList(byVersions.indexOf("51 SQL") + 1, byVersions.size());
		assertThat(applied(baseline)).first().isEqualTo("51 JDBC_BASELINE");
		assertThat(applied(baseline)).hasSize(1 + after.size()).endsWith(after.toArray(String[]::new));
		Map<String, List<String>> made = schema(baseline);
		assertThat(made).containsKeys("item", "source_status", "store_change").hasSize(14);
		assertThat(made).isEqualTo(schema(versions));
	}

	@Test
	void aStoreMadeByTheVersionsGoesOnThroughThemFromWhereItIs() throws SQLException {
		DataSource store = new DriverManagerDataSource(newStore("schema-from-38"), "sa", "");
		KeyHashesUpgradeTests.migrate(store, "38");

		assertThat(migrated(store).migrate().migrationsExecuted).isPositive();
		assertThat(applied(store)).startsWith("1 SQL", "2 SQL")
			.contains("38 SQL", "39 JDBC", "51 SQL")
			.noneMatch((m) -> m.contains("BASELINE"));
		assertThat(migrated(store).info().pending()).isEmpty();
	}

	@Test
	void aStoreMadeFromTheBaselineOpensAgainWithNothingToDo() {
		DataSource store = new DriverManagerDataSource(newStore("schema-baseline-again"), "sa", "");
		migrated(store).migrate();
		Flyway again = migrated(store);

		assertThat(again.migrate().migrationsExecuted).isZero();
		again.validate();
		assertThat(applied(store)).first().isEqualTo("51 JDBC_BASELINE");
		assertThat(again.info().pending()).isEmpty();
	}

	/** Flyway as the service runs it: with the locations application.yml gives it. */
	private static Flyway migrated(DataSource store) {
		YamlPropertiesFactoryBean settings = new YamlPropertiesFactoryBean();
		settings.setResources(new ClassPathResource("application.yml"));
		String locations = Objects.requireNonNull(settings.getObject()).getProperty("spring.flyway.locations");
		return Flyway.configure().dataSource(store).locations(locations.split(",")).load();
	}

	/** The migrations the store's history records as applied: version and type. */
	private static List<String> applied(DataSource store) {
		List<String> applied = new ArrayList<>();
		for (MigrationInfo info : migrated(store).info().applied()) {
			applied.add(info.getVersion() + " " + info.getType());
		}
		return applied;
	}

	/**
	 * Every table but Flyway's, described by what the code relies on: its columns in order with their types, sizes,
	 * nulls and defaults; its primary key, unique keys and indexes with their columns (and, on PostgreSQL, the index's
	 * definition, partial or not); and its rows. Names the engine makes up (H2's CONSTRAINT_3…) are left out.
	 */
	private static Map<String, List<String>> schema(DataSource store) throws SQLException {
		Map<String, List<String>> tables = new TreeMap<>();
		try (Connection connection = store.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String schema = connection.getSchema();
			try (ResultSet rows = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					String table = rows.getString("TABLE_NAME");
					if (!table.equalsIgnoreCase("flyway_schema_history")) {
						tables.put(table.toLowerCase(Locale.ROOT), new ArrayList<>());
					}
				}
			}
			for (Map.Entry<String, List<String>> table : tables.entrySet()) {
				describe(connection, meta, schema, table.getKey(), table.getValue());
			}
		}
		return tables;
	}

	private static void describe(Connection connection, DatabaseMetaData meta, String schema, String table,
			List<String> described) throws SQLException {
		try (ResultSet columns = meta.getColumns(null, schema, table, "%")) {
			while (columns.next()) {
				described.add("column " + columns.getInt("ORDINAL_POSITION") + " " + columns.getString("COLUMN_NAME")
						+ " " + columns.getString("TYPE_NAME") + "(" + columns.getInt("COLUMN_SIZE") + ") "
						+ columns.getString("IS_NULLABLE") + " " + columns.getString("COLUMN_DEF") + " "
						+ columns.getString("IS_AUTOINCREMENT"));
			}
		}
		List<String> key = new ArrayList<>();
		try (ResultSet columns = meta.getPrimaryKeys(null, schema, table)) {
			while (columns.next()) {
				key.add(columns.getShort("KEY_SEQ") + ":" + columns.getString("COLUMN_NAME"));
			}
		}
		described.add("primary key " + key.stream().sorted().toList());
		Map<String, List<String>> indexes = new TreeMap<>();
		try (ResultSet columns = meta.getIndexInfo(null, schema, table, false, false)) {
			while (columns.next()) {
				String name = columns.getString("INDEX_NAME");
				if (name == null) {
					continue;
				}
				String shown = name.matches("(?i)(primary_key|constraint_index)_\\w+|\\w+_pkey") ? "(the key's own)" : name;
				indexes.computeIfAbsent(shown + (columns.getBoolean("NON_UNIQUE") ? "" : " unique"),
						(n) -> new ArrayList<>())
					.add(columns.getShort("ORDINAL_POSITION") + ":" + columns.getString("COLUMN_NAME") + " "
							+ columns.getString("ASC_OR_DESC"));
			}
		}
		indexes.forEach((name, columns) -> described.add("index " + name + " " + columns.stream().sorted().toList()));
		if (StoreEngine.of(connection) == StoreEngine.POSTGRESQL) {
			try (Statement statement = connection.createStatement();
					ResultSet definitions = statement.executeQuery(
							"SELECT indexdef FROM pg_indexes WHERE tablename = '" + table + "' ORDER BY indexname")) {
				while (definitions.next()) {
					described.add("definition " + definitions.getString(1));
				}
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
			int width = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				StringBuilder row = new StringBuilder("row");
				for (int i = 1; i <= width; i++) {
					row.append(' ').append(rows.getString(i));
				}
				described.add(row.toString());
			}
		}
	}

}

package fr.manchette.store;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link DatabaseUrl}: what H2 is given, what is left alone, and what is refused. */
class DatabaseUrlTests {

	private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";

	private final Path dataDir = Path.of("/srv/manchette/data");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:h2:file:/srv/db                         | jdbc:h2:file:/srv/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:file:/srv/db;                        | jdbc:h2:file:/srv/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:./data/db;AUTO_SERVER=TRUE           | jdbc:h2:./data/db;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:mem:test;DB_CLOSE_DELAY=-1           | jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:tcp://localhost/~/db                 | jdbc:h2:tcp://localhost/~/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:file:/srv/db;mode=postgresql         | jdbc:h2:file:/srv/db;mode=postgresql;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:file:/srv/db;WRITE_DELAY=0;DATABASE_TO_LOWER=true | jdbc:h2:file:/srv/db;WRITE_DELAY=0;DATABASE_TO_LOWER=true;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:file:/srv/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH | jdbc:h2:file:/srv/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:file:/srv/db;LOCK_TIMEOUT=5000       | jdbc:h2:file:/srv/db;LOCK_TIMEOUT=5000;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:h2:file:/srv/db;query_cache_size=16     | jdbc:h2:file:/srv/db;query_cache_size=16;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE
			JDBC:H2:file:/srv/db                         | JDBC:H2:file:/srv/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64
			jdbc:postgresql://db.example:5432/manchette  | jdbc:postgresql://db.example:5432/manchette
			jdbc:postgresql://db/m?user=m&password=x     | jdbc:postgresql://db/m?user=m&password=x
			""")
	void anH2UrlGetsWhatItLacksAndKeepsItsOwnSettingsAndPostgresqlIsLeftAlone(String given, String resolved) {
		assertThat(DatabaseUrl.resolve(given, this.dataDir)).isEqualTo(resolved);
	}

	/** A driver property that a PostgreSQL URL gives is its own: the service's default is not set beside it. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://db/m?socketTimeout=0                         | socketTimeout | true
			jdbc:postgresql://db/m?user=m&SOCKETTIMEOUT=30                 | socketTimeout | true
			jdbc:postgresql://db/m?options=-c%20lock_timeout%3D5000        | options       | true
			jdbc:postgresql://db/m?user=m&options=-c%20lock_timeout%3D5000 | socketTimeout | false
			jdbc:postgresql://db/m?connectTimeout=5                        | socketTimeout | false
			""")
	void aPostgresqlUrlGivesTheDriverPropertiesItNames(String url, String property, boolean given) {
		assertThat(DatabaseUrl.gives(url, property)).isEqualTo(given);
	}

	@Test
	void withoutAUrlTheH2FileIsInTheDataDirectory() {
		assertThat(DatabaseUrl.resolve(null, this.dataDir)).isEqualTo("jdbc:h2:file:/srv/manchette/data/manchette" + SETTINGS);
		assertThat(DatabaseUrl.resolve("  ", this.dataDir)).isEqualTo("jdbc:h2:file:/srv/manchette/data/manchette" + SETTINGS);
	}

	@Test
	void aRelativeDataDirectoryIsTheWorkingDirectorys() {
		assertThat(DatabaseUrl.resolve(null, Path.of("./data")))
			.isEqualTo("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("manchette") + SETTINGS);
	}

	@Test
	void whetherAUrlSetsASettingOfItsOwnWhateverItsCase() {
		assertThat(DatabaseUrl.sets("jdbc:h2:file:/srv/db;retention_time=600000", "RETENTION_TIME")).isTrue();
		assertThat(DatabaseUrl.sets("jdbc:h2:file:/srv/db;RETENTION_TIME=0;AUTO_SERVER=TRUE", "RETENTION_TIME"))
			.isTrue();
		assertThat(DatabaseUrl.sets(DatabaseUrl.resolve("jdbc:h2:file:/srv/db", this.dataDir), "RETENTION_TIME"))
			.isFalse();
		assertThat(DatabaseUrl.sets("jdbc:h2:file:/srv/retention_time=1", "RETENTION_TIME")).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:h2:file:/srv/db;MODE=MySQL                 | spring.datasource.url "jdbc:h2:file:/srv/db;MODE=MySQL" cannot work: MODE=MySQL contradicts the MODE=PostgreSQL that Manchette's SQL needs (leave it out and Manchette sets what H2 needs).
			jdbc:h2:file:/srv/db;DATABASE_TO_LOWER=FALSE    | spring.datasource.url "jdbc:h2:file:/srv/db;DATABASE_TO_LOWER=FALSE" cannot work: DATABASE_TO_LOWER=FALSE contradicts the DATABASE_TO_LOWER=TRUE that Manchette's SQL needs (leave it out and Manchette sets what H2 needs).
			jdbc:h2:file:/srv/db;DATABASE_TO_UPPER=TRUE     | spring.datasource.url "jdbc:h2:file:/srv/db;DATABASE_TO_UPPER=TRUE" cannot work: DATABASE_TO_UPPER=TRUE contradicts the DATABASE_TO_LOWER=TRUE that Manchette's SQL needs (leave it out and Manchette sets what H2 needs).
			jdbc:h2:file:/srv/db;DEFAULT_NULL_ORDERING=LOW  | spring.datasource.url "jdbc:h2:file:/srv/db;DEFAULT_NULL_ORDERING=LOW" cannot work: DEFAULT_NULL_ORDERING=LOW contradicts the DEFAULT_NULL_ORDERING=HIGH that Manchette's SQL needs (leave it out and Manchette sets what H2 needs).
			jdbc:mysql://db/manchette                       | spring.datasource.url "jdbc:mysql://db/manchette" cannot work: Manchette stores its items in H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…) only.
			jdbc:mysql://db/manchette?password=secret       | spring.datasource.url "jdbc:mysql://db/manchette?password=****" cannot work: Manchette stores its items in H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…) only.
			postgres://manchette:secret@db/manchette        | spring.datasource.url "postgres://manchette:****@db/manchette" cannot work: it is not a JDBC URL (jdbc:h2:… for H2, jdbc:postgresql:… for PostgreSQL).
			./data/manchette                                | spring.datasource.url "./data/manchette" cannot work: it is not a JDBC URL (jdbc:h2:… for H2, jdbc:postgresql:… for PostgreSQL).
			""")
	void aUrlThatCannotWorkIsRefusedInOneSentenceWithoutItsPassword(String given, String sentence) {
		assertThatExceptionOfType(UnusableDatabaseUrlException.class)
			.isThrownBy(() -> DatabaseUrl.resolve(given, this.dataDir))
			.withMessage(sentence);
	}

}

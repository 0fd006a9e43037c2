package fr.manchette.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import fr.manchette.support.H2Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 file forced to the disk while the service runs ({@link H2FileCompaction}, {@link H2File#forceToDisk}): H2
 * keeps what it wrote for {@value H2FileCompaction#RETENTION} ms rather than 45 s, and overwrites only what the
 * version forced last no longer needs. Nothing here waits on a clock: the rounds of forcing are called directly (the
 * service's own come once an hour), and the retention time is set to none, so that only the forcing holds chunks.
 */
class H2FileForcingTests {

	@TempDir
	Path dir;

	@Test
	void whileTheServiceRunsH2KeepsWhatItWroteAFewSecondsOnly() {
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir))) {
			assertThat(retentionTime(context)).isEqualTo(Integer.toString(H2FileCompaction.RETENTION));
			// What the fill of an upgraded store paces itself by.
			assertThat(context.getBean(KeyHashes.class).h2FileWrites()).hasValueSatisfying(
					(file) -> assertThat(file.retention().toMillis()).isEqualTo(H2FileCompaction.RETENTION));
		}
	}

	@Test
	void anH2UrlThatSetsItsOwnRetentionTimeKeepsItAndH2sRuleAlone() {
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir) + ";retention_time=600000")) {
			assertThat(retentionTime(context)).isEqualTo("600000");
			long grown = size();
			burst(context);
			burst(context);
			context.getBean(H2FileCompaction.class).forceIfStored();
			long twice = size() - grown;
			burst(context);

			// Nothing forced, nothing younger than the retention time overwritten: the third burst grows the file as
			// much as the first two did each.
			assertThat(size() - grown - twice).isGreaterThan(twice / 3);
		}
	}

	@Test
	void whatABurstEmptiedIsOverwrittenOnceTheFileIsForcedAndNotBefore() {
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir))) {
			H2FileCompaction compaction = context.getBean(H2FileCompaction.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			// No retention time at all: only the version forced last keeps chunks from being overwritten.
			jdbc.sql("SET RETENTION_TIME 0").update();
			compaction.forceIfStored();
			long before = size();
			burst(context);
			long first = size() - before;
			burst(context);
			long second = size() - before - first;
			compaction.forceIfStored();
			burst(context);
			long third = size() - before - first - second;

			// Every chunk the first burst emptied was still needed by the version on the disk: the second burst
			// could not write over them, and grew the file as much as the first.
			assertThat(second).as("first %d, second %d", first, second).isGreaterThan(first / 2);
			// Forced, the two bursts are on the disk: the third writes over what they emptied.
			assertThat(third).as("second %d, third %d", second, third).isLessThan(second / 4);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM forcing_burst").query(Long.class).single()).isEqualTo(ROWS);
		}
	}

	private static final int ROWS = 3_000;

	/**
	 * Every row rewritten, 30 to a transaction, each stored by H2 at once ({@code WRITE_DELAY 0}, H2's background
	 * writer off): each transaction's chunk empties pages of the chunks before.
	 */
	private static void burst(ConfigurableApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
		jdbc.sql("SET WRITE_DELAY 0").update();
		jdbc.sql("CREATE TABLE IF NOT EXISTS forcing_burst (id BIGINT PRIMARY KEY, body VARCHAR(1000) NOT NULL)")
			.update();
		Random random = new Random(5);
		for (int from = 0; from < ROWS; from += 30) {
			int first = from;
			transaction.executeWithoutResult((tx) -> {
				for (int id = first; id < first + 30; id++) {
					jdbc.sql("MERGE INTO forcing_burst (id, body) KEY (id) VALUES (:id, :body)")
						.param("id", id)
						.param("body", body(random))
						.update();
				}
			});
		}
	}

	private static String body(Random random) {
		StringBuilder body = new StringBuilder(400);
		while (body.length() < 380) {
			body.append(Long.toString(random.nextLong(), 36)).append(' ');
		}
		return body.toString();
	}

	private static String retentionTime(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'RETENTION_TIME'")
			.query(String.class)
			.single();
	}

	private long size() {
		try {
			return Files.size(this.dir.resolve("db/manchette.mv.db"));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** A service on this URL whose rounds this test runs itself: no polls, no looks, no compaction at the stop. */
	private static ConfigurableApplicationContext start(String url) {
		return H2FileCompactionTests.start(url, "1h", "0s");
	}

}

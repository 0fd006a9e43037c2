package fr.manchette.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import fr.manchette.ManchetteApplication;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.FullDisk;
import fr.manchette.support.H2Files;
import fr.manchette.support.LocalPostgres;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 file after a burst of writes through the service's own data source: compacted in the background, and on a
 * clean stop, to within a bound of its live data; measured against the same file compacted offline by
 * {@code SHUTDOWN COMPACT}, which is its live data exactly. Nothing here waits on a clock: H2 reclaims nothing
 * during the burst (a long retention time), the background step and the forcing to disk are called directly with
 * H2's own background writer off, and the stop's time budget is far more than it needs (it ends when its steps stop
 * gaining).
 */
class H2FileCompactionTests {

	@TempDir
	Path dir;

	@Test
	void whatTheStartStoredIsInTheFileOnceTheServiceIsReady() throws Exception {
		// H2's background writer held off for the run: only what the service has H2 write reaches the file.
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir) + ";WRITE_DELAY=3600000", "1h",
				"0s")) {
			long migrations = context.getBean(JdbcClient.class)
				.sql("SELECT COUNT(*) FROM flyway_schema_history")
				.query(Long.class)
				.single();
			// The file as H2 opened anew after its file failed would read it: what the disk holds, nothing more.
			Files.copy(file(), this.dir.resolve("copy.mv.db"));
			try (Connection copy = DriverManager.getConnection(
					"jdbc:h2:" + this.dir.resolve("copy") + ";DATABASE_TO_LOWER=TRUE", "sa", "");
					Statement statement = copy.createStatement()) {
				assertThat(count(statement, "SELECT COUNT(*) FROM information_schema.tables"
						+ " WHERE table_name = 'flyway_schema_history'")).isOne();
				assertThat(count(statement, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(migrations);
			}
		}
	}

	@Test
	void theStartIsForcedToTheDiskOnce() {
		// The start waits for each forcing (ApplicationReadyEvent's listeners run before the health says UP): the
		// writing of what the start stored and the first forcing share one.
		try (ConfigurableApplicationContext context = start(FullDisk.url(this.dir), "1h", "0s")) {
			assertThat(FullDisk.forces(this.dir)).isOne();
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	@Test
	void aCleanStopLeavesTheFileNearItsLiveData() throws Exception {
		long grown;
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir), "1h", "10m")) {
			burst(context);
			grown = Files.size(file());
		}
		long stopped = Files.size(file());
		long live = compactedOffline();

		// The burst left dead pages: without compaction the file is several times its live data. The stop had the
		// time to write it anew.
		assertThat(grown).isGreaterThan(3 * live);
		assertThat(stopped).isLessThan(grown / 2).isLessThan(2 * live);
		assertThat(rows()).isEqualTo(BURST_ROWS);
		// H2 writes the errors it meets to a trace file beside the database: a clean stop meets none.
		try (java.util.stream.Stream<Path> files = Files.walk(this.dir)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.endsWith(".trace.db"));
		}
	}

	@Test
	void aBurstIsCompactedInTheBackgroundWhileTheServiceRuns() throws Exception {
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir), "1h", "0s")) {
			H2FileCompaction compaction = context.getBean(H2FileCompaction.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			burst(context);
			// H2's own background writer off, so that only this compacts; and what the burst has just written may
			// be reclaimed at once rather than after the retention time.
			jdbc.sql("SET WRITE_DELAY 0").update();
			// What a round of forcing to disk does within a second: what the burst emptied may be written over.
			compaction.forceIfStored();
			jdbc.sql("SET RETENTION_TIME 0").update();

			// The first look cannot know whether polls are writing: it rewrites old chunks, and leaves the space
			// they held to the next writes rather than move chunks under them.
			H2File.Compacted busy = compaction.compactIfOvergrown();
			// No one wrote since: the next look moves chunks down and cuts the file. On a loaded machine H2 may still
			// be storing what the first look left when the second one starts, which makes that one busy too: with
			// no one else writing, one of the next few looks is idle.
			H2File.Compacted idle = compaction.compactIfOvergrown();
			for (int look = 0; look < 4 && idle.after().size() >= busy.before().size() / 2; look++) {
				idle = compaction.compactIfOvergrown();
			}

			assertThat(compaction.active()).isTrue();
			assertThat(busy.before().below(H2FileCompaction.START_BELOW)).as(busy.before().toString()).isTrue();
			// Old chunks emptier than H2's target are rewritten; on a loaded machine H2's own writer may have done
			// that during the burst already, and then there is nothing to rewrite, only holes to leave to new writes.
			assertThat(busy.after().oldChunksLive()).as(busy.toString())
				.isGreaterThanOrEqualTo(Math.min(busy.before().oldChunksLive() + 1, H2File.CHUNK_FILL_TARGET));
			assertThat(busy.after().size()).isLessThanOrEqualTo(busy.before().size());
			assertThat(idle.after().size()).as(idle.toString()).isLessThan(busy.before().size() / 2);
			assertThat(idle.after().liveShare()).as(idle.toString())
				.isGreaterThanOrEqualTo(H2FileCompaction.START_BELOW);
			// Looked at again, a file that is mostly live is left alone.
			H2File.Compacted again = compaction.compactIfOvergrown();
			assertThat(again.after()).isEqualTo(again.before());
			assertThat(jdbc.sql("SELECT COUNT(*) FROM compaction_burst").query(Long.class).single())
				.isEqualTo(BURST_ROWS);
		}
	}

	/**
	 * A store opened here alone, to lay its chunks out exactly: live ones packed at the start of the file, dead ones
	 * after them to its end, which a reader held until the look: nothing to move, so nothing cut on the moves'
	 * account. What freeing the dead chunks changed is stored, which lets H2 cut the file where its live chunks end.
	 * Without that store, a look freed the end of the file and left it in place, then found the file "mostly live"
	 * (H2 measures its chunks up to the last one's end, not up to the file's), as the looks after a burst did at times
	 * under load: the file stayed at 10 to 20 times its live data.
	 */
	@Test
	void chunksFreedAtTheEndOfTheFileAreCutAway() throws Exception {
		Path path = this.dir.resolve("alone.mv.db");
		MVStore store = new MVStore.Builder().fileName(path.toString()).autoCommitDisabled().open();
		try {
			// As H2 has it: no version kept but those in use, and (no one else writing) no retention time.
			store.setVersionsToKeep(0);
			store.setRetentionTime(0);
			Random random = new Random(3);
			MVMap<Integer, String> kept = store.openMap("kept");
			put(store, kept, 6_000, random);
			// A small map, soon removed: the hole it leaves at the start takes what is stored later.
			MVMap<Integer, String> soonGone = store.openMap("soon_gone");
			put(store, soonGone, 50, random);
			MVMap<Integer, String> dropped = store.openMap("dropped");
			for (int i = 0; i < 20; i++) {
				put(store, dropped, 4_000, random);
			}
			store.removeMap(soonGone);
			store.commit();
			kept.put(-1, "one more");
			store.commit();
			MVStore.TxCounter reader = store.registerVersionUsage();
			store.removeMap(dropped);
			store.commit();
			store.deregisterVersionUsage(reader);

			H2File.Compacted done = new H2File(store).compact(CompactionPace.IDLE, Long.MAX_VALUE, () -> true);

			assertThat(done.before().size()).isGreaterThan(H2FileCompaction.MIN_SIZE);
			assertThat(done.before().liveShare()).isLessThan(H2FileCompaction.START_BELOW);
			assertThat(done.after().size()).as(done.toString()).isLessThan(done.before().size() / 4);
			assertThat(Files.size(path)).isEqualTo(done.after().size());
			assertThat(kept.sizeAsLong()).isEqualTo(6_001);
		}
		finally {
			store.close();
		}
	}

	/** Rows of some 400 bytes, committed. */
	private static void put(MVStore store, MVMap<Integer, String> map, int rows, Random random) {
		int from = (int) map.sizeAsLong();
		for (int key = from; key < from + rows; key++) {
			map.put(key, body(random));
		}
		store.commit();
	}

	@Test
	void onceNoOneWritesALookNeedNotWaitForTheRetentionTime() throws Exception {
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir), "1h", "0s")) {
			H2FileCompaction compaction = context.getBean(H2FileCompaction.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			burst(context);
			jdbc.sql("SET WRITE_DELAY 0").update();
			compaction.forceIfStored();

			// Everything is younger than the burst's retention time: while polls may be writing, nothing to do.
			H2File.Compacted busy = compaction.compactIfOvergrown();
			// No one wrote since: the look goes ahead without the retention time, and gives it back after.
			H2File.Compacted idle = compaction.compactIfOvergrown();

			assertThat(busy.after()).isEqualTo(busy.before());
			assertThat(idle.before().liveShare()).isLessThan(H2FileCompaction.START_BELOW);
			assertThat(idle.after().size()).isLessThan(idle.before().size() / 2);
			assertThat(jdbc
				.sql("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'RETENTION_TIME'")
				.query(String.class)
				.single()).isEqualTo("600000");
		}
	}

	@Test
	void aFileUnder16MbIsLeftAsItIsHoweverMuchOfItIsDead() throws Exception {
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir), "1h", "0s")) {
			H2FileCompaction compaction = context.getBean(H2FileCompaction.class);
			context.getBean(JdbcClient.class).sql("SET WRITE_DELAY 0").update();
			burst(context, BURST_ROWS / 40);
			compaction.forceIfStored();
			compaction.compactIfOvergrown();
			H2File.Compacted idle = compaction.compactIfOvergrown();

			assertThat(idle.before().size()).isLessThan(H2FileCompaction.MIN_SIZE);
			assertThat(idle.before().liveShare()).isLessThan(H2FileCompaction.START_BELOW);
			assertThat(idle.after()).isEqualTo(idle.before());
		}
	}

	@Test
	void whenThereIsNoTimeToWriteTheFileAnewAStopTakesStepsInstead() throws Exception {
		H2File.Compacted done;
		try (ConfigurableApplicationContext context = start(H2Files.url(this.dir), "1h", "0s")) {
			burst(context);
			context.getBean(JdbcClient.class).sql("SET WRITE_DELAY 0").update();
			// As on a stop: the looks and the forcing to disk are over before the stop compacts.
			context.getBean(H2FileCompaction.class).destroy();
			H2File file = H2File.of(context.getBean(DataSource.class));
			file.closing();

			// What a stop does with too little time for SHUTDOWN COMPACT, given here all the time it wants.
			done = file.compact(CompactionPace.STOPPING, Long.MAX_VALUE, () -> true);
		}
		long live = compactedOffline();

		assertThat(done.before().size()).isGreaterThan(3 * live);
		assertThat(done.after().size()).isLessThan(2 * live);
		assertThat(rows()).isEqualTo(BURST_ROWS);
	}

	@Test
	void onPostgresqlThereIsNothingToCompact() throws SQLException {
		String database = LocalPostgres.get().newDatabase("h2_compaction");
		try (ConfigurableApplicationContext context = start(database, "1h", "10s")) {
			H2FileCompaction compaction = context.getBean(H2FileCompaction.class);

			assertThat(compaction.active()).isFalse();
			assertThat(compaction.compactIfOvergrown()).isEqualTo(H2File.Compacted.NOTHING);
			assertThat(H2File.of(context.getBean(DataSource.class))).isNull();
		}
	}

	/**
	 * A stop on PostgreSQL asks its pool for no connection: the server may be gone already (stopped before the
	 * service), and the pool would wait for one its whole connection timeout (30 s) before the stop went on.
	 */
	@Test
	void onPostgresqlAStopAsksForNoConnection() {
		String gone = "jdbc:postgresql://127.0.0.1:9/manchette";
		AtomicInteger asked = new AtomicInteger();
		DataSource pool = counting(gone, asked);

		new H2StopCompaction(new MockEnvironment().withProperty("spring.datasource.url", gone))
			.postProcessBeforeDestruction(pool, "dataSource");

		assertThat(asked).hasValue(0);
	}

	/**
	 * A start refused for a wrong {@code manchette.h2.compaction.*} stops with that one reason: its stop neither
	 * fails again on the same setting (a second report and its stack trace before the reason) nor touches the file.
	 */
	@Test
	void aStartRefusedForItsCompactionSettingsStopsWithoutASecondFailure() {
		String url = "jdbc:h2:file:" + this.dir.resolve("manchette");
		AtomicInteger asked = new AtomicInteger();
		DataSource pool = counting(url, asked);

		new H2StopCompaction(new MockEnvironment().withProperty("spring.datasource.url", url)
			.withProperty("manchette.h2.compaction.interval", "0s")).postProcessBeforeDestruction(pool, "dataSource");

		assertThat(asked).hasValue(0);
	}

	/** A data source on {@code url} that counts the connections asked of it. */
	private static DataSource counting(String url, AtomicInteger asked) {
		return new DriverManagerDataSource(url) {

			@Override
			public Connection getConnection() throws SQLException {
				asked.incrementAndGet();
				return super.getConnection();
			}

		};
	}

	private static final int BURST_ROWS = 20_000;

	private static final int PASSES = 3;

	/**
	 * Polls between two stores of the burst to the file. H2 stores on its own too, every write delay (0.5 s): how
	 * many of those fall in the burst depends on the machine's speed, so a fast machine left too little dead data
	 * (2.6 × the live data instead of more than 3 ×). Eight stores of its own make the burst leave about 12 × on any
	 * machine, as much with H2's timed stores off.
	 */
	private static final int CHECKPOINT_EVERY = 250;

	/**
	 * Rows in polls of 30, one transaction each, under random keys and with an indexed word, as the word index gets
	 * them; then every row rewritten, word included, as a store that updates what it sees again. Each store to the
	 * file leaves old pages behind, of the table and of its index.
	 */
	private static void burst(ConfigurableApplicationContext context) {
		burst(context, BURST_ROWS);
	}

	private static void burst(ConfigurableApplicationContext context, int rows) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
		// Nothing is reclaimed by H2 while the burst lasts, however slow the machine: the file grows alike each run.
		jdbc.sql("SET RETENTION_TIME 600000").update();
		jdbc.sql("CREATE TABLE compaction_burst (id BIGINT PRIMARY KEY, word VARCHAR(20) NOT NULL, "
				+ "body VARCHAR(1000) NOT NULL)").update();
		jdbc.sql("CREATE INDEX compaction_burst_word ON compaction_burst (word)").update();
		Random random = new Random(11);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			ids.add(random.nextLong());
		}
		int polls = 0;
		for (int pass = 0; pass < PASSES; pass++) {
			String sql = (pass == 0) ? "INSERT INTO compaction_burst (id, word, body) VALUES (:id, :word, :body)"
					: "UPDATE compaction_burst SET word = :word, body = :body WHERE id = :id";
			for (int from = 0; from < rows; from += 30) {
				List<Long> poll = ids.subList(from, Math.min(from + 30, rows));
				transaction.executeWithoutResult((tx) -> poll.forEach((id) -> jdbc.sql(sql)
					.param("id", id)
					.param("word", Long.toString(random.nextLong(), 36))
					.param("body", body(random))
					.update()));
				if (++polls % CHECKPOINT_EVERY == 0) {
					jdbc.sql("CHECKPOINT").update();
				}
			}
		}
		jdbc.sql("CHECKPOINT").update();
	}

	private static String body(Random random) {
		StringBuilder body = new StringBuilder(400);
		while (body.length() < 380) {
			body.append(Long.toString(random.nextLong(), 36)).append(' ');
		}
		return body.toString();
	}

	static ConfigurableApplicationContext start(String url, String interval, String onStop) {
		return new SpringApplicationBuilder(ManchetteApplication.class).web(WebApplicationType.NONE)
			.run("--manchette.feeds=" + writeFeeds(), "--manchette.polling.enabled=false",
					"--spring.datasource.url=" + url, "--manchette.h2.compaction.interval=" + interval,
					"--manchette.h2.compaction.on-stop=" + onStop, "--manchette.h2.compaction.force-every=1h");
	}

	private static String writeFeeds() {
		try {
			Path feeds = FeedsYml.withDefaults()
				.source("quiet", "Quiet", "http://127.0.0.1:9/feed")
				.writeTo(Files.createTempFile("feeds", ".yml"));
			feeds.toFile().deleteOnExit();
			return feeds.toString();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private Path file() {
		return this.dir.resolve("db/manchette.mv.db");
	}

	/** The live data: a copy of the file, rewritten entry by entry by {@code SHUTDOWN COMPACT}. */
	private long compactedOffline() throws IOException, SQLException {
		Path copy = this.dir.resolve("copy");
		Files.createDirectories(copy.resolve("db"));
		Files.copy(file(), copy.resolve("db/manchette.mv.db"));
		try (Connection connection = DriverManager.getConnection(opened(copy), "sa", "")) {
			connection.createStatement().execute("SHUTDOWN COMPACT");
		}
		return Files.size(copy.resolve("db/manchette.mv.db"));
	}

	/** The file as this test opens it by itself, with the setting the service created it with. */
	private static String opened(Path dir) {
		return H2Files.url(dir) + ";DATABASE_TO_LOWER=TRUE";
	}

	private long rows() throws SQLException {
		try (Connection connection = DriverManager.getConnection(opened(this.dir), "sa", "")) {
			var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM compaction_burst");
			result.next();
			return result.getLong(1);
		}
	}

}

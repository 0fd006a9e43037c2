package fr.manchette.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.LocalPostgres;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away (a restart, a failover, a network cut ends every pooled connection) or a table is locked
 * (a {@code VACUUM FULL}, an {@code ALTER TABLE}, a transaction left open in psql) while sources are polled: what
 * failed is the store, not the source. Each test has a database of its own on the tests' PostgreSQL, cut off and let
 * back in from a superuser's connection; the server itself stays up for the other classes.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageOnPostgresTests {

	@TempDir
	Path dir;

	private final WireMockServer server = Sites.server();

	private String name;

	private String database;

	@BeforeEach
	void start() {
		this.server.start();
	}

	@AfterEach
	void stop() throws SQLException {
		this.server.stop();
		if (this.name != null) {
			letIn();
		}
	}

	/**
	 * A poll whose store step loses its connection (the database restarted under it) once its fetch worked: the
	 * source did nothing wrong. Its failures are not counted, its validators not kept (the next poll would be
	 * answered 304, and the items it fetched lost), and the next poll stores them.
	 */
	@Test
	void aPollWhoseStoreLosesItsConnectionIsNotHeldAgainstItsSourceAndItsItemsComeNextTime() throws Exception {
		this.server.stubFor(get("/feed").willReturn(feed("v1", 2)));
		try (ConfigurableApplicationContext context = service(feeds(), false)) {
			Source source = context.getBean(CurrentFeeds.class).get().source("depeches").orElseThrow();
			IngestRun ingest = context.getBean(IngestRun.class);
			assertThat(ingest.run(source).outcome()).isEqualTo(PollOutcome.OK);
			this.server.stubFor(get("/feed").willReturn(feed("v2", 4)));

			PollReport report;
			try (Connection locker = superuser(this.name)) {
				locker.setAutoCommit(false);
				locker.createStatement().execute("LOCK TABLE item IN ACCESS EXCLUSIVE MODE");
				CompletableFuture<PollReport> poll = CompletableFuture.supplyAsync(() -> ingest.run(source));
				// The poll's store step waits for the table: the database then ends every connection but the locker's.
				await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() > 0);
				terminateAllBut(locker);
				report = poll.get();
				locker.rollback();
			}

			assertThat(report.outcome().failure()).isFalse();
			// The pool hands out the connections the database ended until it finds them dead, each failing once.
			SourceStatus status = await().ignoreExceptions()
				.atMost(Duration.ofSeconds(30))
				.until(() -> context.getBean(SourceStatusRepository.class).find("depeches"), Optional::isPresent)
				.orElseThrow();
			assertThat(status.consecutiveFailures()).isZero();
			assertThat(status.lastOutcome()).isEqualTo(PollOutcome.OK);
			assertThat(status.lastError()).isNull();
			assertThat(status.etag()).startsWith("\"v1");

			PollReport next = await().atMost(Duration.ofSeconds(30))
				.until(() -> ingest.run(source), (again) -> again.outcome() != PollOutcome.INTERRUPTED);
			assertThat(next.outcome()).isEqualTo(PollOutcome.OK);
			assertThat(next.inserted()).isEqualTo(2);
			assertThat(items(context)).isEqualTo(4);
		}
	}

	/**
	 * The same, with the scheduler polling: the source's lease (here ten minutes) is given back once the database
	 * answers again, and the source polled again then, rather than when its lease runs out.
	 */
	@Test
	void aSourceWhosePollTheDatabaseWentAwayUnderIsPolledAgainOnceItAnswersNotWhenItsLeaseRunsOut() throws Exception {
		this.server.stubFor(get("/feed").willReturn(feed("v1", 2)));
		try (ConfigurableApplicationContext context = service(feeds(), true, "--manchette.polling.lease=10m")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> items(context) == 2);
			this.server.stubFor(get("/feed").willReturn(feed("v2", 4)));
			try (Connection locker = superuser(this.name)) {
				locker.setAutoCommit(false);
				locker.createStatement().execute("LOCK TABLE item IN ACCESS EXCLUSIVE MODE");
				await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() > 0);
				terminateAllBut(locker);
				locker.rollback();
			}

			await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> items(context) == 4);
			SourceStatus status = context.getBean(SourceStatusRepository.class).find("depeches").orElseThrow();
			assertThat(status.consecutiveFailures()).isZero();
			assertThat(status.etag()).startsWith("\"v2");
		}
	}

	/**
	 * The database refuses every connection for a while, as during a restart or a failover: the service stays up,
	 * serves its feeds from memory, says DOWN on its health, logs the outage once and its end once, with no error,
	 * whichever of its workers (polls, webhooks, WebSub subscriptions) found it first; once the database is back, its
	 * polling resumes by itself and stores what the sources published meanwhile, each item once, and the feeds show
	 * it. No source is held to have failed.
	 */
	@Test
	void whileTheDatabaseIsAwayFeedsAreServedAndOnceBackWhatTheSourcesPublishedIsStoredOnce(CapturedOutput output)
			throws Exception {
		this.server.stubFor(get("/feed").willReturn(feed("v1", 2)));
		this.server.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
		try (ConfigurableApplicationContext context = service(feeds(), true,
				"--manchette.webhooks[0].url=http://127.0.0.1:%d/hook".formatted(this.server.port()),
				"--manchette.webhooks[0].secret=s", "--manchette.fetch.allow-internal-redirects=true",
				"--manchette.webhook-delivery.tick=200ms", "--manchette.public-url=http://manchette.example/",
				"--manchette.websub.tick=200ms")) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> items(context) == 2);
			var before = await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port, "/feed.rss", null), (rss) -> rss.body().contains("numéro 1"));
			String etag = before.headers().firstValue("ETag").orElseThrow();
			assertThat(LocalHttp.get(port, "/headlines.txt", null).statusCode()).isEqualTo(200);
			assertThat(LocalHttp.get(port, "/actuator/prometheus", null).body()).contains("manchette_items 2.0");

			int cut = output.length();
			keepOut();
			this.server.stubFor(get("/feed").willReturn(feed("v2", 4)));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port, "/actuator/health", null).statusCode() == 503);
			// Several rounds of the workers fail: the first says so, the others only at debug level.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> logged(output, cut).split("DEBUG.*cannot be reached", -1).length > 5);
			assertThat(LocalHttp.get(port, "/actuator/health", null).statusCode()).isEqualTo(503);
			assertThat(LocalHttp.get(port, "/feed.rss", null).statusCode()).isEqualTo(200);
			assertThat(LocalHttp.get(port, "/feed.rss", etag).statusCode()).isEqualTo(304);
			// Rendered before the cut: served from memory.
			assertThat(LocalHttp.get(port, "/headlines.txt", null).statusCode()).isEqualTo(200);
			// Not rendered before: a 503 that says when to come back, not our error.
			var unread = LocalHttp.get(port, "/api/headlines?q=numero", null);
			assertThat(unread.statusCode()).isEqualTo(503);
			assertThat(unread.headers().firstValue("Retry-After")).contains("30");
			assertThat(unread.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(unread.body()).contains("Store unavailable");
			// The sources' figures as last read, rather than a scrape that waits for the database at each of them.
			assertThat(LocalHttp.get(port, "/actuator/prometheus", null).body()).contains("manchette_items 2.0")
				.contains("manchette_sources{state=\"ok\"} 1.0");
			// A source added to feeds.yml meanwhile: polled once the database is back.
			this.server.stubFor(get("/second").willReturn(feed("s1", 3)));
			feeds(FeedsYml.inZone("Africa/Casablanca")
				.source("second", "http://127.0.0.1:%d/second".formatted(this.server.port())));
			await().atMost(Duration.ofSeconds(30)).until(() -> logged(output, cut).contains("Reloaded feeds.yml sources=2"));
			// The new file is not recorded in the store yet: the feed is answered all the same, or a 503, never our error.
			assertThat(LocalHttp.get(port, "/feed.rss", null).statusCode()).isIn(200, 503);
			// The hourly prune and a hub's push wait for the database too, without an error.
			context.getBean(RetentionPruner.class).prune();
			Source source = context.getBean(CurrentFeeds.class).get().source("depeches").orElseThrow();
			byte[] pushed = "<rss version=\"2.0\"><channel><title>Dépêches</title><item><title>Poussée</title></item></channel></rss>"
				.getBytes(StandardCharsets.UTF_8);
			assertThat(context.getBean(IngestRun.class).deliver(source, pushed, "application/rss+xml").outcome())
				.isEqualTo(PollOutcome.INTERRUPTED);

			String away = logged(output, cut);
			letIn();
			await().atMost(Duration.ofSeconds(30)).until(() -> logged(output, cut).contains("answers again"));
			await().atMost(Duration.ofSeconds(30)).until(() -> LocalHttp.get(port, "/feed.rss", null)
				.body()
				.contains("numéro 3"));
			await().atMost(Duration.ofSeconds(30)).until(() -> items(context) == 7);
			assertThat(jdbc.sql("SELECT COUNT(DISTINCT source_id || item_key) FROM item").query(Long.class).single())
				.isEqualTo(7);
			assertThat(LocalHttp.get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
			SourceStatus status = context.getBean(SourceStatusRepository.class).find("depeches").orElseThrow();
			assertThat(status.consecutiveFailures()).isZero();
			assertThat(status.lastError()).isNull();

			assertThat(away.split("WARN.*cannot be reached", -1)).hasSize(2);
			assertThat(away).doesNotContain(" ERROR ").doesNotContain("\tat ");
			// Besides it, only this instance's lock on PostgreSQL, lost: a warning.
			assertThat(away.lines().filter((line) -> line.contains(" WARN ")))
				.allMatch((line) -> line.contains("cannot be reached") || line.contains("Lost the lock"));
			assertThat(logged(output, cut).split("answers again", -1)).hasSize(2);
		}
	}

	/**
	 * A table locked for longer than the lock timeout (here 2 s, by the driver's options; a minute by default, as on
	 * H2): the polls that store give up at it, none held against its source, while the feeds are still served; once
	 * the lock is let go, what the sources published meanwhile is stored, each item once.
	 */
	@Test
	void aTableLockedHoldsThePollsUpToTheLockTimeoutNotTheServingAndNothingIsLost(CapturedOutput output)
			throws Exception {
		this.server.stubFor(get("/feed").willReturn(feed("v1", 2)));
		try (ConfigurableApplicationContext context = service(feeds(), true,
				"--spring.datasource.hikari.data-source-properties.options=-c lock_timeout=2000",
				"--spring.datasource.hikari.data-source-properties.socketTimeout=120")) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			// The operator's settings, not the service's.
			assertThat(jdbc.sql("SHOW lock_timeout").query(String.class).single()).isEqualTo("2s");
			assertThat(networkTimeout(context)).isEqualTo(Duration.ofMinutes(2));
			await().atMost(Duration.ofSeconds(30)).until(() -> items(context) == 2);
			var before = await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port, "/feed.rss", null), (rss) -> rss.body().contains("numéro 1"));
			String etag = before.headers().firstValue("ETag").orElseThrow();

			try (Connection locker = superuser(this.name)) {
				locker.setAutoCommit(false);
				locker.createStatement().execute("LOCK TABLE item IN ACCESS EXCLUSIVE MODE");
				int locked = output.length();
				this.server.stubFor(get("/feed").willReturn(feed("v2", 4)));
				await().atMost(Duration.ofSeconds(30))
					.until(() -> logged(output, locked).contains("Poll not stored source=depeches"));
				assertThat(LocalHttp.get(port, "/feed.rss", etag).statusCode()).isEqualTo(304);
				assertThat(LocalHttp.get(port, "/feed.rss", null).statusCode()).isEqualTo(200);
				SourceStatus status = context.getBean(SourceStatusRepository.class).find("depeches").orElseThrow();
				assertThat(status.consecutiveFailures()).isZero();
				assertThat(status.etag()).startsWith("\"v1");
				locker.rollback();
			}

			await().atMost(Duration.ofSeconds(30)).until(() -> LocalHttp.get(port, "/feed.rss", null)
				.body()
				.contains("numéro 3"));
			assertThat(items(context)).isEqualTo(4);
			assertThat(context.getBean(SourceStatusRepository.class).find("depeches").orElseThrow()
				.consecutiveFailures()).isZero();
		}
	}

	/**
	 * A new database, by default the service's store: a statement waits a minute at most for a lock, and five for an
	 * answer (a network that drops packets without closing the connection would otherwise hold it for ever).
	 */
	@Test
	void onPostgresqlAStatementWaitsAMinuteAtMostForALockAndFiveForAnAnswer() throws Exception {
		try (ConfigurableApplicationContext context = service(feeds(), false)) {
			assertThat(context.getBean(JdbcClient.class).sql("SHOW lock_timeout").query(String.class).single())
				.isEqualTo("1min");
			assertThat(networkTimeout(context)).isEqualTo(Duration.ofMinutes(5));
		}
	}

	/** The driver's socket timeout, as a connection of the service's pool has it. */
	private static Duration networkTimeout(ConfigurableApplicationContext context) throws SQLException {
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			return Duration.ofMillis(connection.getNetworkTimeout());
		}
	}

	/** What the service logged since {@code from}. */
	private static String logged(CapturedOutput output, int from) {
		return output.toString().substring(from);
	}

	private long items(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM item").query(Long.class).single();
	}

	private Path feeds() throws Exception {
		return feeds(FeedsYml.inZone("Africa/Casablanca"));
	}

	/** The file of the source {@code depeches}, and of those {@code more} has. */
	private Path feeds(FeedsYml more) throws Exception {
		return more.settings("poll:\n  interval: 2s\n  timeout: 5s")
			.source("depeches", "http://127.0.0.1:%d/feed".formatted(this.server.port()))
			.writeTo(this.dir.resolve("feeds.yml"));
	}

	private ConfigurableApplicationContext service(Path feeds, boolean polling, String... more) {
		this.name = "outage_" + Long.toHexString(System.nanoTime());
		this.database = LocalPostgres.get().newDatabase(this.name);
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.enabled=" + polling,
				"--manchette.polling.min-interval=1s", "--manchette.polling.start-jitter=0s",
				"--manchette.polling.tick=200ms", "--manchette.polling.lease=10s", "--manchette.reload-interval=1s",
				"--spring.datasource.hikari.connection-timeout=2000", "--spring.datasource.url=" + this.database,
				"--logging.level.fr.manchette.store.StoreOutage=DEBUG"));
		// A setting given in more replaces the default here.
		for (String argument : more) {
			String key = argument.substring(0, argument.indexOf('=') + 1);
			arguments.removeIf((given) -> given.startsWith(key));
			arguments.add(argument);
		}
		return new SpringApplicationBuilder(ManchetteApplication.class).run(arguments.toArray(String[]::new));
	}

	/** A feed of {@code items} items, with this ETag: the outage tests' source, on PostgreSQL and on H2. */
	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder feed(String etag, int items) {
		StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Dépêches</title>");
		for (int i = 0; i < items; i++) {
			xml.append("<item><title>Dépêche numéro %d du fil</title><guid>d-%d</guid><link>https://depeches.example/%d</link></item>"
				.formatted(i, i, i));
		}
		return aResponse().withHeader("ETag", "\"" + etag + "\"").withBody(xml.append("</channel></rss>").toString());
	}

	/** The connections of the service to its database that wait for a lock. */
	private long waitingForALock() throws SQLException {
		try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + this.name
						+ "' AND wait_event_type = 'Lock'")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Ends every connection to the database but {@code kept}'s, as a restart of the server would. */
	private void terminateAllBut(Connection kept) throws SQLException {
		int pid;
		try (Statement statement = kept.createStatement();
				var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
			rows.next();
			pid = rows.getInt(1);
		}
		try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + this.name
					+ "' AND pid <> " + pid);
		}
	}

	/** Refuses every new connection to the database and ends those open, as a stopped server would. */
	private void keepOut() throws SQLException {
		try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + this.name + " WITH ALLOW_CONNECTIONS false");
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + this.name
					+ "'");
		}
	}

	/** Lets connections to the database in again. */
	private void letIn() throws SQLException {
		try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + this.name + " WITH ALLOW_CONNECTIONS true");
		}
	}

	private Connection superuser(String database) throws SQLException {
		return DriverManager.getConnection(LocalPostgres.get().jdbcUrl().replace("/postgres?", "/" + database + "?"));
	}

}

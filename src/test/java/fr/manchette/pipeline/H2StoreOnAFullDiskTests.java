package fr.manchette.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.manchette.ManchetteApplication;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.FullDisk;
import fr.manchette.support.LocalHttp;
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

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static fr.manchette.pipeline.DatabaseOutageOnPostgresTests.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The disk under the H2 file fills up while the service runs: H2 cannot write, and closes the database for every
 * session, as it does for any write that fails (a file system remounted read-only too). The service says DOWN, no
 * source is blamed, and once the disk has room again it opens the file anew by itself, without a restart, and stores
 * what the sources published meanwhile, each item once.
 */
@ExtendWith(OutputCaptureExtension.class)
class H2StoreOnAFullDiskTests {

	@TempDir
	Path dir;

	private final WireMockServer server = Sites.server();

	@BeforeEach
	void start() {
		this.server.start();
	}

	@AfterEach
	void stop() {
		FullDisk.free();
		this.server.stop();
	}

	@Test
	void aFullDiskMakesTheServiceDownAndOnceFreedItResumesWithoutARestartLosingNothing(CapturedOutput output)
			throws Exception {
		this.server.stubFor(get("/feed").willReturn(feed("v1", 2)));
		try (ConfigurableApplicationContext context = service()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			await().atMost(Duration.ofSeconds(30)).until(() -> items(context) == 2);
			assertThat(LocalHttp.get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port, "/feed.rss", null).body().contains("numéro 1"));

			int cut = output.length();
			FullDisk.fill();
			this.server.stubFor(get("/feed").willReturn(feed("v2", 4)));
			await().atMost(Duration.ofSeconds(30)).until(() -> logged(output, cut).contains("cannot be reached"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port, "/actuator/health", null).statusCode() == 503);
			// Several rounds of the workers fail meanwhile.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> logged(output, cut).split("DEBUG.*cannot be reached", -1).length > 5);
			assertThat(LocalHttp.get(port, "/actuator/health", null).statusCode()).isEqualTo(503);
			// Served from memory as rendered before, or, when the poll that H2 took before it closed changed the
			// store (a write the disk lost, which the next poll stores again), a 503 that says when to come back.
			var feed = LocalHttp.get(port, "/feed.rss", null);
			assertThat(feed.statusCode()).isIn(200, 503);
			if (feed.statusCode() == 503) {
				assertThat(feed.headers().firstValue("Retry-After")).contains("30");
			}

			String away = logged(output, cut);
			FullDisk.free();
			await().atMost(Duration.ofSeconds(30)).until(() -> logged(output, cut).contains("answers again"));
			await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> items(context) == 4);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port, "/feed.rss", null).body().contains("numéro 3"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port, "/actuator/health", null).statusCode() == 200);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(DISTINCT source_id || item_key) FROM item").query(Long.class).single())
				.isEqualTo(4);
			SourceStatus status = context.getBean(SourceStatusRepository.class).find("depeches").orElseThrow();
			assertThat(status.consecutiveFailures()).isZero();
			assertThat(status.lastError()).isNull();

			assertThat(away.split("WARN.*cannot be reached", -1)).hasSize(2);
			assertThat(away).doesNotContain(" ERROR ").doesNotContain("\tat ");
			assertThat(logged(output, cut).split("answers again", -1)).hasSize(2);
		}
	}

	@Test
	void aStoreFileAwayWhenH2OpensItAnewIsWaitedForNeverReplacedByAnEmptyDatabase(CapturedOutput output)
			throws Exception {
		this.server.stubFor(get("/feed").willReturn(feed("v1", 2)));
		try (ConfigurableApplicationContext context = service()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			await().atMost(Duration.ofSeconds(30)).until(() -> items(context) == 2);

			FullDisk.fill();
			this.server.stubFor(get("/feed").willReturn(feed("v2", 4)));
			await().atMost(Duration.ofSeconds(30)).until(() -> logged(output, 0).contains("cannot be reached"));
			Path file = this.dir.resolve("db/manchette.mv.db");
			Path away = Files.move(file, this.dir.resolve("manchette.mv.db"));
			// Whatever H2 had open fails at its next write, and the pool has H2 open the file anew: it is not there.
			rounds(output, () -> Files.exists(file));
			FullDisk.free();
			rounds(output, () -> Files.exists(file));
			assertThat(file).doesNotExist();
			assertThat(LocalHttp.get(port, "/actuator/health", null).statusCode()).isEqualTo(503);

			// Nor is an empty database put in the file's place taken for the store.
			try (Connection empty = DriverManager.getConnection("jdbc:h2:" + this.dir.resolve("db/manchette"), "sa",
					"")) {
				assertThat(empty.isValid(1)).isTrue();
			}
			rounds(output, () -> LocalHttp.get(port, "/actuator/health", null).statusCode() == 200);
			assertThat(LocalHttp.get(port, "/actuator/health", null).statusCode()).isEqualTo(503);

			Files.move(away, file, StandardCopyOption.REPLACE_EXISTING);
			await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> items(context) == 4);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port, "/actuator/health", null).statusCode() == 200);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(DISTINCT source_id || item_key) FROM item").query(Long.class).single())
				.isEqualTo(4);
			assertThat(logged(output, 0)).doesNotContain("not found (this database is empty)");
		}
	}

	private ConfigurableApplicationContext service() throws Exception {
		Files.createDirectories(this.dir.resolve("db"));
		Path feeds = FeedsYml.inZone("Africa/Casablanca")
			.settings("poll:\n  interval: 2s\n  timeout: 5s")
			.source("depeches", "http://127.0.0.1:%d/feed".formatted(this.server.port()))
			.writeTo(this.dir.resolve("feeds.yml"));
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.min-interval=1s",
				"--manchette.polling.start-jitter=0s", "--manchette.polling.tick=200ms",
				"--manchette.polling.lease=10s", "--spring.datasource.hikari.connection-timeout=2000",
				"--spring.datasource.url=" + FullDisk.url(this.dir),
				"--logging.level.fr.manchette.store.StoreOutage=DEBUG");
	}

	/** Waits for three more rounds of the workers finding the database out of reach, or for {@code instead}. */
	private static void rounds(CapturedOutput output, Callable<Boolean> instead) {
		int from = output.length();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> instead.call() || logged(output, from).split("DEBUG.*cannot be reached", -1).length > 3);
	}

	private static String logged(CapturedOutput output, int from) {
		return output.toString().substring(from);
	}

	private static long items(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM item").query(Long.class).single();
	}

}

package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.H2Files;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A round of many due sources at once, as at a restart: every source polled once, and the timetable read once every
 * few ticks, not at each tick (a tick claims what room half the polls ending left, and its read was a third of its
 * statements). H2 counts the statements it runs ({@code QUERY_STATISTICS}). The ticks are those that polls ending
 * ask for: the periodic one is an hour away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RoundOfDueSourcesTests {

	private static final int SOURCES = 200;

	/** What a poll starts from, as a claim reads it. */
	private static final String START = "SELECT source_id, url, last_attempt_at, last_success_at, last_outcome, "
			+ "consecutive_failures, last_error, etag, last_modified, next_attempt_at, moved_to, "
			+ "declared_interval_seconds, reading, arrival_rate, rate_observed_hours, poll_interval_seconds, "
			+ "interval_reason";

	private static final String CLAIM = "UPDATE source_status SET lease_owner = ?, lease_until = ? WHERE source_id IN";

	private static final List<String> IDS = IntStream.range(0, SOURCES).mapToObj((i) -> "s%03d".formatted(i)).toList();

	@RegisterExtension
	static WireMockExtension server = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca")
			.sources(IDS, (id) -> "http://127.0.0.1:" + server.getPort() + "/" + id));
		registry.add("spring.datasource.url", () -> H2Files.url(dir) + ";QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=1000");
		registry.add("manchette.polling.start-jitter", () -> "0s");
		registry.add("manchette.polling.concurrency", () -> "8");
		registry.add("manchette.polling.per-host", () -> "8");
		registry.add("manchette.polling.tick", () -> "1h");
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/s.*"))
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
				.withBody("<rss version=\"2.0\"><channel><title>Rien</title><link>https://example.org/</link>"
						+ "<description>Rien</description></channel></rss>")));
	}

	@Test
	void aRoundReadsTheTimetableOnceEveryFewTicks() {
		awaitTheRound();

		assertThat(server.getAllServeEvents()).hasSize(SOURCES);
		long claims = executions(CLAIM);
		long reads = executions("SELECT source_id FROM source_status WHERE next_attempt_at <= ?");
		// One read a claim, and more, when each tick read the timetable.
		assertThat(claims).isGreaterThanOrEqualTo(SOURCES / 8);
		assertThat(reads).isLessThan(claims);
	}

	@Test
	void aClaimReadsBackTheRowsItTookInItsOwnStatement() {
		awaitTheRound();

		assertThat(executions(START + " FROM FINAL TABLE (" + CLAIM)).isGreaterThanOrEqualTo(SOURCES / 8);
		// The claim's rows were read back by a statement of their own, by owner and lease.
		assertThat(executions(START + " FROM source_status WHERE source_id IN")).isZero();
	}

	private void awaitTheRound() {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM source_status WHERE last_attempt_at IS NOT NULL")
				.query(Long.class)
				.single() == SOURCES);
	}

	/**
	 * How many times H2 ran the statements whose text, its spaces folded, starts with {@code start}, or holds it in
	 * parentheses (the claim's update within the query that reads back its rows).
	 */
	private long executions(String start) {
		return this.jdbc.sql("SELECT sql_statement, execution_count FROM information_schema.query_statistics")
			.query((row, n) -> {
				String statement = row.getString(1).replaceAll("\\s+", " ");
				return (statement.startsWith(start) || statement.contains("(" + start)) ? row.getLong(2) : 0L;
			})
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.sum();
	}

}

package fr.manchette.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /admin/backup} on a running service with an H2 store: refused without the token, and with it a zip that
 * opens as a database holding what the store held.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.enabled=false",
				"manchette.admin.token=" + AdminBackupIntegrationTests.TOKEN, "manchette.admin.keep-backups=3" })
class AdminBackupIntegrationTests {

	static final String TOKEN = "c2f0e6b1a94d4e7f8b3a5d6c7e8f9012";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@RegisterExtension
	static WireMockExtension sites = Sites.forTheClass();

	@TempDir
	static Path dir;

	@TempDir
	Path restored;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, NewsFeed.threeSources(sites.getPort(), "Africa/Casablanca"));
	}

	@BeforeAll
	static void serve() {
		NewsFeed.serveThreeSources(sites, java.time.Instant.now());
	}

	@Test
	void withoutTheTokenNothingIsCopied() throws Exception {
		List<Path> before = copies();

		HttpResponse<String> none = post(null);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"manchette\"");
		assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(none.body()).contains("Authorization: Bearer");

		assertThat(post("Bearer " + TOKEN.replace('c', 'd')).statusCode()).isEqualTo(401);
		assertThat(post("Bearer " + TOKEN.substring(1)).statusCode()).isEqualTo(401);
		assertThat(post("Basic " + TOKEN).statusCode()).isEqualTo(401);
		assertThat(post(TOKEN).statusCode()).isEqualTo(401);
		HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(backupUri())
			.header("Authorization", "Bearer " + TOKEN)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(copies()).as("no copy made").isEqualTo(before);
	}

	@Test
	void withTheTokenACopyThatOpensAsTheStore() throws Exception {
		TestService.pollEverySource(this.ingestRun, this.feeds);
		long items = this.jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
		assertThat(items).isEqualTo(5);

		HttpResponse<String> answer = post("bearer " + TOKEN);

		assertThat(answer.statusCode()).isEqualTo(201);
		JsonNode copy = JsonMapper.builder().build().readTree(answer.body());
		Path zip = Path.of(copy.get("file").asString());
		assertThat(zip.getParent()).isEqualTo(backups());
		assertThat(zip.getFileName().toString()).matches("manchette-\\d{8}-\\d{6}(-\\d+)?\\.zip");
		assertThat(copy.get("bytes").asLong()).isEqualTo(Files.size(zip)).isPositive();
		unzip(zip, this.restored);
		try (SingleConnectionDataSource copied = new SingleConnectionDataSource(
				"jdbc:h2:file:" + this.restored.resolve("manchette")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r", "sa", "", true)) {
			JdbcClient restoredStore = JdbcClient.create(copied);
			assertThat(restoredStore.sql("SELECT COUNT(*) FROM item").query(Long.class).single()).isEqualTo(items);
			assertThat(restoredStore.sql("SELECT title FROM item ORDER BY id").query(String.class).list())
				.isEqualTo(this.jdbc.sql("SELECT title FROM item ORDER BY id").query(String.class).list());
		}

		HttpResponse<String> again = post("Bearer " + TOKEN);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(JsonMapper.builder().build().readTree(again.body()).get("file").asString())
			.as("a second copy beside the first").isNotEqualTo(zip.toString());
	}

	@Test
	void onlyTheNewestCopiesAreKeptAndNothingElseInTheirFolderIsRemoved() throws Exception {
		Files.createDirectories(backups());
		Path notes = Files.writeString(backups().resolve("notes.txt"), "copie du 1er décembre gardée à part");
		Path renamed = Files.writeString(backups().resolve("manchette-avant-migration.zip"), "gardée");
		// One of ours from a year before: older than any this test makes, so the first to go.
		Path lastYear = Files.writeString(backups().resolve("manchette-20251206-031500.zip"), "ancienne");

		List<String> made = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> answer = post("Bearer " + TOKEN);
			assertThat(answer.statusCode()).isEqualTo(201);
			JsonNode copy = JsonMapper.builder().build().readTree(answer.body());
			made.add(copy.get("file").asString());
			copy.get("removed").forEach((file) -> removed.add(file.asString()));
		}

		assertThat(removed).as("the copy of last year went first").startsWith(lastYear.toString());
		assertThat(copies().stream().filter((file) -> file.getFileName().toString().matches("manchette-\\d.*")))
			.as("the three newest, made last")
			.containsExactlyInAnyOrderElementsOf(made.subList(2, 5).stream().map(Path::of).toList());
		assertThat(removed).containsAll(made.subList(0, 2)).doesNotContainAnyElementsOf(made.subList(2, 5));
		assertThat(notes).exists();
		assertThat(renamed).exists();
	}

	private Path backups() {
		return dir.toAbsolutePath().resolve("db/backups");
	}

	private List<Path> copies() throws IOException {
		if (!Files.isDirectory(backups())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(backups())) {
			return files.sorted().toList();
		}
	}

	private URI backupUri() {
		return URI.create("http://localhost:" + this.port + "/admin/backup");
	}

	private HttpResponse<String> post(String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(backupUri()).POST(HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void unzip(Path zip, Path into) throws IOException {
		try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				Files.copy(entries, into.resolve(Path.of(entry.getName()).getFileName()));
			}
		}
	}

}

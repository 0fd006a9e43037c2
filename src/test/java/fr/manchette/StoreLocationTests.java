package fr.manchette;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.pipeline.PollReport;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.UnusableDatabaseUrlException;
import fr.manchette.store.UnusableH2FileException;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.H2FileHolder;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the store is, as an operator says it: any H2 file URL as it comes to mind, or only a data directory; and a
 * URL that cannot work stops the start with one sentence.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreLocationTests {

	@RegisterExtension
	static WireMockExtension site = Sites.forEachTest();

	@TempDir
	Path dir;

	private Path feeds;

	@BeforeEach
	void oneSourceWithTwoItems() throws IOException {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600).atOffset(ZoneOffset.UTC));
		site.stubFor(WireMock.get("/feed").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
			.withBody("""
					<?xml version="1.0" encoding="UTF-8"?>
					<rss version="2.0"><channel><title>Le Quotidien</title><link>https://quotidien.example/</link>
					<item><title>Le Parlement adopte la loi de finances</title><link>https://quotidien.example/loi.html</link>
					<pubDate>%1$s</pubDate></item>
					<item><title>L’Étoile remporte le derby</title><link>https://quotidien.example/derby.html</link>
					<pubDate>%1$s</pubDate></item>
					</channel></rss>""".formatted(date))));
		this.feeds = FeedsYml.withDefaults()
			.source("quotidien", "Le Quotidien", "http://localhost:" + site.getPort() + "/feed")
			.writeTo(this.dir.resolve("feeds.yml"));
	}

	/** A bare URL, as the store's URL or as its place: the product sheet gives it to manchette.data-dir too. */
	@ParameterizedTest
	@ValueSource(strings = { "spring.datasource.url", "manchette.data-dir" })
	void aBareH2FileUrlStoresAndServesItems(String setting) throws Exception {
		Path db = this.dir.resolve("ailleurs/db");
		try (ConfigurableApplicationContext service = start("--" + setting + "=jdbc:h2:file:" + db)) {
			assertStoresAndServesBothItems(service);
		}
		assertThat(this.dir.resolve("ailleurs/db.mv.db")).isRegularFile();
	}

	@Test
	void theDataDirectoryHoldsTheH2File() throws Exception {
		Path dataDir = this.dir.resolve("x");
		try (ConfigurableApplicationContext service = start("--manchette.data-dir=" + dataDir)) {
			assertStoresAndServesBothItems(service);
		}
		assertThat(dataDir.resolve("manchette.mv.db")).isRegularFile();
	}

	@Test
	void anH2UrlThatContradictsWhatTheSqlNeedsStopsTheStartWithOneSentence(CapturedOutput output) {
		Path db = this.dir.resolve("db");
		assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:h2:file:" + db + ";MODE=MySQL"))
			.isInstanceOf(UnusableDatabaseUrlException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("spring.datasource.url \"jdbc:h2:file:" + db + ";MODE=MySQL\" cannot work: MODE=MySQL "
					+ "contradicts the MODE=PostgreSQL that Manchette's SQL needs")
			.contains("manchette.data-dir")
			.doesNotContain("\tat ");
		assertThat(this.dir.resolve("db.mv.db")).doesNotExist();
	}

	@Test
	void aDatabaseOtherThanH2OrPostgresqlStopsTheStartWithOneSentence(CapturedOutput output) {
		assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:mysql://localhost/manchette?password=secret"))
			.isInstanceOf(UnusableDatabaseUrlException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("spring.datasource.url \"jdbc:mysql://localhost/manchette?password=****\" cannot work: "
					+ "Manchette stores its items in H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…) only.")
			.doesNotContain("secret")
			.doesNotContain("\tat ");
	}

	@Test
	void aDataDirectoryThatCannotBeMadeStopsTheStartWithOneSentence(CapturedOutput output) throws IOException {
		Path file = Files.writeString(this.dir.resolve("a-file"), "not a directory");
		assertThatThrownBy(() -> start("--manchette.data-dir=" + file.resolve("data")))
			.isInstanceOf(UnusableH2FileException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The store's directory " + file.resolve("data") + " cannot be made: " + file
					+ " is a file, not a directory.")
			.contains("Give manchette.data-dir")
			.doesNotContain("\tat ");
	}

	@Test
	void anH2FileAnotherProcessHasOpenStopsTheStartWithOneSentence(CapturedOutput output) throws Exception {
		Path dataDir = this.dir.resolve("data");
		Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), H2FileHolder.class.getName(),
				"jdbc:h2:file:" + dataDir.resolve("manchette"))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(other.getInputStream(),
				StandardCharsets.UTF_8))) {
			assertThat(lines.readLine()).isEqualTo("open");

			assertThatThrownBy(() -> start("--manchette.data-dir=" + dataDir));

			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("The H2 file " + dataDir.resolve("manchette.mv.db")
						+ " is in use by another process: another Manchette runs on it, or is still stopping.")
				.contains("Stop the other instance first")
				.doesNotContain("\tat ")
				.doesNotContain("not compacted");
		}
		finally {
			other.destroyForcibly().waitFor();
		}
	}

	private ConfigurableApplicationContext start(String... store) {
		String[] args = { "--server.port=0", "--manchette.feeds=" + this.feeds, "--manchette.polling.enabled=false" };
		String[] all = new String[args.length + store.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(store, 0, all, args.length, store.length);
		return SpringApplication.run(ManchetteApplication.class, all);
	}

	private static void assertStoresAndServesBothItems(ConfigurableApplicationContext service) throws Exception {
		PollReport report = service.getBean(IngestRun.class)
			.run(service.getBean(CurrentFeeds.class).get().source("quotidien").orElseThrow());
		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(report.inserted()).isEqualTo(2);

		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		HttpResponse<String> headlines = LocalHttp.get(port, "/headlines.txt", null);
		assertThat(headlines.statusCode()).isEqualTo(200);
		assertThat(headlines.body()).contains("Le Parlement adopte la loi de finances")
			.contains("L’Étoile remporte le derby");
	}

}

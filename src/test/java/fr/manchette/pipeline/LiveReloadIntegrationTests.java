package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.publish.SourceHealth;
import fr.manchette.publish.SourceHealthBoard;
import fr.manchette.store.ItemRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Editing feeds.yml while the service runs: sources come and go within seconds; a wrong edit changes nothing. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LiveReloadIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension server = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private ItemRepository items;

	@Autowired
	private SourceHealthBoard board;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		// In place before the context starts polling.
		server.stubFor(WireMock.get("/hespress")
			.willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		server.stubFor(WireMock.get("/le360").willReturn(aResponse().withBody(FixtureFeed.render("le360-atom.xml", NOW))));
		TestService.use(registry, dir, yaml("hespress"));
		registry.add("manchette.reload-interval", () -> "200ms");
		registry.add("manchette.polling.start-jitter", () -> "0s");
	}

	@Test
	void editsOfFeedsYmlTakeEffectWithoutARestart(CapturedOutput output) throws IOException {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().containsKey("hespress"));

		yaml("hespress", "le360").writeTo(feedsFile());
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("le360", 0L) == 2);

		Files.writeString(feedsFile(), "feeds:\n  - id: le360\n    name: [oops\n");
		await().atMost(Duration.ofSeconds(20)).until(() -> output.toString().contains("feeds.yml edit refused"));
		assertThat(this.feeds.get().feeds()).extracting(Source::id).containsExactly("hespress", "le360");

		// Valid YAML, a duration out of bounds: refused as well, with the loader's message, the running file kept.
		Files.writeString(feedsFile(), "retention: 100000000d\n" + yaml("le360"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> output.toString().contains("retention \"100000000d\" is too long (at most 36500d)"));
		assertThat(this.feeds.get().feeds()).extracting(Source::id).containsExactly("hespress", "le360");
		assertThat(this.feeds.get().retention()).isEqualTo(Duration.ofDays(30));

		yaml("le360").writeTo(feedsFile());
		// The board reads feeds.yml as reloaded, and the scheduler logs what it stopped polling just after: both awaited.
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.board.sources()).extracting(SourceHealth::id).containsExactly("le360");
			assertThat(output.toString()).contains("Stopped polling source=hespress");
		});
	}

	private static Path feedsFile() {
		return TestService.feedsFile(dir);
	}

	private static FeedsYml yaml(String... ids) {
		return FeedsYml.inZone("Africa/Casablanca")
			.sources(List.of(ids), (id) -> "http://localhost:" + server.getPort() + "/" + id);
	}

}

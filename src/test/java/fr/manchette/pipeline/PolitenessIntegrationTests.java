package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.store.ItemRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One host that takes 30 s to answer, four sources on it, four sources elsewhere: the others are stored at once,
 * and the slow host never sees more than its two polls in flight. "localhost" and "127.0.0.1" are two hosts to the
 * scheduler, served by the same WireMock. The stubs are in place before the context starts polling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PolitenessIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension server = Sites.forTheClass((options) -> options.containerThreads(40));

	@TempDir
	static Path dir;

	@Autowired
	private ItemRepository items;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		FeedsYml yaml = FeedsYml.inZone("Africa/Casablanca").settings("poll:\n  timeout: 40s");
		IntStream.range(0, 4).forEach((i) -> yaml.source("slow-" + i, url("localhost", "slow-" + i)));
		IntStream.range(0, 4).forEach((i) -> yaml.source("fast-" + i, url("127.0.0.1", "fast-" + i)));
		TestService.use(registry, dir, yaml);
		registry.add("manchette.polling.start-jitter", () -> "0s");
		registry.add("manchette.polling.concurrency", () -> "8");
		registry.add("manchette.polling.per-host", () -> "2");
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/slow-.*"))
			.willReturn(aResponse().withFixedDelay(30_000).withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/fast-.*"))
			.willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
	}

	@Test
	void aSlowHostHoldsBackNoOtherSourceAndGetsTwoPollsAtATime() {
		// The slow host's two requests are sent by threads of their own, which a loaded machine may start after the
		// fast polls have stored: awaited too. Its answers take 30 s, so none of its polls can end meanwhile.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> IntStream.range(0, 4).allMatch((i) -> this.items.countBySource().containsKey("fast-" + i))
					&& slowRequests() >= 2);

		assertThat(this.items.countBySource()).doesNotContainKeys("slow-0", "slow-1", "slow-2", "slow-3");
		assertThat(slowRequests()).isEqualTo(2);
	}

	private static int slowRequests() {
		return server.findAll(getRequestedFor(urlPathMatching("/slow-.*"))).size();
	}

	private static String url(String host, String id) {
		return "http://%s:%d/%s".formatted(host, server.getPort(), id);
	}

}

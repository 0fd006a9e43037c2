package fr.manchette.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.LocalPostgres;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL, one that polls and one that only serves: what the first stores, the second serves
 * within a second, though it stored nothing itself; and neither answers anew when nothing changed.
 */
class PublishedAcrossInstancesTests {

	@RegisterExtension
	static WireMockExtension site = Sites.forEachTest();

	@TempDir
	Path dir;

	@Test
	void anInstanceServesWhatAnotherStoredAndStillAnswers304WhenNothingChanged() throws Exception {
		site.stubFor(get("/feed").willReturn(aResponse().withBody(NewsFeed.quotidien(Instant.now()).rss())));
		Path feeds = FeedsYml.inZone("Africa/Casablanca")
			.source("quotidien", "Le Quotidien", "http://127.0.0.1:" + site.getPort() + "/feed")
			.writeTo(this.dir.resolve("feeds.yml"));
		String database = LocalPostgres.get().newDatabase("published_across");
		try (ConfigurableApplicationContext serving = start(feeds, database);
				ConfigurableApplicationContext polling = start(feeds, database)) {
			// Rendered, and kept, before the other instance stores anything.
			assertThat(LocalHttp.get(port(serving), "/headlines.txt", null).body()).doesNotContain("Le Parlement");

			polling.getBean(IngestRun.class)
				.run(polling.getBean(CurrentFeeds.class).get().source("quotidien").orElseThrow());

			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port(serving), "/headlines.txt", null).body()
					.contains("Le Parlement adopte la loi de finances"));
			for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { serving, polling }) {
				HttpResponse<String> current = LocalHttp.get(port(instance), "/headlines.txt", null);
				assertThat(current.body()).contains("Le Parlement adopte la loi de finances");
				String etag = current.headers().firstValue("ETag").orElseThrow();
				// Past the next reads of the store's mark: nothing was written since, the copy is still current.
				await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(30))
					.until(() -> LocalHttp.get(port(instance), "/headlines.txt", etag).statusCode() == 304);
			}
		}
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	private static ConfigurableApplicationContext start(Path feeds, String database) {
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.enabled=false", "--manchette.reload-interval=1h",
				"--manchette.fetch.allow-internal-redirects=true", "--spring.datasource.url=" + database,
				"--logging.level.fr.manchette=WARN");
	}

}

package fr.manchette.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.pipeline.PollReport;
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
 * within a second, though it stored nothing itself, an edit of a summary alone too; neither answers anew when nothing
 * changed; and behind a load balancer, both answer the same validators, each a 304 to the other's.
 */
class PublishedAcrossInstancesTests {

	/** Tomcat takes the load balancer's word for the host and scheme the client used, as a proxied service does. */
	private static final String[] BEHIND_A_PROXY = { "--server.forward-headers-strategy=native",
			"--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1" };

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@RegisterExtension
	static WireMockExtension site = Sites.forEachTest();

	@TempDir
	Path dir;

	@Test
	void anInstanceServesWhatAnotherStoredAndStillAnswers304WhenNothingChanged() throws Exception {
		Path feeds = serve(NewsFeed.quotidien(Instant.now()));
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

	@Test
	void behindALoadBalancerBothInstancesAnswerTheSameValidatorsAndA304ToEachOthers() throws Exception {
		Path feeds = serve(NewsFeed.quotidien(Instant.now()));
		String database = LocalPostgres.get().newDatabase("published_alike");
		try (ConfigurableApplicationContext a = start(feeds, database, BEHIND_A_PROXY);
				ConfigurableApplicationContext b = start(feeds, database, BEHIND_A_PROXY)) {
			assertThat(proxied(b, "/headlines.txt", Map.of()).body()).doesNotContain("Le Parlement");

			a.getBean(IngestRun.class).run(a.getBean(CurrentFeeds.class).get().source("quotidien").orElseThrow());

			await().atMost(Duration.ofSeconds(30))
				.until(() -> proxied(b, "/headlines.txt", Map.of()).body()
					.contains("Le Parlement adopte la loi de finances"));
			for (String path : List.of("/feed.atom", "/feed.rss", "/feed.json", "/headlines.txt", "/api/headlines",
					"/", "/api/headlines?q=loi")) {
				HttpResponse<String> fromA = proxied(a, path, Map.of());
				HttpResponse<String> fromB = proxied(b, path, Map.of());
				String etag = fromA.headers().firstValue("ETag").orElseThrow();
				String lastModified = fromA.headers().firstValue("Last-Modified").orElseThrow();

				assertThat(fromB.headers().firstValue("ETag")).as(path).hasValue(etag);
				assertThat(fromB.headers().firstValue("Last-Modified")).as(path).hasValue(lastModified);
				assertThat(fromB.body()).as(path).isEqualTo(fromA.body());
				for (ConfigurableApplicationContext instance : List.of(a, b)) {
					assertThat(proxied(instance, path, Map.of("If-None-Match", etag)).statusCode()).as(path)
						.isEqualTo(304);
					assertThat(proxied(instance, path, Map.of("If-Modified-Since", lastModified)).statusCode())
						.as(path)
						.isEqualTo(304);
				}
			}
		}
	}

	@Test
	void aSummaryEditedAloneShowsOnTheOtherInstanceWithinSeconds() throws Exception {
		NewsFeed feed = NewsFeed.quotidien(Instant.now());
		Path feeds = serve(feed);
		String database = LocalPostgres.get().newDatabase("summary_edited");
		try (ConfigurableApplicationContext serving = start(feeds, database);
				ConfigurableApplicationContext polling = start(feeds, database)) {
			IngestRun ingest = polling.getBean(IngestRun.class);
			Source quotidien = polling.getBean(CurrentFeeds.class).get().source("quotidien").orElseThrow();
			ingest.run(quotidien);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port(serving), "/feed.json", null).body().contains("Vote à main levée."));

			// The source corrects the summary of its first story, and nothing else.
			NewsFeed.Story first = feed.stories().get(0);
			NewsFeed corrected = new NewsFeed(feed.title(),
					List.of(new NewsFeed.Story(first.guid(), first.titleXml(), first.link(),
							"&lt;p&gt;Vote par appel nominal.&lt;/p&gt;", first.published()), feed.stories().get(1),
							feed.stories().get(2)));
			site.stubFor(get("/feed").willReturn(aResponse().withBody(corrected.rss())));
			PollReport edit = ingest.run(quotidien);
			assertThat(edit.inserted()).isZero();
			assertThat(edit.updated()).isEqualTo(1);

			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port(serving), "/feed.json", null).body().contains("Vote par appel nominal."));
		}
	}

	/**
	 * feeds.yml edited on one instance first: the store dates the new file once, for both, and the other, while it
	 * serves the old one, sends no date, which its copy would share with the new file's; once its own file is edited
	 * too, both answer the same validators again.
	 */
	@Test
	void aFeedsYmlEditedOnOneInstanceFirstIsDatedOnceForBoth() throws Exception {
		site.stubFor(get("/feed").willReturn(aResponse().withBody(NewsFeed.quotidien(Instant.now()).rss())));
		String url = "http://127.0.0.1:" + site.getPort() + "/feed";
		Path fileA = FeedsYml.inZone("Africa/Casablanca")
			.source("quotidien", "Ancien Nom", url)
			.writeTo(this.dir.resolve("a.yml"));
		Path fileB = FeedsYml.inZone("Africa/Casablanca")
			.source("quotidien", "Ancien Nom", url)
			.writeTo(this.dir.resolve("b.yml"));
		String database = LocalPostgres.get().newDatabase("feeds_yml_edited");
		try (ConfigurableApplicationContext a = start(fileA, database, "--manchette.reload-interval=200ms");
				ConfigurableApplicationContext b = start(fileB, database, "--manchette.reload-interval=200ms")) {
			a.getBean(IngestRun.class).run(a.getBean(CurrentFeeds.class).get().source("quotidien").orElseThrow());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port(b), "/api/headlines", null).body().contains("Le Parlement"));
			String before = dated(b);

			FeedsYml.inZone("Africa/Casablanca").source("quotidien", "Nouveau Nom", url).writeTo(fileA);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port(a), "/api/headlines", null).body().contains("Nouveau Nom"));

			// Asserted, not tested, so that a failure says what B answered last.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(LocalHttp.get(port(b), "/api/headlines", null).headers()
					.firstValue("Last-Modified")).as("B's Last-Modified once A serves its edited feeds.yml").isEmpty());
			assertThat(LocalHttp.get(port(b), "/api/headlines", null).body()).contains("Ancien Nom");

			FeedsYml.inZone("Africa/Casablanca").source("quotidien", "Nouveau Nom", url).writeTo(fileB);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> LocalHttp.get(port(b), "/api/headlines", null).body().contains("Nouveau Nom"));
			dated(a);
			dated(b);
			HttpResponse<String> fromA = LocalHttp.get(port(a), "/api/headlines", null);
			HttpResponse<String> fromB = LocalHttp.get(port(b), "/api/headlines", null);
			assertThat(fromB.headers().firstValue("ETag")).isEqualTo(fromA.headers().firstValue("ETag"));
			assertThat(fromB.headers().firstValue("Last-Modified")).isPresent()
				.isEqualTo(fromA.headers().firstValue("Last-Modified"));
			assertThat(proxied(b, "/api/headlines", Map.of("If-Modified-Since", before)).statusCode()).isEqualTo(200);
		}
	}

	/**
	 * The Last-Modified of an instance's {@code /api/headlines}, once it sends one: a change that shares its second with
	 * the change before (the edits and polls here follow each other fast) is sent without one, for two seconds at most.
	 */
	private static String dated(ConfigurableApplicationContext instance) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> LocalHttp.get(port(instance), "/api/headlines", null).headers().firstValue("Last-Modified"),
					Optional::isPresent)
			.orElseThrow();
	}

	/** Serves the feed at /feed, and writes a feeds.yml with it as the one source, "quotidien". */
	private Path serve(NewsFeed feed) throws IOException {
		site.stubFor(get("/feed").willReturn(aResponse().withBody(feed.rss())));
		return FeedsYml.inZone("Africa/Casablanca")
			.source("quotidien", "Le Quotidien", "http://127.0.0.1:" + site.getPort() + "/feed")
			.writeTo(this.dir.resolve("feeds.yml"));
	}

	/** A request through the load balancer: the same host and scheme whichever instance it reaches. */
	private static HttpResponse<String> proxied(ConfigurableApplicationContext instance, String path,
			Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + path))
			.header("X-Forwarded-Host", "fil.example")
			.header("X-Forwarded-Proto", "https");
		headers.forEach(request::header);
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	private static ConfigurableApplicationContext start(Path feeds, String database, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--manchette.feeds=" + feeds,
				"--manchette.polling.enabled=false", "--manchette.fetch.allow-internal-redirects=true",
				"--spring.datasource.url=" + database, "--logging.level.fr.manchette=WARN"));
		args.addAll(List.of(more));
		if (args.stream().noneMatch((arg) -> arg.startsWith("--manchette.reload-interval="))) {
			args.add("--manchette.reload-interval=1h");
		}
		return new SpringApplicationBuilder(ManchetteApplication.class).run(args.toArray(String[]::new));
	}

}

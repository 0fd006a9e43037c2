package fr.manchette.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.PollPace;
import fr.manchette.store.PollPaceRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.SettableClock;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adaptive polling through the real pipeline, store and HTTP surface, with a clock the test moves from one due poll
 * to the next: hours of a source's life in a second. Each source publishes on its own timetable, served by WireMock;
 * polls run one at a time, as the scheduler would run them (it is off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class AdaptivePollingIntegrationTests {

	private static final SettableClock CLOCK = new SettableClock(Instant.parse("2025-05-16T06:00:00Z"));

	private static final Duration CEILING = Duration.ofHours(2);

	@RegisterExtension
	static WireMockExtension server = Sites.forEachTest((options) -> options.gzipDisabled(true));

	@TempDir
	static Path dir;

	@LocalServerPort
	private int port;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private PollPaceRepository paces;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, FeedsYml.withDefaults().settings("""
				poll:
				  adaptive: true
				  max-interval: 2h
				""")
			.sources(List.of("busy", "quiet", "revived", "ttl", "shown", "relabelled", "steady"),
					AdaptivePollingIntegrationTests::url)
			.source("fixed", "fixed", url("fixed"), "adaptive: false"));
	}

	@Test
	void busySourceDriftsToTheFloor() {
		Instant start = CLOCK.instant();
		Timetable busy = new Timetable("busy", every(start, Duration.ofSeconds(30), Duration.ofHours(4)), null);

		List<Instant> polls = busy.pollUntil(start.plus(Duration.ofHours(3)));

		PollPace pace = this.paces.find("busy").orElseThrow();
		assertThat(pace.reason()).isEqualTo("floor");
		assertThat(pace.interval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(pace.arrivalRate()).isBetween(100.0, 140.0);
		// From the starting 15 minutes down to the floor at once: the last hour polled about once a minute.
		assertThat(polls.stream().filter(after(start.plus(Duration.ofHours(2)))).count()).isBetween(50L, 62L);
	}

	@Test
	void quietSourceDriftsToTheCeilingAndNeverWaitsLonger() {
		Instant start = CLOCK.instant();
		Timetable quiet = new Timetable("quiet", List.of(start.minus(Duration.ofDays(1))), null);

		List<Instant> polls = quiet.pollUntil(start.plus(Duration.ofHours(24)));

		PollPace pace = this.paces.find("quiet").orElseThrow();
		assertThat(pace.reason()).isEqualTo("ceiling");
		assertThat(pace.interval()).isEqualTo(CEILING);
		for (int i = 1; i < polls.size(); i++) {
			assertThat(Duration.between(polls.get(i - 1), polls.get(i))).isLessThanOrEqualTo(CEILING);
		}
		// Less than a poll an hour over the day, against 96 at the fixed 15 minutes.
		assertThat(polls).hasSizeLessThan(24);
	}

	@Test
	void revivedSourceIsBackWithinOneCeilingAndThenFollowsItsNewPace() {
		Instant start = CLOCK.instant();
		Instant revival = start.plus(Duration.ofHours(12)).plusSeconds(17);
		List<Instant> published = new ArrayList<>(List.of(start.minus(Duration.ofDays(2))));
		published.addAll(every(revival, Duration.ofMinutes(5), Duration.ofHours(6)));
		Timetable revived = new Timetable("revived", published, null);

		revived.pollUntil(revival);
		assertThat(this.paces.find("revived").orElseThrow().reason()).isEqualTo("ceiling");
		List<Instant> polls = revived.pollUntil(revival.plus(Duration.ofHours(5)));

		// Its first new item is picked up within one ceiling...
		Instant firstPollAfter = polls.stream().filter(after(revival)).findFirst().orElseThrow();
		assertThat(Duration.between(revival, firstPollAfter)).isLessThanOrEqualTo(CEILING);
		// ...and as soon as a poll finds a few (the next one at the latest), it is polled at its new pace.
		List<Instant> soon = polls.stream().filter(after(firstPollAfter)).limit(4).toList();
		assertThat(Duration.between(soon.get(0), soon.get(3))).isLessThan(Duration.ofHours(1));
		assertThat(Duration.between(revival, soon.get(3))).isLessThan(CEILING.multipliedBy(2));
		PollPace pace = this.paces.find("revived").orElseThrow();
		assertThat(pace.reason()).isEqualTo("rate");
		assertThat(pace.interval()).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(8));
	}

	@Test
	void feedTtlIsNeverUndercut() {
		Instant start = CLOCK.instant();
		Timetable ttl = new Timetable("ttl", every(start, Duration.ofSeconds(30), Duration.ofHours(4)), 30);

		List<Instant> polls = ttl.pollUntil(start.plus(Duration.ofHours(3)));

		PollPace pace = this.paces.find("ttl").orElseThrow();
		assertThat(pace.reason()).isEqualTo("ttl");
		assertThat(pace.interval()).isEqualTo(Duration.ofMinutes(30));
		for (int i = 1; i < polls.size(); i++) {
			assertThat(Duration.between(polls.get(i - 1), polls.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
		}
	}

	@Test
	void apiSourcesShowsTheIntervalItsReasonAndTheDelaysAndPrometheusTheHistogram() throws Exception {
		Instant start = CLOCK.instant();
		Timetable timetable = new Timetable("shown", every(start, Duration.ofSeconds(30), Duration.ofHours(3)), null);
		// After its first poll, which reads a backlog, no rate is known: its interval is its starting one, and says so.
		timetable.pollUntil(start.plusSeconds(1));
		JsonNode first = find(JsonMapper.builder().build().readTree(get("/api/sources")).get("sources"), "shown");
		assertThat(first.get("intervalSeconds").asLong()).isEqualTo(900);
		assertThat(first.get("intervalReason").asString()).isEqualTo("start");
		assertThat(first.get("itemsPerHour").isNull()).isTrue();
		timetable.pollUntil(start.plus(Duration.ofHours(2)));
		Instant later = CLOCK.instant();
		new Timetable("fixed", every(later, Duration.ofSeconds(30), Duration.ofHours(3)), null)
			.pollUntil(later.plus(Duration.ofHours(2)));

		JsonNode sources = JsonMapper.builder().build().readTree(get("/api/sources")).get("sources");
		JsonNode shown = find(sources, "shown");
		assertThat(shown.get("intervalSeconds").asLong()).isEqualTo(60);
		assertThat(shown.get("intervalReason").asString()).isEqualTo("floor");
		assertThat(shown.get("itemsPerHour").asDouble()).isBetween(100.0, 140.0);
		// Items every 30 s, polls every minute or so: none waits much more than a poll.
		assertThat(shown.get("delayMedianSeconds").asLong()).isBetween(15L, 45L);
		assertThat(shown.get("delayP90Seconds").asLong()).isBetween(45L, 70L);
		assertThat(shown.get("delaysMeasured").asInt()).isEqualTo(100);
		JsonNode fixed = find(sources, "fixed");
		assertThat(fixed.get("intervalSeconds").asLong()).isEqualTo(900);
		assertThat(fixed.get("intervalReason").asString()).isEqualTo("fixed");
		assertThat(fixed.get("delayMedianSeconds").asLong()).isBetween(300L, 600L);

		String metrics = get("/actuator/prometheus");
		assertThat(metrics).containsPattern("manchette_publish_delay_seconds_bucket\\{[^}]*source=\"shown\"[^}]*le=\"60\\.0\"");
		assertThat(metrics).containsPattern("manchette_publish_delay_seconds_count\\{[^}]*source=\"fixed\"[^}]*\\} [1-9]");
		// The README's buckets: 5 s, 15 s, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 6, 24 h.
		Matcher bucket = Pattern.compile("manchette_publish_delay_seconds_bucket\\{[^}]*source=\"shown\"[^}]*le=\"([^\"]+)\"")
			.matcher(metrics);
		List<String> bounds = new ArrayList<>();
		while (bucket.find()) {
			bounds.add(bucket.group(1));
		}
		assertThat(bounds).containsExactly("5.0", "15.0", "30.0", "60.0", "120.0", "300.0", "600.0", "900.0", "1800.0",
				"3600.0", "7200.0", "21600.0", "86400.0", "+Inf");

		String page = get("/sources");
		assertThat(page).contains("plancher").contains("médiane");
	}

	@Test
	void aFeedThatGivesItsItemsNewGuidsAtEveryFetchIsNeitherStoredAgainNorReadAsBusy() throws Exception {
		// Its guids made of the session that serves it; the same items, links and headlines as a steady feed's.
		Instant start = CLOCK.instant();
		Source relabelled = this.feeds.get().source("relabelled").orElseThrow();
		Source steady = this.feeds.get().source("steady").orElseThrow();
		for (int fetch = 0; fetch < 4; fetch++) {
			CLOCK.set(start.plus(Duration.ofMinutes(15L * fetch)));
			serveItems("relabelled", "session-" + fetch, start);
			serveItems("steady", "steady", start);
			PollReport report = this.ingestRun.run(relabelled);
			assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
			assertThat(report.inserted()).isEqualTo((fetch == 0) ? 5 : 0);
			assertThat(report.updated()).isZero();
			assertThat(this.ingestRun.run(steady).outcome()).isEqualTo(PollOutcome.OK);
		}

		JsonNode sources = JsonMapper.builder().build().readTree(get("/api/sources")).get("sources");
		assertThat(find(sources, "relabelled").get("itemCount").asLong()).isEqualTo(5);
		assertThat(find(sources, "relabelled").get("itemsPerHour").asDouble())
			.isEqualTo(find(sources, "steady").get("itemsPerHour").asDouble());
	}

	/** Five items published before {@code before}, each guid {@code guids-n}. */
	private static void serveItems(String id, String guids, Instant before) {
		StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
			.append(id)
			.append("</title><link>https://").append(id).append(".example/</link><description>d</description>");
		for (int n = 1; n <= 5; n++) {
			Instant at = before.minus(Duration.ofMinutes(10L * n));
			rss.append("<item><title>").append(title(n)).append("</title><link>https://").append(id)
				.append(".example/").append(n).append("</link><guid isPermaLink=\"false\">").append(guids).append('-')
				.append(n).append("</guid><pubDate>")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)))
				.append("</pubDate></item>");
		}
		rss.append("</channel></rss>");
		server.stubFor(WireMock.get("/" + id)
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(rss.toString())));
	}

	private static JsonNode find(JsonNode sources, String id) {
		for (JsonNode source : sources) {
			if (source.get("id").asString().equals(id)) {
				return source;
			}
		}
		throw new AssertionError("no source " + id);
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static List<Instant> every(Instant from, Duration step, Duration during) {
		List<Instant> times = new ArrayList<>();
		for (Instant at = from.plus(step); at.isBefore(from.plus(during)); at = at.plus(step)) {
			times.add(at);
		}
		return times;
	}

	private static Predicate<Instant> after(Instant instant) {
		return (at) -> at.isAfter(instant);
	}

	private static final String[] WORDS = { "conseil", "budget", "port", "récolte", "tramway", "festival", "séisme",
			"élection", "grève", "marché", "université", "barrage", "tribunal", "stade", "aéroport", "forêt",
			"hôpital", "musée", "banque", "usine", "théâtre", "lycée", "autoroute", "pêche", "vignoble", "mairie" };

	/** Headlines that share no words from one item to the next, so that each is a story of its own. */
	private static String title(long n) {
		StringBuilder title = new StringBuilder();
		long seed = n * 2_654_435_761L;
		for (int i = 0; i < 5; i++) {
			seed = seed * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
			title.append(WORDS[(int) Math.floorMod(seed >>> 33, (long) WORDS.length)]).append(' ');
		}
		return title.append(n).toString();
	}

	/** One source's publications, served as they appear, and its polls at the times it asks for. */
	private final class Timetable {

		private final String id;

		private final List<Instant> published;

		private final Integer ttlMinutes;

		private Instant due;

		private StubMapping stub;

		Timetable(String id, List<Instant> published, Integer ttlMinutes) {
			this.id = id;
			this.published = published;
			this.ttlMinutes = ttlMinutes;
			this.due = CLOCK.instant();
		}

		/** Polls at each due time before {@code until}; the clock is left at {@code until}. Returns the poll times. */
		List<Instant> pollUntil(Instant until) {
			Source source = AdaptivePollingIntegrationTests.this.feeds.get().source(this.id).orElseThrow();
			List<Instant> polls = new ArrayList<>();
			while (this.due.isBefore(until)) {
				CLOCK.set(this.due);
				serve();
				PollReport report = AdaptivePollingIntegrationTests.this.ingestRun.run(source);
				assertThat(report.outcome()).isIn(PollOutcome.OK, PollOutcome.NOT_MODIFIED);
				polls.add(this.due);
				this.due = report.nextAttemptAt();
			}
			CLOCK.set(until);
			return polls;
		}

		private void serve() {
			Instant now = CLOCK.instant();
			List<Instant> shown = this.published.stream().filter((at) -> !at.isAfter(now)).toList();
			shown = shown.subList(Math.max(shown.size() - 30, 0), shown.size());
			StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
				.append(this.id)
				.append("</title><link>https://").append(this.id).append(".example/</link><description>d</description>");
			if (this.ttlMinutes != null) {
				rss.append("<ttl>").append(this.ttlMinutes).append("</ttl>");
			}
			for (Instant at : shown) {
				long n = at.getEpochSecond();
				rss.append("<item><title>").append(title(n)).append("</title><link>https://")
					.append(this.id).append(".example/").append(n).append("</link><guid>").append(this.id).append('-')
					.append(n).append("</guid><pubDate>")
					.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)))
					.append("</pubDate></item>");
			}
			rss.append("</channel></rss>");
			if (this.stub != null) {
				// One stub per source, not one per poll: WireMock would match the request against them all.
				server.removeStub(this.stub);
			}
			this.stub = server.stubFor(WireMock.get("/" + this.id)
				.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(rss.toString())));
		}

	}

	private static String url(String id) {
		return "http://localhost:" + server.getPort() + "/" + id;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		Clock settableClock() {
			return CLOCK;
		}

	}

}

package fr.manchette.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.FormFields;
import fr.manchette.support.H2Files;
import fr.manchette.support.HmacSignature;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The service's part of a WebSub source's publish-to-feed delay, in wall time: from the moment a hub starts its
 * delivery to the moment {@code /feed.atom} shows the new story. Sources served from loopback announce a hub
 * (WireMock), the service subscribes to it, the benchmark verifies each subscription and then, playing the hub,
 * delivers one new item at a time, signed, to one source after another. Not a test: run it with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=fr.manchette.bench.WebSubDeliveryBenchmark}
 * ({@code -Dbench.sources=50 -Dbench.deliveries=500}).
 */
public final class WebSubDeliveryBenchmark {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private WebSubDeliveryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int sources = Integer.getInteger("bench.sources", 50);
		int deliveries = Integer.getInteger("bench.deliveries", 500);
		Path dir = Path.of("target", "bench-websub");
		FileSystemUtils.deleteRecursively(dir);
		java.nio.file.Files.createDirectories(dir);
		WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		String hub = "http://127.0.0.1:" + server.port() + "/hub";
		server.stubFor(post("/hub").willReturn(aResponse().withStatus(202)));
		StringBuilder yaml = new StringBuilder("timezone: Europe/Paris\npoll:\n  interval: 6h\nfeeds:\n");
		for (int s = 0; s < sources; s++) {
			server.stubFor(get("/feed/" + s).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
				.withBody(atom(hub, self(server, s), s, List.of("Première dépêche de la source " + s)))));
			yaml.append("  - {id: s%d, name: Source %d, url: \"%s\"}\n".formatted(s, s, self(server, s)));
		}
		Path feeds = dir.resolve("feeds.yml");
		java.nio.file.Files.writeString(feeds, yaml);
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ManchetteApplication.class).run(
				"--server.port=0", "--manchette.feeds=" + feeds, "--manchette.polling.enabled=false",
				"--manchette.public-url=http://manchette.invalid/", "--manchette.websub.tick=100ms",
				"--logging.level.fr.manchette=WARN", "--spring.datasource.url=" + H2Files.url(dir))) {
			int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
			IngestRun ingest = service.getBean(IngestRun.class);
			for (Source source : service.getBean(CurrentFeeds.class).get().feeds()) {
				ingest.run(source);
			}
			Map<Integer, Map<String, String>> subscriptions = subscribe(server, sources, port);
			System.out.printf("sources=%d subscribed and verified; %d deliveries, one at a time%n", sources,
					deliveries);
			List<Long> toFeed = new ArrayList<>();
			List<Long> answered = new ArrayList<>();
			Map<Integer, List<String>> titles = new HashMap<>();
			for (int d = 0; d < deliveries; d++) {
				int s = d % sources;
				String title = headline(d);
				titles.computeIfAbsent(s, (key) -> new ArrayList<>()).add(0, title);
				// As a hub may: the whole feed, its newest items first.
				List<String> recent = titles.get(s).subList(0, Math.min(20, titles.get(s).size()));
				Map<String, String> subscription = subscriptions.get(s);
				byte[] body = atom(hub, self(server, s), s, recent).getBytes(StandardCharsets.UTF_8);
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
						+ URI.create(subscription.get("hub.callback")).getRawPath()))
					.header("Content-Type", "application/atom+xml")
					.header("X-Hub-Signature", HmacSignature.of("sha256", body, subscription.get("hub.secret")))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build();
				long start = System.nanoTime();
				int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				answered.add(System.nanoTime() - start);
				if (status != 204) {
					throw new IllegalStateException("delivery answered " + status);
				}
				// Its link, as the entry's own or as another source's in a story it joined.
				String link = "https://s" + s + ".example/" + Math.abs(title.hashCode()) + ".html";
				while (!CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/feed.atom")).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body().contains(link)) {
					if (System.nanoTime() - start > 10_000_000_000L) {
						throw new IllegalStateException("delivery " + d + " not in /feed.atom after 10 s");
					}
					Thread.onSpinWait();
				}
				toFeed.add(System.nanoTime() - start);
			}
			print("delivery answered (stored)", answered);
			print("delivery start to /feed.atom", toFeed);
		}
		finally {
			server.stop();
		}
	}

	/** Waits for every source's subscription request and verifies it as a hub would. */
	private static Map<Integer, Map<String, String>> subscribe(WireMockServer server, int sources, int port)
			throws Exception {
		long deadline = System.nanoTime() + 60_000_000_000L;
		List<LoggedRequest> requests;
		do {
			Thread.sleep(100);
			requests = server.findAll(postRequestedFor(urlEqualTo("/hub")));
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(requests.size() + " subscription requests of " + sources);
			}
		}
		while (requests.size() < sources);
		Map<Integer, Map<String, String>> subscriptions = new HashMap<>();
		for (LoggedRequest logged : requests) {
			Map<String, String> form = FormFields.of(logged.getBodyAsString());
			String topic = form.get("hub.topic");
			int source = Integer.parseInt(topic.substring(topic.lastIndexOf('/') + 1));
			String callback = "http://localhost:" + port + URI.create(form.get("hub.callback")).getRawPath();
			String query = "?hub.mode=subscribe&hub.topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8)
					+ "&hub.challenge=c" + source + "&hub.lease_seconds=864000";
			HttpResponse<String> verified = CLIENT.send(HttpRequest.newBuilder(URI.create(callback + query)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (!verified.body().equals("c" + source)) {
				throw new IllegalStateException("verification of source " + source + " answered " + verified.statusCode());
			}
			subscriptions.put(source, form);
		}
		return subscriptions;
	}

	private static void print(String what, List<Long> nanos) {
		List<Long> sorted = nanos.stream().sorted().toList();
		System.out.printf("%-32s median %6.1f ms  p90 %6.1f ms  max %6.1f ms%n", what, at(sorted, 0.5), at(sorted, 0.9),
				sorted.get(sorted.size() - 1) / 1e6);
	}

	private static double at(List<Long> sorted, double quantile) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
	}

	private static final String[] WHO = { "Le maire de Lyon", "La ministre de la Santé", "Le club de Marseille",
			"Les agriculteurs bretons", "La préfecture du Nord", "Le tribunal de Rennes", "Une start-up grenobloise",
			"Les cheminots", "Le Sénat", "La région Occitanie", "Un chercheur toulousain", "La SNCF" };

	private static final String[] WHAT = { "annonce un plan pour", "refuse de financer", "promet de rénover",
			"conteste la fermeture de", "inaugure", "enquête sur", "vote le budget de", "dénonce le retard de" };

	private static final String[] OBJECT = { "la ligne de tramway", "l’hôpital de quartier", "la piscine municipale",
			"le port de pêche", "la médiathèque", "l’usine de batteries", "le stade", "la gare routière",
			"les écoles rurales", "le marché couvert", "la station d’épuration" };

	/** Headlines that differ in who, what and where: distinct stories, as a day's news is. */
	private static String headline(int n) {
		return WHO[n % WHO.length] + " " + WHAT[(n / WHO.length) % WHAT.length] + " "
				+ OBJECT[(n / (WHO.length * WHAT.length)) % OBJECT.length] + " (" + (n + 1) + "e dépêche)";
	}

	private static String self(WireMockServer server, int source) {
		return "http://127.0.0.1:" + server.port() + "/feed/" + source;
	}

	private static String atom(String hub, String self, int source, List<String> titles) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Source " + source + "</title><id>urn:s" + source
				+ "</id><updated>" + Instant.now() + "</updated><link rel=\"hub\" href=\"" + hub
				+ "\"/><link rel=\"self\" href=\"" + self + "\"/>\n");
		for (String title : titles) {
			int key = Math.abs(title.hashCode());
			xml.append("<entry><title>").append(title).append("</title><id>urn:s").append(source).append(':').append(key)
				.append("</id><link href=\"https://s").append(source).append(".example/").append(key)
				.append(".html\"/><updated>").append(Instant.now()).append("</updated></entry>\n");
		}
		return xml.append("</feed>").toString();
	}

}

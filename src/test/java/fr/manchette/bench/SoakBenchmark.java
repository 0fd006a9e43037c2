package fr.manchette.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.manchette.support.H2Files;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The soak run of issue 3: 200 loopback sources on 20 servers, one in five faulty in one of the ways the web
 * fails, the healthy ones publishing a new item every minute, polled every minute by the packaged service (a child
 * process) for {@code bench.minutes} (default 10). It reports items stored against items published (none lost,
 * none doubled), the service's heap after a GC at the end, and how regularly each healthy source was polled.
 * {@code ./mvnw -q -Pbench -DskipTests package exec:java -Dbench.main=fr.manchette.bench.SoakBenchmark}
 */
public final class SoakBenchmark {

	private static final int SERVERS = 20;

	private static final int SOURCES_PER_SERVER = 10;

	private static final int FIRST_ITEMS = 20;

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private static final List<String> FAULTS = List.of("http-500", "slow-headers", "reset", "truncated", "not-found",
			"empty-response", "random-data", "rate-limited", "oversize", "redirect-loop", "html-page", "trickle",
			"gone", "garbage-xml");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private SoakBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int minutes = Integer.getInteger("bench.minutes", 10);
		Path jar = Path.of("target", "manchette.jar");
		Path dir = Path.of("target", "soak").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		List<WireMockServer> servers = new ArrayList<>();
		Map<String, Integer> published = new HashMap<>();
		Map<String, WireMockServer> healthy = new HashMap<>();
		StringBuilder yaml = new StringBuilder("""
				timezone: Africa/Casablanca
				poll:
				  interval: 1m
				  timeout: 5s
				  max-size: 1MB
				feeds:
				""");
		int faulty = 0;
		for (int s = 0; s < SERVERS; s++) {
			WireMockServer server = new WireMockServer(
					wireMockConfig().bindAddress("127.0.0.1").dynamicPort().containerThreads(20).gzipDisabled(true));
			server.start();
			servers.add(server);
			for (int i = 0; i < SOURCES_PER_SERVER; i++) {
				int n = s * SOURCES_PER_SERVER + i;
				String id = "source-" + n;
				yaml.append("  - {id: %s, name: Source %d, url: \"http://127.0.0.1:%d/%s\"}\n".formatted(id, n,
						server.port(), id));
				if (n % 5 == 4) {
					server.stubFor(get("/" + id).willReturn(fault(FAULTS.get(faulty++ % FAULTS.size()), n)));
				}
				else {
					published.put(id, FIRST_ITEMS);
					healthy.put(id, server);
					serve(server, id, n, FIRST_ITEMS);
				}
			}
		}
		Path feeds = dir.resolve("feeds.yml");
		Files.writeString(feeds, yaml);
		int port = freePort();
		Process service = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString(), "--server.port=" + port, "--manchette.feeds=" + feeds,
				"--spring.datasource.url=" + H2Files.url(dir), "--logging.level.fr.manchette=WARN"))
			.redirectErrorStream(true)
			.redirectOutput(new File(dir.toFile(), "service.log"))
			.start();
		Instant start = Instant.now();
		try {
			// New items every minute, until two intervals before the end so that the last ones are polled.
			for (int minute = 1; minute <= minutes; minute++) {
				Thread.sleep(Duration.between(Instant.now(), start.plus(Duration.ofMinutes(minute))).toMillis());
				if (minute <= minutes - 2) {
					for (Map.Entry<String, WireMockServer> source : healthy.entrySet()) {
						int count = published.merge(source.getKey(), 1, Integer::sum);
						serve(source.getValue(), source.getKey(), Integer.parseInt(source.getKey().substring(7)), count);
					}
				}
				System.out.printf("minute %d/%d%n", minute, minutes);
			}
			report(port, service, published, healthy);
		}
		finally {
			service.destroy();
			service.waitFor();
			servers.forEach(WireMockServer::stop);
		}
	}

	private static void report(int port, Process service, Map<String, Integer> published,
			Map<String, WireMockServer> healthy) throws Exception {
		JsonNode sources = JsonMapper.builder().build().readTree(fetch(port, "/api/sources")).get("sources");
		long stored = 0;
		long expected = 0;
		int lost = 0;
		int doubled = 0;
		long faultyItems = 0;
		Map<String, Long> outcomes = new HashMap<>();
		for (JsonNode source : sources) {
			String id = source.get("id").asString();
			long count = source.get("itemCount").asLong();
			Integer want = published.get(id);
			if (want == null) {
				faultyItems += count;
				outcomes.merge(source.get("outcome").asString(), 1L, Long::sum);
				continue;
			}
			stored += count;
			expected += want;
			lost += (count < want) ? 1 : 0;
			doubled += (count > want) ? 1 : 0;
		}
		Duration worstGap = Duration.ZERO;
		int fewestPolls = Integer.MAX_VALUE;
		int mostPolls = 0;
		for (Map.Entry<String, WireMockServer> source : healthy.entrySet()) {
			List<LoggedRequest> polls = new ArrayList<>(
					source.getValue().findAll(getRequestedFor(urlEqualTo("/" + source.getKey()))));
			polls.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
			fewestPolls = Math.min(fewestPolls, polls.size());
			mostPolls = Math.max(mostPolls, polls.size());
			for (int i = 1; i < polls.size(); i++) {
				Duration gap = Duration.ofMillis(polls.get(i).getLoggedDate().getTime()
						- polls.get(i - 1).getLoggedDate().getTime());
				worstGap = (gap.compareTo(worstGap) > 0) ? gap : worstGap;
			}
		}
		new ProcessBuilder("jcmd", String.valueOf(service.pid()), "GC.run").start().waitFor();
		double heap = 0;
		for (String line : fetch(port, "/actuator/prometheus").lines().toList()) {
			if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
				heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		System.out.printf("healthy sources: %d; items stored %d, published %d; sources missing items %d, "
				+ "with doubles %d%n", healthy.size(), stored, expected, lost, doubled);
		System.out.printf("faulty sources: %d, their outcomes %s, items they got stored %d%n",
				published.size() > 0 ? 200 - healthy.size() : 0, outcomes, faultyItems);
		System.out.printf("polls per healthy source: %d to %d; longest gap between two polls of one healthy source: "
				+ "%d s (interval %d s)%n", fewestPolls, mostPolls, worstGap.toSeconds(), INTERVAL.toSeconds());
		System.out.printf("service heap used after GC: %.1f MiB%n", heap / 1048576);
	}

	private static void serve(WireMockServer server, String id, int n, int items) {
		server.stubFor(get("/" + id).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
			.withBody(FirstPollBenchmark.feed(n, items))));
	}

	private static ResponseDefinitionBuilder fault(String kind, int n) {
		String feed = FirstPollBenchmark.feed(n, FIRST_ITEMS);
		return switch (kind) {
			case "http-500" -> aResponse().withStatus(500);
			case "slow-headers" -> aResponse().withFixedDelay(8_000).withBody(feed);
			case "reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
			case "truncated" -> aResponse().withBody(feed.substring(0, feed.length() / 2));
			case "not-found" -> aResponse().withStatus(404);
			case "empty-response" -> aResponse().withFault(Fault.EMPTY_RESPONSE);
			case "random-data" -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
			case "rate-limited" -> aResponse().withStatus(429).withHeader("Retry-After", "120");
			case "oversize" -> aResponse().withBody(new byte[2 * 1024 * 1024]);
			case "redirect-loop" -> aResponse().withStatus(302).withHeader("Location", "/source-" + n);
			case "html-page" -> aResponse().withBody("<!DOCTYPE html><html><body>Attention Required!</body></html>");
			case "trickle" -> aResponse().withBody(feed).withChunkedDribbleDelay(100, 20_000);
			case "gone" -> aResponse().withStatus(410);
			default -> aResponse().withBody("<rss><channel><item><title>&&&</title></ite></channel>");
		};
	}

	private static String fetch(int port, String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

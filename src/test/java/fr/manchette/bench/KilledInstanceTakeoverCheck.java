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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.manchette.support.LocalPostgres;
import org.springframework.util.FileSystemUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * How long the sources of an instance killed with SIGKILL ({@code kill -9}) in the middle of its polls wait on
 * PostgreSQL before they are polled again: first by its own restart (as a supervisor would start it again), then by
 * a second instance that survives it. Every answer trickles over 20 s, so that polls are in flight at the kill; the
 * lease is the default minute. Runs the packaged jar as child processes, on the tests' PostgreSQL:
 * {@code ./mvnw -q -Pbench -DskipTests package exec:java -Dbench.main=fr.manchette.bench.KilledInstanceTakeoverCheck}.
 */
public final class KilledInstanceTakeoverCheck {

	private static final int SOURCES = 20;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private KilledInstanceTakeoverCheck() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of("target", "manchette.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("Build the jar first: ./mvnw -DskipTests package");
		}
		Path dir = Path.of("target", "takeover-check").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		String database = LocalPostgres.get().newDatabase("takeover_check");
		WireMockServer feeds = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
			.containerThreads(3 * SOURCES));
		feeds.start();
		try {
			Path feedsFile = writeFeeds(dir, feeds);
			for (int s = 0; s < SOURCES; s++) {
				feeds.stubFor(get("/feed/" + s).willReturn(aResponse().withBody(FirstPollBenchmark.feed(s, 10))
					.withChunkedDribbleDelay(20, 20_000)));
			}

			// 1. One instance, killed with its polls of every source in flight, and started again at once.
			Process first = start(jar, feedsFile, database, dir, "first");
			await(() -> everySourceRequestedSince(feeds, Instant.EPOCH), Duration.ofSeconds(120));
			first.destroyForcibly().waitFor();
			Instant killed = Instant.now();
			int port = freePort();
			Process restarted = start(jar, feedsFile, database, dir, "restarted", port);
			await(() -> answers(port), Duration.ofSeconds(120));
			Instant ready = Instant.now();
			await(() -> everySourceRequestedSince(feeds, killed), Duration.ofSeconds(180));
			List<Duration> restart = delays(feeds, killed, allSources());
			System.out.printf("restart: the sources polled again %s after the kill (the restart ready after %.1f s)%n",
					range(restart), seconds(Duration.between(killed, ready)));

			// 2. A second instance, then the restarted one killed in its next round: the second takes its sources over.
			Process survivor = start(jar, feedsFile, database, dir, "survivor");
			Instant secondRound = Instant.now().plusSeconds(1);
			await(() -> everySourceRequestedSince(feeds, secondRound), Duration.ofSeconds(180));
			List<Integer> held = leasedBy(database);
			restarted.destroyForcibly().waitFor();
			Instant killedAgain = Instant.now();
			await(() -> requestedSince(feeds, killedAgain, held), Duration.ofSeconds(180));
			List<Duration> takeover = delays(feeds, killedAgain, held);
			System.out.printf("survivor: the %d sources the killed instance was polling polled again %s after the kill%n",
					held.size(), range(takeover));
			survivor.destroy();
			survivor.waitFor();
		}
		finally {
			feeds.stop();
		}
		System.exit(0);
	}

	private static Path writeFeeds(Path dir, WireMockServer feeds) throws IOException {
		StringBuilder yaml = new StringBuilder("""
				timezone: Africa/Casablanca
				poll:
				  interval: 45s
				  timeout: 25s
				feeds:
				""");
		for (int s = 0; s < SOURCES; s++) {
			yaml.append("  - id: source-%d\n    name: Source %d\n    url: http://127.0.0.1:%d/feed/%d\n"
				.formatted(s, s, feeds.port(), s));
		}
		return Files.writeString(dir.resolve("feeds.yml"), yaml);
	}

	private static Process start(Path jar, Path feedsFile, String database, Path dir, String name) throws IOException {
		return start(jar, feedsFile, database, dir, name, freePort());
	}

	private static Process start(Path jar, Path feedsFile, String database, Path dir, String name, int port)
			throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(List.of(java, "-Xmx224m", "-XX:+UseSerialGC", "-jar", jar.toString(),
				"--server.port=" + port, "--manchette.feeds=" + feedsFile, "--spring.datasource.url=" + database,
				"--manchette.polling.start-jitter=1s", "--manchette.polling.min-interval=10s",
				"--manchette.polling.per-host=" + SOURCES, "--manchette.polling.concurrency=" + SOURCES))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.toFile(), name + ".log")))
			.start();
	}

	private static List<Integer> allSources() {
		List<Integer> all = new ArrayList<>();
		for (int s = 0; s < SOURCES; s++) {
			all.add(s);
		}
		return all;
	}

	private static boolean everySourceRequestedSince(WireMockServer feeds, Instant since) {
		return requestedSince(feeds, since, allSources());
	}

	private static boolean requestedSince(WireMockServer feeds, Instant since, List<Integer> sources) {
		return sources.stream().allMatch((s) -> firstSince(feeds, since, s) != null);
	}

	private static Instant firstSince(WireMockServer feeds, Instant since, int source) {
		return feeds.findAll(getRequestedFor(urlEqualTo("/feed/" + source)))
			.stream()
			.map((request) -> request.getLoggedDate().toInstant())
			.filter((at) -> at.isAfter(since))
			.min(Instant::compareTo)
			.orElse(null);
	}

	private static List<Duration> delays(WireMockServer feeds, Instant since, List<Integer> sources) {
		List<Duration> delays = new ArrayList<>();
		for (int s : sources) {
			delays.add(Duration.between(since, firstSince(feeds, since, s)));
		}
		Collections.sort(delays);
		return delays;
	}

	/** The sources whose lease an instance holds (the killed one: the survivor's own polls are all on its side). */
	private static List<Integer> leasedBy(String database) throws SQLException {
		Map<String, List<Integer>> byOwner = new TreeMap<>();
		try (Connection connection = DriverManager.getConnection(database);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT source_id, lease_owner FROM source_status WHERE lease_owner IS NOT NULL")) {
			while (rows.next()) {
				byOwner.computeIfAbsent(rows.getString(2), (owner) -> new ArrayList<>())
					.add(Integer.parseInt(rows.getString(1).substring("source-".length())));
			}
		}
		System.out.printf("leases at the second kill: %s%n", byOwner.entrySet().stream()
			.map((owner) -> owner.getKey() + "=" + owner.getValue().size()).toList());
		String killed = ownerOf(byOwner);
		return byOwner.getOrDefault(killed, List.of());
	}

	/** The restarted instance's name: the one in its log. */
	private static String ownerOf(Map<String, List<Integer>> byOwner) {
		try {
			String log = Files.readString(Path.of("target", "takeover-check", "restarted.log"));
			return byOwner.keySet().stream().filter(log::contains).findFirst().orElse("");
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String range(List<Duration> delays) {
		return "in %.1f s to %.1f s (median %.1f s)".formatted(seconds(delays.get(0)),
				seconds(delays.get(delays.size() - 1)), seconds(delays.get(delays.size() / 2)));
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static boolean answers(int port) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sources")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void await(BooleanSupplier done, Duration limit) throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (!done.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Not there within " + limit);
			}
			Thread.sleep(100);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

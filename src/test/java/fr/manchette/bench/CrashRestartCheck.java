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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.manchette.support.H2Files;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Kills the service with SIGKILL ({@code kill -9}) in the middle of its polls, several times, restarts it on the
 * same H2 file, and checks that every source ends with exactly its items: none lost, none doubled, the database
 * still opens. Runs the packaged jar as a child process:
 * {@code ./mvnw -q -Pbench -DskipTests package exec:java -Dbench.main=fr.manchette.bench.CrashRestartCheck}.
 */
public final class CrashRestartCheck {

	private static final int SOURCES = 40;

	private static final int ITEMS = 30;

	private static final int KILLS = 3;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CrashRestartCheck() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of("target", "manchette.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException("Build the jar first: ./mvnw -DskipTests package");
		}
		Path dir = Path.of("target", "crash-check").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		WireMockServer feeds = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
		feeds.start();
		boolean ok;
		try {
			for (int s = 0; s < SOURCES; s++) {
				// Every other source dribbles its body over 3 s, so that polls are in flight when the kill comes.
				feeds.stubFor(get("/feed/" + s).willReturn(aResponse().withBody(FirstPollBenchmark.feed(s, ITEMS))
					.withChunkedDribbleDelay((s % 2 == 0) ? 20 : 1, (s % 2 == 0) ? 3_000 : 1)));
			}
			Path feedsFile = FirstPollBenchmark.writeFeedsFile(dir, feeds.port(), SOURCES);
			int port = freePort();
			for (int kill = 1; kill <= KILLS; kill++) {
				Process service = start(jar, feedsFile, dir, port);
				// Each run gets further before its kill: a quarter more of the sources each time.
				int target = kill * SOURCES / 4;
				int polled = waitFor(port, (sources) -> polledOk(sources) >= target, Duration.ofSeconds(180));
				service.destroyForcibly().waitFor();
				System.out.printf("kill -9 #%d with %d of %d sources polled%n", kill, polled, SOURCES);
			}
			Process service = start(jar, feedsFile, dir, port);
			try {
				// Sources leased by a killed run wait for their lease to expire (manchette.polling.lease, 1 min).
				waitFor(port, (sources) -> polledOk(sources) == SOURCES, Duration.ofSeconds(300));
				JsonNode sources = sources(port);
				long total = 0;
				int wrong = 0;
				for (JsonNode source : sources) {
					long count = source.get("itemCount").asLong();
					total += count;
					if (count != ITEMS) {
						wrong++;
						System.out.printf("source %s has %d items, expected %d%n", source.get("id").asString(), count,
								ITEMS);
					}
				}
				System.out.printf("after %d kills and a restart: %d items stored, expected %d; sources wrong: %d%n",
						KILLS, total, (long) SOURCES * ITEMS, wrong);
				ok = wrong == 0;
			}
			finally {
				service.destroy();
				service.waitFor();
			}
		}
		finally {
			feeds.stop();
		}
		System.out.println(ok ? "CRASH CHECK PASSED" : "CRASH CHECK FAILED");
		System.exit(ok ? 0 : 1);
	}

	private static Process start(Path jar, Path feedsFile, Path dir, int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--server.port=" + port,
				"--manchette.feeds=" + feedsFile, "--manchette.polling.start-jitter=2s",
				"--manchette.polling.concurrency=4", "--spring.datasource.url=" + H2Files.url(dir)))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.toFile(), "service.log")))
			.start();
	}

	private static int waitFor(int port, java.util.function.Predicate<JsonNode> done, Duration limit)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (Instant.now().isBefore(deadline)) {
			try {
				JsonNode sources = sources(port);
				if (done.test(sources)) {
					return polledOk(sources);
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("The service did not get there within " + limit);
	}

	private static int polledOk(JsonNode sources) {
		int ok = 0;
		for (JsonNode source : sources) {
			String outcome = source.get("outcome").asString();
			if (outcome.equals("OK") || outcome.equals("NOT_MODIFIED")) {
				ok++;
			}
		}
		return ok;
	}

	private static JsonNode sources(int port) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sources")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body()).get("sources");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

package fr.manchette.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.manchette.ManchetteApplication;
import fr.manchette.store.H2ObjectCache;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.support.H2Files;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The first poll of many sources served from loopback: wall time from start-up to the last source stored, items
 * stored, and the heap after a GC. Not a test: run it with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.sources=100 -Dbench.items=30}.
 */
public final class FirstPollBenchmark {

	private FirstPollBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// As the service's main does, before any class of H2 loads.
		H2ObjectCache.offUnlessSet();
		int sources = Integer.getInteger("bench.sources", 100);
		int items = Integer.getInteger("bench.items", 30);
		Path dir = Path.of("target", "bench");
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		try {
			for (int s = 0; s < sources; s++) {
				server.stubFor(get("/feed/" + s).willReturn(aResponse()
					.withHeader("Content-Type", "application/rss+xml; charset=utf-8")
					.withHeader("ETag", "\"s" + s + "\"")
					.withBody(feed(s, items))));
			}
			Path feeds = writeFeedsFile(dir, server.port(), sources);
			Instant started = Instant.now();
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ManchetteApplication.class)
				.run("--server.port=0", "--manchette.feeds=" + feeds, "--manchette.polling.start-jitter=0s",
						"--logging.level.fr.manchette=WARN", "--spring.datasource.url=" + H2Files.url(dir))) {
				Instant ready = Instant.now();
				SourceStatusRepository statuses = context.getBean(SourceStatusRepository.class);
				while (statuses.findAll().stream().filter((status) -> status.lastAttemptAt() != null).count() < sources) {
					Thread.sleep(20);
				}
				Instant done = Instant.now();
				Map<String, Long> counts = context.getBean(ItemRepository.class).countBySource();
				long stored = counts.values().stream().mapToLong(Long::longValue).sum();
				System.gc();
				Thread.sleep(200);
				System.gc();
				long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				System.out.printf("sources=%d items/source=%d%n", sources, items);
				System.out.printf("start-up: %d ms%n", Duration.between(started, ready).toMillis());
				System.out.printf("first poll of every source (ready -> last source stored): %d ms%n",
						Duration.between(ready, done).toMillis());
				System.out.printf("items stored: %d (expected %d)%n", stored, (long) sources * items);
				System.out.printf("heap used after GC: %.1f MiB (max %d MiB)%n", heap / 1048576.0,
						Runtime.getRuntime().maxMemory() / 1048576);
			}
		}
		finally {
			server.stop();
		}
	}

	static Path writeFeedsFile(Path dir, int port, int sources) throws IOException {
		StringBuilder yaml = new StringBuilder("timezone: Africa/Casablanca\nfeeds:\n");
		for (int s = 0; s < sources; s++) {
			yaml.append("  - id: source-").append(s).append('\n');
			yaml.append("    name: Source ").append(s).append('\n');
			yaml.append("    url: http://127.0.0.1:").append(port).append("/feed/").append(s).append('\n');
		}
		Path feeds = dir.resolve("feeds.yml");
		Files.writeString(feeds, yaml);
		return feeds;
	}

	static String feed(int source, int items) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Source %d</title><link>https://source%d.example/</link>
				<description>Banc d'essai</description>
				""".formatted(source, source));
		Instant now = Instant.now();
		for (int i = 0; i < items; i++) {
			String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(600L * i + source).atOffset(ZoneOffset.UTC));
			xml.append("""
					<item><title>Dépêche %d de la source %d : l’économie marocaine « résiste » à l’inflation</title>
					<link>https://source%d.example/article/%d?utm_source=rss&amp;xtor=RSS-1</link>
					<guid isPermaLink="false">s%d-i%d</guid><pubDate>%s</pubDate>
					<description><![CDATA[<p>Le gouvernement annonce des <b>mesures</b> pour les ménages. <a href="/suite">Lire la suite</a></p>]]></description>
					</item>
					""".formatted(i, source, source, i, source, i, date));
		}
		return xml.append("</channel></rss>\n").toString();
	}

}

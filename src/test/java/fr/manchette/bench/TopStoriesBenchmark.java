package fr.manchette.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.manchette.ManchetteApplication;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.normalize.Item;
import fr.manchette.pipeline.StoreStep;
import fr.manchette.publish.Ticker;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.SourceStatus;
import fr.manchette.support.H2Files;
import fr.manchette.support.LocalPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * À la une and webhooks at the scale of a farm: {@code bench.items} items (default 300 000) at the rate of 1000
 * sources publishing 30 a day each (ten days' worth by default) stored through the real store step in polls of 30, one item in four retelling a story of
 * the last hours under its link, so that stories have from one to a dozen sources. Run twice: without webhooks, and
 * with two configured (the store step then records its events in the outbox, one query and one insert per poll; the
 * receiver is never called, its tick being an hour). Prints the ingest rate of each, then the ticker's query
 * newest first and à la une (6 h window), p50/p90, and the rows the outbox holds.
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=fr.manchette.bench.TopStoriesBenchmark}
 * ({@code -Dbench.engine=h2} or {@code postgres} for one engine only).
 */
public final class TopStoriesBenchmark {

	private static final int PER_POLL = 30;

	private TopStoriesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int items = Integer.getInteger("bench.items", 300_000);
		String engine = System.getProperty("bench.engine", "both");
		Path dir = Path.of("target", "top-stories-bench").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		Path feeds = writeFeeds(dir, 1000);
		for (boolean webhooks : new boolean[] { false, true }) {
			String label = webhooks ? "with 2 webhooks" : "without webhooks";
			if (!engine.equals("postgres")) {
				run("H2 " + label, H2Files.url(dir.resolve(webhooks ? "hooks" : "plain")), feeds, items, webhooks);
			}
			if (!engine.equals("h2")) {
				run("PostgreSQL " + label, LocalPostgres.get().newDatabase(webhooks ? "une_hooks" : "une_plain"), feeds,
						items, webhooks);
			}
		}
		System.exit(0);
	}

	private static void run(String name, String url, Path feeds, int items, boolean webhooks) {
		List<String> args = new ArrayList<>(List.of("--manchette.feeds=" + feeds, "--manchette.polling.enabled=false",
				"--manchette.reload-interval=1h", "--spring.datasource.url=" + url, "--logging.level.fr.manchette=WARN",
				"--logging.level.org.flywaydb=WARN"));
		if (webhooks) {
			args.addAll(List.of("--manchette.fetch.allow-internal-redirects=true", "--manchette.webhook-delivery.tick=1h",
					"--manchette.webhooks[0].url=http://127.0.0.1:9/a", "--manchette.webhooks[0].secret=a",
					"--manchette.webhooks[1].url=http://127.0.0.1:9/b", "--manchette.webhooks[1].secret=b"));
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ManchetteApplication.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new))) {
			System.out.printf("%n== %s: %d items from 1000 sources%n", name, items);
			long started = System.nanoTime();
			Instant now = ingest(context, items);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("ingest: %d items in %.0f s, %.0f items/s%n", items, seconds, items / seconds);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			System.out.printf("rows: item %,d, webhook_outbox %,d; items in the last 6 h: %,d%n",
					jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single(),
					jdbc.sql("SELECT COUNT(*) FROM webhook_outbox").query(Long.class).single(),
					jdbc.sql("SELECT COUNT(*) FROM item WHERE sort_at >= ?")
						.param(now.minus(Duration.ofHours(6)).atOffset(java.time.ZoneOffset.UTC))
						.query(Long.class)
						.single());
			queries(context, now);
		}
	}

	private static Instant ingest(ConfigurableApplicationContext context, int items) {
		Deduplicator deduplicator = context.getBean(Deduplicator.class);
		StoreStep store = context.getBean(StoreStep.class);
		Random random = new Random(42);
		Instant end = Instant.now();
		// 30 000 items a day, whatever their number: the window of 6 h holds 7 500 of them.
		long step = Duration.ofDays(1).toMillis() / 30_000;
		Instant start = end.minusMillis(step * items);
		for (int done = 0; done < items; done += PER_POLL) {
			int source = (done / PER_POLL) % 1000;
			int size = Math.min(PER_POLL, items - done);
			List<Item> poll = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				int n = done + i;
				poll.add(item(n, random, start.plusMillis(step * n)));
			}
			Instant seenAt = start.plusMillis(step * (done + size));
			store.store("source-" + source, deduplicator.identify(poll), seenAt,
					SourceStatus.unknown("source-" + source, "https://source" + source + ".example/feed"));
		}
		return end;
	}

	/** One item in four retells one of the stories begun in the last ~3 000 items (about two hours), by its link. */
	private static Item item(int n, Random random, Instant published) {
		int story = (n % 4 == 0 && n > 3000) ? n - 1 - random.nextInt(3000) : n;
		String title = "Dépêche " + story + " : " + Long.toString(random.nextLong(), 36);
		return new Item("guid-" + n, title, URI.create("https://presse.example/article/" + story), "<p>" + title + "</p>",
				title, published, true, List.of());
	}

	/**
	 * Each call asks for a window a millisecond apart from the last: H2 answers a query it has just answered, with the
	 * same parameters and nothing changed, from its own cache, which would time nothing.
	 */
	private static void queries(ConfigurableApplicationContext context, Instant now) {
		Ticker ticker = context.getBean(Ticker.class);
		Map<String, java.util.function.IntFunction<ItemQuery>> queries = new LinkedHashMap<>();
		queries.put("latest 50", (i) -> new ItemQuery(null, null, now.minus(Duration.ofDays(30)).plusMillis(i), 50));
		queries.put("une 50 (6 h)", (i) -> ItemQuery.latest(50).une(now.minus(Duration.ofHours(6)).plusMillis(i)));
		queries.put("une 500 (6 h)", (i) -> ItemQuery.latest(500).une(now.minus(Duration.ofHours(6)).plusMillis(i)));
		queries.put("une 50 (24 h)", (i) -> ItemQuery.latest(50).une(now.minus(Duration.ofHours(24)).plusMillis(i)));
		for (Map.Entry<String, java.util.function.IntFunction<ItemQuery>> query : queries.entrySet()) {
			for (int i = 0; i < 5; i++) {
				ticker.headlines(query.getValue().apply(i));
			}
			long[] nanos = new long[40];
			for (int i = 0; i < nanos.length; i++) {
				ItemQuery asked = query.getValue().apply(100 + i);
				long start = System.nanoTime();
				ticker.headlines(asked);
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			System.out.printf("headlines %-16s p50 %7.2f ms  p90 %7.2f ms  (top story: %d sources)%n", query.getKey(),
					nanos[19] / 1e6, nanos[35] / 1e6, ticker.headlines(query.getValue().apply(0)).headlines().get(0).sources());
		}
	}

	private static Path writeFeeds(Path dir, int sources) throws IOException {
		StringBuilder yaml = new StringBuilder("timezone: Africa/Casablanca\nretention: 60d\nfeeds:\n");
		for (int s = 0; s < sources; s++) {
			yaml.append("  - {id: source-%1$d, name: Source %1$d, url: \"http://127.0.0.1:9/%1$d\"}\n".formatted(s));
		}
		Path feeds = dir.resolve("feeds.yml");
		Files.writeString(feeds, yaml);
		return feeds;
	}

}

package fr.manchette.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.store.SourceLeases;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.SourceStatusRepository.FirstPoll;
import fr.manchette.support.H2Files;
import fr.manchette.support.SettableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Publish-to-feed delay and requests made: fixed interval, adaptive polling, and adaptive polling with WebSub for a
 * quarter of the sources ({@code bench.modes=fixed,adaptive,websub}, all three by default). Not a test: run it with
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=fr.manchette.bench.FreshnessBenchmark}.
 * <p>
 * 200 sources served from loopback publish at random (a Poisson process each), their mean time between items spread
 * evenly on a log scale from {@code bench.fastest} (3 minutes) to {@code bench.slowest} (a day). Time is simulated:
 * the service's {@code Clock} bean is a {@link SettableClock} that the benchmark moves in steps of
 * {@code bench.step} (5 s); at each step it runs every due source through the real {@link IngestRun} (polls and
 * their next times exactly as in service, the scheduler's claiming aside), up to {@code bench.threads} at a time.
 * Each mode runs the same timetable in a service of its own: {@code bench.warm-up} (2 h) to settle, then
 * {@code bench.measured} (6 h) in which requests are counted and items published are measured, then as long as it
 * takes for every measured item to be stored (at most the mode's longest interval). The delay of an item is the time
 * from its publication to its {@code first_seen_at} in the store, which is when a merged feed can show it (the clock
 * stands still during a step).
 * <p>
 * A mode is a {@link Mode}: its feeds.yml, service properties, what each feed carries in its channel (a
 * {@code rel="hub"} link), a hook called at the exact simulated time of each publication (to have a hub deliver it),
 * and the group each source is reported in ({@link AdaptiveWebSub} uses them all).
 */
public final class FreshnessBenchmark {

	/** One way of running the service against the same sources. */
	interface Mode {

		String name();

		/** The {@code poll:} block of feeds.yml, indented by two spaces. */
		String pollBlock();

		/** Extra lines of a source's entry in feeds.yml, indented by four spaces. */
		default String sourceLines(int source) {
			return "";
		}

		/** Extra service properties ({@code --name=value}). */
		default List<String> properties() {
			return List.of();
		}

		/** Extra elements in a source's {@code <channel>} (a hub link), given the feed's own address. */
		default String channelExtras(int source, String feedUrl) {
			return "";
		}

		/** Called once the service is ready, before the first step. */
		default void started(Run run) {
		}

		/** Called at the simulated time of each publication, before that step's polls. */
		default void published(Run run, int source, Item item) {
		}

		/** The group a source's figures are reported in, besides the total. */
		default String group(int source) {
			return "all";
		}

		/** The longest a measured item may wait to be polled: how long to run after the measured window. */
		Duration drain();

		/** Lines of the mode's own to print with its figures (what a hub did, say). */
		default String summary() {
			return "";
		}

	}

	/** An item of the timetable: its source, its number in that source, when it is published. */
	record Item(int source, int number, Instant published) {

		String guid() {
			return "s" + this.source + "-i" + this.number;
		}

	}

	/** What a mode can reach while it runs: the service, its clock, the feeds' server. */
	record Run(ConfigurableApplicationContext service, SettableClock clock, FeedServer feeds, Sources sources) {
	}

	static final Mode FIXED = new Mode() {
		@Override
		public String name() {
			return "fixed 15 min";
		}

		@Override
		public String pollBlock() {
			return "  interval: 15m\n";
		}

		@Override
		public Duration drain() {
			return Duration.ofMinutes(17);
		}
	};

	static final Mode ADAPTIVE = new Mode() {
		@Override
		public String name() {
			return "adaptive";
		}

		@Override
		public String pollBlock() {
			return "  interval: 15m\n  adaptive: true\n  max-interval: 6h\n";
		}

		@Override
		public Duration drain() {
			return Duration.ofMinutes(6 * 66);
		}
	};

	/**
	 * Adaptive polling, and a quarter of the sources ({@code source % 4 == 0}) announce a hub: the service subscribes
	 * to it after the source's first poll (the warm-up covers it), and at each publication of such a source the
	 * {@link LoopbackHub} delivers the source's feed as it then stands. The clock stands still while the hub
	 * delivers, so a pushed item's delay in simulated time is none; the hub reports how long the service took to
	 * answer its deliveries in wall time, which is what a reader would wait.
	 */
	static final class AdaptiveWebSub implements Mode {

		private final LoopbackHub hub = new LoopbackHub();

		private final int servicePort;

		AdaptiveWebSub() throws IOException {
			this.hub.start();
			// The hubs call the service back at its public URL: its port is chosen before it starts.
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				this.servicePort = socket.getLocalPort();
			}
		}

		static boolean pushed(int source) {
			return source % 4 == 0;
		}

		@Override
		public String name() {
			return "adaptive + WebSub";
		}

		@Override
		public String pollBlock() {
			return ADAPTIVE.pollBlock();
		}

		@Override
		public List<String> properties() {
			return List.of("server.port=" + this.servicePort, "server.address=127.0.0.1",
					"manchette.public-url=http://127.0.0.1:" + this.servicePort + "/", "manchette.websub.tick=100ms");
		}

		@Override
		public String channelExtras(int source, String feedUrl) {
			return pushed(source) ? "<atom:link rel=\"hub\" href=\"" + this.hub.url() + "\"/><atom:link rel=\"self\" href=\""
					+ feedUrl + "\"/>" : "";
		}

		@Override
		public void published(Run run, int source, Item item) {
			if (!pushed(source)) {
				return;
			}
			try {
				this.hub.deliver(run.feeds().url(source), run.feeds().body(source),
						"application/rss+xml; charset=utf-8");
			}
			catch (IOException ex) {
				throw new IllegalStateException("delivery of " + item.guid() + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}

		@Override
		public String group(int source) {
			return pushed(source) ? "websub" : "polled";
		}

		@Override
		public Duration drain() {
			return ADAPTIVE.drain();
		}

		@Override
		public String summary() {
			return this.hub.summary();
		}

	}

	private static final Instant START = Instant.parse("2025-05-16T04:00:00Z");

	private FreshnessBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = Integer.getInteger("bench.sources", 200);
		Duration fastest = Duration.parse(System.getProperty("bench.fastest", "PT3M"));
		Duration slowest = Duration.parse(System.getProperty("bench.slowest", "PT24H"));
		Duration warmUp = Duration.parse(System.getProperty("bench.warm-up", "PT2H"));
		Duration measured = Duration.parse(System.getProperty("bench.measured", "PT6H"));
		long seed = Long.getLong("bench.seed", 13);
		List<Mode> modes = new ArrayList<>();
		for (String name : System.getProperty("bench.modes", "fixed,adaptive,websub").split(",")) {
			switch (name.strip()) {
				case "fixed" -> modes.add(FIXED);
				case "adaptive" -> modes.add(ADAPTIVE);
				case "websub" -> modes.add(new AdaptiveWebSub());
				default -> throw new IllegalArgumentException("bench.modes: fixed, adaptive or websub, not " + name);
			}
		}
		Instant from = START.plus(warmUp);
		Instant to = from.plus(measured);
		Sources sources = Sources.random(count, fastest, slowest, START, to.plus(Duration.ofHours(8)), seed);
		System.out.printf("sources=%d mean time between items %s..%s (log-uniform, Poisson), seed=%d%n", count,
				fastest, slowest, seed);
		System.out.printf("warm-up %s, measured %s: %d items published in the measured window%n", warmUp, measured,
				sources.publishedBetween(from, to).size());
		for (Mode mode : modes) {
			Result result = run(mode, sources, from, to);
			result.print();
		}
		// The feeds' server and the poll pool are gone; whatever thread a service left behind must not hold the JVM.
		System.exit(0);
	}

	static Result run(Mode mode, Sources sources, Instant from, Instant to) throws Exception {
		Path dir = Path.of("target", "bench-freshness", mode.name().replaceAll("\\W+", "-"));
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		SettableClock clock = new SettableClock(START);
		FeedServer feeds = new FeedServer(sources, clock, mode);
		feeds.start();
		Path feedsYml = dir.resolve("feeds.yml");
		Files.writeString(feedsYml, feedsYml(mode, sources.size(), feeds.port()));
		List<String> arguments = new ArrayList<>(List.of("--manchette.feeds=" + feedsYml,
				"--manchette.polling.enabled=false", "--logging.level.fr.manchette=WARN",
				"--spring.datasource.url=" + H2Files.url(dir)));
		if (mode.properties().stream().noneMatch((property) -> property.startsWith("server.port="))) {
			// Given twice, a property would be read as both values joined.
			arguments.add("--server.port=0");
		}
		mode.properties().forEach((property) -> arguments.add("--" + property));
		int threads = Integer.getInteger("bench.threads", 4);
		Duration step = Duration.parse(System.getProperty("bench.step", "PT5S"));
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long wallStart = System.nanoTime();
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ManchetteApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("benchClock", clock))
			.run(arguments.toArray(String[]::new))) {
			Run run = new Run(service, clock, feeds, sources);
			CurrentFeeds current = service.getBean(CurrentFeeds.class);
			SourceStatusRepository statuses = service.getBean(SourceStatusRepository.class);
			IngestRun ingest = service.getBean(IngestRun.class);
			// As the scheduler does at start: every source due at once, spread over a minute.
			List<FirstPoll> first = new ArrayList<>();
			Random jitter = new Random(1);
			for (Source source : current.get().enabledFeeds()) {
				first.add(new FirstPoll(source.id(), source.url().toString(), source.reading(),
						START.plusMillis(jitter.nextInt(60_000))));
			}
			statuses.schedule(first);
			mode.started(run);
			List<Item> timetable = sources.all();
			int next = 0;
			Instant end = to.plus(mode.drain());
			List<Item> measured = sources.publishedBetween(from, to);
			for (Instant now = START; !now.isAfter(end); now = now.plus(step)) {
				feeds.counting(!now.isBefore(from) && now.isBefore(to));
				while (next < timetable.size() && !timetable.get(next).published().isAfter(now)) {
					// The hook runs at the very moment of the publication, then the step goes on at its own time.
					clock.set(timetable.get(next).published());
					mode.published(run, timetable.get(next).source(), timetable.get(next));
					next++;
				}
				clock.set(now);
				List<Future<?>> polls = new ArrayList<>();
				for (String id : service.getBean(SourceLeases.class).due(now, 10_000)) {
					Source source = current.get().source(id).orElseThrow();
					polls.add(pool.submit(() -> ingest.run(source)));
				}
				for (Future<?> poll : polls) {
					poll.get();
				}
				if (now.isAfter(to) && now.getEpochSecond() % 600 == 0 && allStored(measured, firstSeen(service))) {
					break;
				}
			}
			Map<String, Instant> seen = firstSeen(service);
			long serviceMeasured = service.getBean(MeterRegistry.class)
				.find("manchette.publish.delay")
				.timers()
				.stream()
				.mapToLong(Timer::count)
				.sum();
			return new Result(mode, measured, seen, feeds.requestsBy(mode), feeds.notModified(), serviceMeasured,
					Duration.ofNanos(System.nanoTime() - wallStart));
		}
		finally {
			pool.shutdownNow();
			feeds.stop();
		}
	}

	private static boolean allStored(List<Item> measured, Map<String, Instant> seen) {
		return measured.stream().allMatch((item) -> seen.containsKey(item.guid()));
	}

	private static Map<String, Instant> firstSeen(ConfigurableApplicationContext service) {
		Map<String, Instant> seen = new HashMap<>();
		service.getBean(JdbcClient.class).sql("SELECT guid, first_seen_at FROM item").query((row) -> {
			seen.put(row.getString("guid"), row.getObject("first_seen_at", OffsetDateTime.class).toInstant());
		});
		return seen;
	}

	private static String feedsYml(Mode mode, int count, int port) {
		StringBuilder yaml = new StringBuilder("timezone: Africa/Casablanca\npoll:\n").append(mode.pollBlock())
			.append("feeds:\n");
		for (int s = 0; s < count; s++) {
			yaml.append("  - id: source-").append(s).append('\n');
			yaml.append("    name: Source ").append(s).append('\n');
			yaml.append("    url: http://127.0.0.1:").append(port).append("/feed/").append(s).append('\n');
			yaml.append(mode.sourceLines(s));
		}
		return yaml.toString();
	}

	/** The sources' timetables: every item of every source, by publication time. */
	static final class Sources {

		private final List<Duration> meanGaps;

		private final List<Item> items;

		private final List<List<Item>> bySource;

		private Sources(List<Duration> meanGaps, List<Item> items) {
			this.meanGaps = meanGaps;
			this.items = items;
			this.bySource = new ArrayList<>();
			meanGaps.forEach((gap) -> this.bySource.add(new ArrayList<>()));
			items.forEach((item) -> this.bySource.get(item.source()).add(item));
		}

		static Sources random(int count, Duration fastest, Duration slowest, Instant from, Instant to, long seed) {
			Random random = new Random(seed);
			List<Duration> gaps = new ArrayList<>();
			List<Item> items = new ArrayList<>();
			double low = Math.log(fastest.toSeconds());
			double high = Math.log(slowest.toSeconds());
			for (int s = 0; s < count; s++) {
				double mean = Math.exp(low + (high - low) * s / Math.max(count - 1, 1));
				gaps.add(Duration.ofSeconds(Math.round(mean)));
				// Some of its items are older than the start: the backlog its first poll finds.
				Instant at = from.minusSeconds(Math.round(mean * 20));
				int number = 0;
				while (true) {
					at = at.plusMillis(Math.round(-Math.log(1 - random.nextDouble()) * mean * 1000));
					if (at.isAfter(to)) {
						break;
					}
					items.add(new Item(s, number++, at));
				}
			}
			items.sort((a, b) -> a.published().compareTo(b.published()));
			return new Sources(gaps, items);
		}

		int size() {
			return this.meanGaps.size();
		}

		List<Item> all() {
			return this.items;
		}

		List<Item> of(int source) {
			return this.bySource.get(source);
		}

		Duration meanGap(int source) {
			return this.meanGaps.get(source);
		}

		List<Item> publishedBetween(Instant from, Instant to) {
			return this.items.stream()
				.filter((item) -> !item.published().isBefore(from) && item.published().isBefore(to))
				.toList();
		}

	}

	/** The sources' feeds on loopback: what each has published by the simulated now, with ETags and 304s. */
	static final class FeedServer {

		private static final String[] WORDS = { "conseil", "budget", "port", "récolte", "tramway", "festival",
				"séisme", "élection", "grève", "marché", "université", "barrage", "tribunal", "stade", "aéroport",
				"forêt", "hôpital", "musée", "banque", "usine", "théâtre", "lycée", "autoroute", "pêche", "vignoble",
				"mairie", "ministre", "syndicat", "pluie", "sécheresse", "exportations", "phosphates" };

		private final Sources sources;

		private final SettableClock clock;

		private final Mode mode;

		private final AtomicLongArray requests;

		private final AtomicLong notModified = new AtomicLong();

		private volatile boolean counting;

		private HttpServer server;

		FeedServer(Sources sources, SettableClock clock, Mode mode) {
			this.sources = sources;
			this.clock = clock;
			this.mode = mode;
			this.requests = new AtomicLongArray(sources.size());
		}

		void start() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
			this.server.createContext("/feed/", this::serve);
			this.server.setExecutor(Executors.newFixedThreadPool(4, (task) -> {
				Thread thread = new Thread(task, "feeds");
				thread.setDaemon(true);
				return thread;
			}));
			this.server.start();
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		void counting(boolean counting) {
			this.counting = counting;
		}

		/** Requests counted, in all and by the mode's group of their source. */
		Map<String, Long> requestsBy(Mode mode) {
			Map<String, Long> counts = new TreeMap<>();
			for (int s = 0; s < this.requests.length(); s++) {
				counts.merge("all", this.requests.get(s), Long::sum);
				if (!mode.group(s).equals("all")) {
					counts.merge(mode.group(s), this.requests.get(s), Long::sum);
				}
			}
			return counts;
		}

		String url(int source) {
			return "http://127.0.0.1:" + port() + "/feed/" + source;
		}

		/** A source's feed as it stands at the clock's time, as a hub would send it; not counted as a request. */
		byte[] body(int source) {
			List<Item> all = this.sources.of(source);
			int shown = shown(all, this.clock.instant());
			return rss(source, all.subList(Math.max(shown - 20, 0), shown), url(source)).getBytes(StandardCharsets.UTF_8);
		}

		private static int shown(List<Item> all, Instant now) {
			int shown = 0;
			while (shown < all.size() && !all.get(shown).published().isAfter(now)) {
				shown++;
			}
			return shown;
		}

		long notModified() {
			return this.notModified.get();
		}

		void stop() {
			this.server.stop(0);
		}

		private void serve(HttpExchange exchange) throws IOException {
			try (exchange) {
				int source = Integer.parseInt(exchange.getRequestURI().getPath().substring("/feed/".length()));
				List<Item> all = this.sources.of(source);
				int shown = shown(all, this.clock.instant());
				if (this.counting) {
					this.requests.incrementAndGet(source);
				}
				String etag = "\"" + source + "-" + shown + "\"";
				if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
					if (this.counting) {
						this.notModified.incrementAndGet();
					}
					exchange.getResponseHeaders().add("ETag", etag);
					exchange.sendResponseHeaders(304, -1);
					return;
				}
				byte[] body = rss(source, all.subList(Math.max(shown - 20, 0), shown), url(source))
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
				exchange.getResponseHeaders().add("ETag", etag);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}

		private String rss(int source, List<Item> items, String feedUrl) {
			StringBuilder xml = new StringBuilder(512 + 400 * items.size());
			xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
					+ "xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Source ")
				.append(source)
				.append("</title><link>https://source")
				.append(source)
				.append(".example/</link><description>Banc d'essai</description>")
				.append(this.mode.channelExtras(source, feedUrl));
			for (int i = items.size() - 1; i >= 0; i--) {
				Item item = items.get(i);
				xml.append("<item><title>")
					.append(title(item))
					.append("</title><link>https://source")
					.append(source)
					.append(".example/article/")
					.append(item.number())
					.append("</link><guid isPermaLink=\"false\">")
					.append(item.guid())
					.append("</guid><pubDate>")
					.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(item.published().atOffset(ZoneOffset.UTC)))
					.append("</pubDate><description>Le point sur ")
					.append(title(item))
					.append(".</description></item>\n");
			}
			return xml.append("</channel></rss>\n").toString();
		}

		/** Headlines that share few words, so that items of different sources are different stories. */
		private static String title(Item item) {
			StringBuilder title = new StringBuilder();
			long seed = (item.source() * 1_000_003L + item.number()) * 2_654_435_761L;
			for (int i = 0; i < 6; i++) {
				seed = seed * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
				title.append(WORDS[(int) Math.floorMod(seed >>> 33, (long) WORDS.length)]).append(' ');
			}
			return title.append(item.source()).append('-').append(item.number()).toString();
		}

	}

	/** One mode's figures. */
	record Result(Mode mode, List<Item> measured, Map<String, Instant> seen, Map<String, Long> requests, long notModified,
			long serviceMeasured, Duration wall) {

		void print() {
			Map<String, List<Duration>> groups = new TreeMap<>();
			int missing = 0;
			for (Item item : this.measured) {
				Instant at = this.seen.get(item.guid());
				if (at == null) {
					missing++;
					continue;
				}
				Duration delay = Duration.between(item.published(), at);
				groups.computeIfAbsent("all", (key) -> new ArrayList<>()).add(delay);
				String group = this.mode.group(item.source());
				if (!group.equals("all")) {
					groups.computeIfAbsent(group, (key) -> new ArrayList<>()).add(delay);
				}
			}
			System.out.printf("%n== %s (%.0f s of wall time)%n", this.mode.name(), this.wall.toMillis() / 1000.0);
			System.out.printf("requests in the measured window: %d (%d answered 304)%s%n", this.requests.get("all"),
					this.notModified, (this.requests.size() > 1) ? " by group " + this.requests : "");
			for (Map.Entry<String, List<Duration>> group : groups.entrySet()) {
				List<Duration> delays = group.getValue();
				Collections.sort(delays);
				System.out.printf("delay %-8s items=%d median=%s p90=%s max=%s%n", group.getKey(), delays.size(),
						show(percentile(delays, 0.5)), show(percentile(delays, 0.9)),
						show(delays.get(delays.size() - 1)));
			}
			System.out.printf("items never stored: %d; delays the service measured itself (whole run): %d%n", missing,
					this.serviceMeasured);
			if (!this.mode.summary().isEmpty()) {
				System.out.println(this.mode.summary());
			}
		}

		private static Duration percentile(List<Duration> sorted, double fraction) {
			int rank = (int) Math.ceil(fraction * sorted.size());
			return sorted.get(Math.max(rank, 1) - 1);
		}

		private static String show(Duration duration) {
			long seconds = duration.toSeconds();
			return (seconds >= 60) ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
		}

	}

}

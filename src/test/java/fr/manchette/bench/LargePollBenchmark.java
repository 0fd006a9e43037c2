package fr.manchette.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.net.httpserver.HttpServer;
import fr.manchette.ManchetteApplication;
import fr.manchette.store.H2ObjectCache;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.support.H2Files;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The first poll of sources that each list thousands of items (archive-style feeds of several MB of French
 * summaries), through the real scheduler and store: wall time from ready to the last source stored, the process's CPU
 * an item, the collector's time, and the heap after each collection at its highest. With
 * {@code -Dbench.sources=300 -Dbench.items=30} the same items come as small polls: an item of a large poll should cost
 * what one of a small poll does. Not a test; run it in a JVM with the service's flags (see the README's Benchmark
 * section). The feeds are files written once under {@code target/bench-feeds}, served from loopback by the JDK's
 * HTTP server without being held in the heap.
 */
public final class LargePollBenchmark {

	private static final List<String> WORDS = List.of(("gouvernement budget parlement réforme élection ministre "
			+ "économie inflation carburant prix marché emploi santé hôpital école université football championnat "
			+ "victoire défaite finale coupe climat sécheresse pluie énergie électricité port aéroport train autoroute "
			+ "tourisme agriculture récolte exportation banque investissement entreprise startup justice tribunal procès "
			+ "police sécurité frontière diplomatie sommet visite accord culture festival cinéma musique livre patrimoine "
			+ "Rabat Casablanca Marrakech Tanger Fès Agadir Oujda Meknès Paris Lyon Marseille Bruxelles Genève")
		.split(" "));

	private static final List<String> SENTENCES = List.of(
			"Le ministre a présenté mardi les grandes lignes d’un projet qui doit, selon lui, « changer la donne » pour les ménages.",
			"Les syndicats dénoncent une mesure qu’ils jugent « insuffisante » et appellent à la mobilisation dans les prochains jours.",
			"Dans les quartiers populaires, les habitants s’inquiètent de la hausse des prix et de l’avenir de leurs enfants.",
			"L’opposition réclame un débat au Parlement avant toute décision, estimant que le texte a été préparé dans la précipitation.",
			"Selon les chiffres publiés par l’institut de statistique, la croissance a ralenti au troisième trimestre.",
			"Les experts interrogés estiment qu’il faudra plusieurs années avant que les effets de la réforme ne se fassent sentir.",
			"La région a connu une saison agricole difficile, marquée par la sécheresse et la baisse des rendements.",
			"Le club s’est imposé dans les dernières minutes, au terme d’un match longtemps indécis devant un public enthousiaste.",
			"Les autorités locales ont annoncé l’ouverture d’une enquête afin de faire toute la lumière sur les circonstances de l’accident.",
			"Le festival, qui fête cette année sa vingtième édition, accueillera des artistes venus d’Afrique et d’Europe.",
			"« Nous n’avons pas d’autre choix que d’investir dans les énergies renouvelables », a déclaré la présidente de l’agence.",
			"Les négociations doivent reprendre la semaine prochaine, mais aucune des parties ne semble prête à faire de concessions.",
			"Le tribunal a renvoyé l’affaire à une date ultérieure, à la demande des avocats de la défense.",
			"Les compagnies aériennes prévoient une hausse du trafic pendant les vacances, portée par le retour des touristes.",
			"L’entreprise compte recruter plusieurs centaines de personnes d’ici à la fin de l’année dans ses nouveaux ateliers.");

	private LargePollBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// As the service's main does, before any class of H2 loads.
		H2ObjectCache.offUnlessSet();
		int sources = Integer.getInteger("bench.sources", 8);
		int items = Integer.getInteger("bench.items", 9000);
		Path feedsDir = Path.of("target", "bench-feeds", sources + "x" + items);
		long bodyBytes = writeFeeds(feedsDir, sources, items);
		Path dir = Path.of("target", "bench-large");
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		HttpServer server = serve(feedsDir);
		HeapAfterCollections heap = HeapAfterCollections.watch();
		try {
			Path feeds = FirstPollBenchmark.writeFeedsFile(dir, server.getAddress().getPort(), sources);
			Instant started = Instant.now();
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ManchetteApplication.class)
				.run("--server.port=0", "--manchette.feeds=" + feeds, "--manchette.polling.start-jitter=0s",
						"--logging.level.fr.manchette=WARN", "--spring.datasource.url=" + H2Files.url(dir) + System.getProperty("bench.h2", ""))) {
				Instant ready = Instant.now();
				long cpuReady = processCpu();
				long gcReady = gcMillis();
				heap.reset();
				SourceStatusRepository statuses = context.getBean(SourceStatusRepository.class);
				while (statuses.findAll().stream().filter((status) -> status.lastAttemptAt() != null).count() < sources) {
					Thread.sleep(20);
				}
				Instant done = Instant.now();
				long cpu = processCpu() - cpuReady;
				long gc = gcMillis() - gcReady;
				Map<String, Long> counts = context.getBean(ItemRepository.class).countBySource();
				long stored = counts.values().stream().mapToLong(Long::longValue).sum();
				System.out.printf("sources=%d items/source=%d body=%.1f MiB each%n", sources, items,
						bodyBytes / (double) sources / 1048576.0);
				System.out.printf("start-up: %d ms%n", Duration.between(started, ready).toMillis());
				System.out.printf("ready -> last source stored: %d ms%n", Duration.between(ready, done).toMillis());
				System.out.printf("items stored: %d (expected %d)%n", stored, (long) sources * items);
				System.out.printf("process CPU: %.1f s, %.3f ms an item%n", cpu / 1e9, cpu / 1e6 / stored);
				System.out.printf("collector: %.1f s (%d full collections)%n", gc / 1e3, heap.fullCollections());
				System.out.printf("heap after a collection, highest: %.0f MiB (after a full one: %.0f MiB; max %d MiB)%n",
						heap.highest() / 1048576.0, heap.highestAfterFull() / 1048576.0,
						Runtime.getRuntime().maxMemory() / 1048576);
				System.gc();
				System.gc();
				System.out.printf("heap after the polls, after a full collection: %.0f MiB%n",
						ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
				Thread.sleep(Long.getLong("bench.hold", 0L) * 1000);
			}
		}
		finally {
			server.stop(0);
		}
		// The server's threads would keep the JVM up.
		System.exit(0);
	}

	/** Writes each source's feed once (the same bytes at every run: a fixed seed); returns their size in all. */
	private static long writeFeeds(Path dir, int sources, int items) throws IOException {
		Files.createDirectories(dir);
		Instant now = Instant.now();
		long bytes = 0;
		for (int s = 0; s < sources; s++) {
			Path file = dir.resolve("feed-" + s + ".xml");
			if (!Files.exists(file)) {
				Path partial = dir.resolve("feed-" + s + ".part");
				try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
					writeFeed(out, s, items, now);
				}
				Files.move(partial, file);
			}
			bytes += Files.size(file);
		}
		return bytes;
	}

	/**
	 * One source's feed: headlines of the source's own (common words, made-up rare ones, function words that make
	 * them French), summaries of some 120 words, one item every four minutes back from now (within the default
	 * retention of 30 days for 9 000 items).
	 */
	private static void writeFeed(BufferedWriter out, int source, int items, Instant now) throws IOException {
		Random random = new Random(source);
		out.write("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Archives %d</title><link>https://archives%d.example/</link>
				<description>Banc d’essai des gros flux</description>
				""".formatted(source, source));
		for (int i = 0; i < items; i++) {
			String date = DateTimeFormatter.RFC_1123_DATE_TIME
				.format(now.minusSeconds(240L * i + source).atOffset(ZoneOffset.UTC));
			StringBuilder title = new StringBuilder();
			title.append(WORDS.get(random.nextInt(WORDS.size()))).append(" : le ");
			title.append(WORDS.get(random.nextInt(WORDS.size()))).append(" des ");
			for (int w = 0; w < 4; w++) {
				title.append(madeUp(random)).append(' ');
			}
			title.append("pour « ").append(WORDS.get(random.nextInt(WORDS.size()))).append(" » n°").append(i);
			StringBuilder summary = new StringBuilder();
			for (int sentence = 0; sentence < 6; sentence++) {
				summary.append(SENTENCES.get(random.nextInt(SENTENCES.size()))).append(' ');
			}
			out.write("""
					<item><title>%s</title>
					<link>https://archives%d.example/%d/article-%d.html?xtor=RSS-1</link>
					<guid isPermaLink="false">a%d-%d</guid><pubDate>%s</pubDate>
					<description><![CDATA[<p>%s</p>]]></description>
					</item>
					""".formatted(title, source, i / 100, i, source, i, date, summary.toString().strip()));
		}
		out.write("</channel></rss>\n");
	}

	private static String madeUp(Random random) {
		String[] syllables = { "ba", "be", "bou", "ca", "ci", "da", "dou", "fa", "ga", "la", "li", "ma", "mo", "na",
				"ne", "pa", "ra", "ri", "sa", "ta", "ti", "va", "za" };
		return syllables[random.nextInt(syllables.length)] + syllables[random.nextInt(syllables.length)]
				+ syllables[random.nextInt(syllables.length)];
	}

	/** Serves each feed from its file, with an ETag, streamed: no body is held in the heap measured. */
	private static HttpServer serve(Path dir) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		server.createContext("/feed/", (exchange) -> {
			String source = exchange.getRequestURI().getPath().substring("/feed/".length());
			Path file = dir.resolve("feed-" + source + ".xml");
			String etag = "\"" + source + "-" + Files.size(file) + "\"";
			exchange.getResponseHeaders().add("ETag", etag);
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
			exchange.sendResponseHeaders(200, Files.size(file));
			try (OutputStream body = exchange.getResponseBody()) {
				Files.copy(file, body);
			}
		});
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		return server;
	}

	/** The collector's time so far, in milliseconds, all collectors. */
	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	/** The CPU time of the whole process so far, in nanoseconds. */
	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** The heap in use after each collection, at its highest: what a poll keeps alive, not its garbage. */
	private static final class HeapAfterCollections {

		private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());

		private final AtomicLong highest = new AtomicLong();

		private final AtomicLong highestAfterFull = new AtomicLong();

		private final AtomicLong full = new AtomicLong();

		static HeapAfterCollections watch() {
			HeapAfterCollections watch = new HeapAfterCollections();
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
					if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
						.equals(notification.getType())) {
						watch.collected(GarbageCollectionNotificationInfo
							.from((CompositeData) notification.getUserData()));
					}
				}, null, null);
			}
			return watch;
		}

		private void collected(GarbageCollectionNotificationInfo info) {
			long after = 0;
			for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
				if (HEAP_POOLS.contains(pool.getKey())) {
					after += pool.getValue().getUsed();
				}
			}
			this.highest.accumulateAndGet(after, Math::max);
			if (info.getGcAction().contains("major")) {
				this.full.incrementAndGet();
				this.highestAfterFull.accumulateAndGet(after, Math::max);
			}
		}

		void reset() {
			this.highest.set(0);
			this.highestAfterFull.set(0);
			this.full.set(0);
		}

		long highest() {
			return this.highest.get();
		}

		long highestAfterFull() {
			return this.highestAfterFull.get();
		}

		long fullCollections() {
			return this.full.get();
		}

	}

}

package fr.manchette.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import fr.manchette.ManchetteApplication;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.StoryMatcher;
import fr.manchette.dedup.StoryWindow;
import fr.manchette.pipeline.StoreStep;
import fr.manchette.store.SourceStatus;
import fr.manchette.normalize.Item;
import fr.manchette.publish.Ticker;
import fr.manchette.store.H2ObjectCache;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.QueryPlans;
import fr.manchette.support.H2Files;
import fr.manchette.support.LocalPostgres;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The store at scale (issue 6): {@code bench.items} items (default 1 000 000) from {@code bench.sources} sources
 * (default 1000) ingested as polls of 30 through the real dedup and repository, on H2 and on PostgreSQL, by as many
 * storing threads as the service stores polls at once ({@code bench.writers}, the machine's cores, two at least), the
 * story window pruned every simulated hour as the service does; the ingest rate per slice, and the CPU and allocation
 * an item of each busy thread (the storing ones, H2's page writers, the word indexer); then the ticker's query
 * ({@code /api/headlines} once its cache is cold) with and without filters, p50/p99; and the query plans that justify
 * the indexes.
 * {@code ./mvnw -q -Pbench -DskipTests package exec:java -Dbench.main=fr.manchette.bench.StoreBenchmark}
 * ({@code -Dbench.engine=h2} or {@code postgres} for one engine only; {@code -Dbench.reuse=true} times the
 * queries again on the H2 store the last run left, after the migrations a newer version brings, without storing).
 */
public final class StoreBenchmark {

	private static final int PER_POLL = 30;

	/** Threads storing polls at once ({@code bench.writers}): as many as the service stores at once on this machine. */
	private static final int WRITERS = Integer.getInteger("bench.writers",
			Math.max(2, Runtime.getRuntime().availableProcessors()));

	/** The storing threads' names. */
	private static final String WRITER = "store-writer-";

	private static final List<String> WORDS = Arrays.asList(("gouvernement budget parlement réforme élection "
			+ "ministre économie inflation carburant prix marché emploi santé hôpital école université football "
			+ "championnat victoire défaite finale coupe climat sécheresse pluie énergie électricité port aéroport "
			+ "train autoroute tourisme agriculture récolte exportation banque investissement entreprise startup "
			+ "justice tribunal procès police sécurité frontière diplomatie sommet visite accord culture festival "
			+ "cinéma musique livre patrimoine").split(" "));

	private StoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// As the service's main does, before any class of H2 loads.
		H2ObjectCache.offUnlessSet();
		int items = Integer.getInteger("bench.items", 1_000_000);
		int sources = Integer.getInteger("bench.sources", 1000);
		String engine = System.getProperty("bench.engine", "both");
		boolean reuse = Boolean.getBoolean("bench.reuse");
		Path dir = Path.of("target", "store-bench").toAbsolutePath();
		if (!reuse) {
			FileSystemUtils.deleteRecursively(dir);
			Files.createDirectories(dir);
		}
		Path feeds = writeFeeds(dir, sources);
		if (reuse) {
			run("H2 (stored before)", H2Files.url(dir), feeds, 0, sources);
		}
		else if (!engine.equals("postgres")) {
			// As the service runs it (the settings H2 needs are added at start); others to compare, e.g. ;WRITE_DELAY=0.
			run("H2", H2Files.url(dir) + System.getProperty("bench.h2-options", ""), feeds, items, sources);
		}
		if (!reuse && !engine.equals("h2")) {
			run("PostgreSQL", LocalPostgres.get().newDatabase("store_bench"), feeds, items, sources);
		}
		System.exit(0);
	}

	private static void run(String name, String url, Path feeds, int items, int sources) throws InterruptedException {
		long starting = System.nanoTime();
		long stopping;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ManchetteApplication.class)
			.web(WebApplicationType.NONE)
			.run("--manchette.feeds=" + feeds, "--manchette.polling.enabled=false", "--manchette.reload-interval=1h",
					"--spring.datasource.url=" + url, "--logging.level.fr.manchette=WARN",
					"--logging.level.org.flywaydb=WARN")) {
			System.out.printf("%n== %s: %d items from %d sources (started, migrations included, in %.1f s)%n", name,
					items, sources, (System.nanoTime() - starting) / 1e9);
			Instant now;
			if (items > 0) {
				long started = System.nanoTime();
				long cpu = processCpu();
				Map<Long, ThreadCost> threadsBefore = threadCosts();
				WriterCosts writers = new WriterCosts();
				now = ingest(context, items, sources, url.startsWith("jdbc:h2:") ? h2File(url) : null, writers);
				if (url.startsWith("jdbc:h2:")) {
					H2Pages.print(context, items);
				}
				System.out.printf("ingest: %d items in %.0f s, %.0f items/s overall (%d storing threads)%n", items,
						(System.nanoTime() - started) / 1e9, items / ((System.nanoTime() - started) / 1e9), WRITERS);
				// On a shared machine the wall rate depends on the neighbours; CPU time much less so.
				System.out.printf("ingest CPU: %.0f µs an item in all (%.0f µs in the storing threads, the rest H2's"
						+ " writers, the word index, the JIT, GC)%n", (processCpu() - cpu) / 1e3 / items,
						writers.cpu.sum() / 1e3 / items);
				long stored = System.nanoTime();
				SearchBenchmark.awaitWordIndex(context.getBean(JdbcClient.class));
				System.out.printf("word index caught up %.1f s after the last item: %.0f items/s with it%n",
						(System.nanoTime() - stored) / 1e9, items / ((System.nanoTime() - started) / 1e9));
				System.out.printf("threads %-44s %6.0f µs CPU, %6.1f kB allocated an item%n", WRITER + "1 to " + WRITERS,
						writers.cpu.sum() / 1e3 / items, writers.allocated.sum() / 1024.0 / items);
				printThreadCosts(threadsBefore, threadCosts(), items);
			}
			else {
				now = context.getBean(JdbcClient.class).sql("SELECT MAX(sort_at) FROM item")
					.query(OffsetDateTime.class)
					.single()
					.toInstant();
			}
			sizes(context, url);
			queries(context, now);
			QueryPlans.print(context, name, now);
			stopping = System.nanoTime();
		}
		if (url.startsWith("jdbc:h2:")) {
			// What an operator finds on disk after a clean stop, once the stop's compaction has run.
			System.out.printf("store size on disk after a clean stop: %.0f MiB (stopped in %.1f s)%n",
					h2File(url).toFile().length() / 1048576.0, (System.nanoTime() - stopping) / 1e9);
		}
	}

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** What a thread has cost so far: CPU time in nanoseconds, bytes allocated. */
	private record ThreadCost(String name, long cpu, long allocated) {
	}

	/** Every live thread's costs so far, by thread id. */
	private static Map<Long, ThreadCost> threadCosts() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
		Map<Long, ThreadCost> costs = new java.util.HashMap<>();
		for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
			if (info != null) {
				long id = info.getThreadId();
				costs.put(id, new ThreadCost(info.getThreadName(), THREADS.getThreadCpuTime(id),
						threads.getThreadAllocatedBytes(id)));
			}
		}
		return costs;
	}

	/**
	 * The threads that took CPU during the ingest (the storing one, H2's page writer, the word indexer), an item's
	 * share of their CPU and allocation: where an item's cost goes, which the process's CPU lumps together.
	 */
	private static void printThreadCosts(Map<Long, ThreadCost> before, Map<Long, ThreadCost> after, int items) {
		after.entrySet()
			.stream()
			.map((entry) -> {
				ThreadCost was = before.getOrDefault(entry.getKey(), new ThreadCost("", 0, 0));
				ThreadCost now = entry.getValue();
				return new ThreadCost(now.name(), now.cpu() - was.cpu(), now.allocated() - was.allocated());
			})
			.filter((cost) -> cost.cpu() / 1e3 / items >= 1)
			.sorted(java.util.Comparator.comparingLong(ThreadCost::cpu).reversed())
			.forEach((cost) -> System.out.printf("thread %-45s %6.0f µs CPU, %6.1f kB allocated an item%n",
					cost.name(), cost.cpu() / 1e3 / items, cost.allocated() / 1024.0 / items));
	}

	/** The CPU time of the whole process so far, in nanoseconds. */
	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Path h2File(String url) {
		return Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
	}

	/**
	 * Stores the polls from {@link #WRITERS} threads side by side, as the service's poll workers store theirs (as many
	 * at once as the machine has cores, two at least): each takes the next poll, identifies and stores it. A poll's
	 * items are drawn from its own number, so that the same polls are stored whatever the threads' turns.
	 */
	private static Instant ingest(ConfigurableApplicationContext context, int items, int sources, @Nullable Path h2File,
			WriterCosts costs) throws InterruptedException {
		Deduplicator deduplicator = context.getBean(Deduplicator.class);
		StoreStep store = context.getBean(StoreStep.class);
		StoryWindow storyWindow = context.getBean(StoryWindow.class);
		Instant end = Instant.now();
		// Spread over 25 days, oldest first, as a store fills.
		long step = Duration.ofDays(25).toMillis() / items;
		Instant start = end.minusMillis(step * items);
		Duration window = context.getBean(StoryMatcher.class).window();
		AtomicReference<Instant> prunedAt = new AtomicReference<>(start);
		Progress progress = new Progress(items, h2File, (h2File != null) ? H2Pages.writeBytes(context) : () -> 0);
		AtomicInteger nextPoll = new AtomicInteger();
		int polls = (items + PER_POLL - 1) / PER_POLL;
		Runnable writer = () -> {
			for (int p = nextPoll.getAndIncrement(); p < polls; p = nextPoll.getAndIncrement()) {
				int done = p * PER_POLL;
				int source = p % sources;
				int size = Math.min(PER_POLL, items - done);
				Random random = new Random(42L * 1_000_003 + p);
				List<Item> poll = new ArrayList<>(size);
				for (int i = 0; i < size; i++) {
					int n = done + i;
					poll.add(item(n, random, start.plusMillis(step * n)));
				}
				Instant seenAt = start.plusMillis(step * (done + size));
				store.store("source-" + source, deduplicator.identify(poll), seenAt,
						SourceStatus.unknown("source-" + source, "https://source" + source + ".example/feed"));
				Instant pruned = prunedAt.get();
				if (seenAt.isAfter(pruned.plus(Duration.ofHours(1))) && prunedAt.compareAndSet(pruned, seenAt)) {
					// What RetentionPruner does every hour, on the run's simulated clock: the story window keeps the
					// headlines of the last two windows, as in a running service. Counted in the ingest time.
					storyWindow.forgetBefore(seenAt.minus(window.multipliedBy(2)));
				}
				progress.stored(size);
			}
			costs.cpu.add(THREADS.getCurrentThreadCpuTime());
			costs.allocated.add(((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes());
		};
		List<Thread> threads = new ArrayList<>();
		for (int w = 1; w <= WRITERS; w++) {
			Thread thread = new Thread(writer, WRITER + w);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return end;
	}

	/** The storing threads' CPU time (ns) and allocation (bytes), each added as the thread ends. */
	private record WriterCosts(LongAdder cpu, LongAdder allocated) {

		WriterCosts() {
			this(new LongAdder(), new LongAdder());
		}

	}

	/** Prints the rate and CPU of each tenth of the ingest as the writers get through it. */
	private static final class Progress {

		private final int items;

		private final @Nullable Path h2File;

		private final int slice;

		private int stored;

		private int sliceFrom;

		private long sliceStart = System.nanoTime();

		private long sliceCpu = processCpu();

		private final java.util.function.LongSupplier writeBytes;

		private long sliceWrites;

		Progress(int items, @Nullable Path h2File, java.util.function.LongSupplier writeBytes) {
			this.items = items;
			this.h2File = h2File;
			this.writeBytes = writeBytes;
			this.sliceWrites = writeBytes.getAsLong();
			this.slice = Math.max(items / 10, PER_POLL);
		}

		synchronized void stored(int size) {
			this.stored += size;
			if (this.stored - this.sliceFrom >= this.slice || this.stored >= this.items) {
				long nanos = System.nanoTime() - this.sliceStart;
				long cpu = processCpu();
				long writes = this.writeBytes.getAsLong();
				System.out.printf("ingest: items %7d to %7d at %6.0f items/s, %5.0f µs CPU an item%s%n",
						this.sliceFrom, this.stored, (this.stored - this.sliceFrom) / (nanos / 1e9),
						(cpu - this.sliceCpu) / 1e3 / (this.stored - this.sliceFrom),
						(this.h2File != null)
								? "; H2 file %.0f MiB, %.1f kB written an item".formatted(
										this.h2File.toFile().length() / 1048576.0,
										(writes - this.sliceWrites) / 1024.0 / (this.stored - this.sliceFrom))
								: "");
				this.sliceWrites = writes;
				this.sliceFrom = this.stored;
				this.sliceStart = System.nanoTime();
				this.sliceCpu = cpu;
			}
		}

	}

	/** The rows of each table and the store's size on disk (H2: its file; PostgreSQL: the database). */
	private static void sizes(ConfigurableApplicationContext context, String url) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		for (String table : List.of("item", "item_word", "item_word_block")) {
			System.out.printf("rows: %-10s %,d%n", table,
					jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		long bytes = url.startsWith("jdbc:h2:")
				? h2File(url).toFile().length()
				: jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
		System.out.printf("store size on disk: %.0f MiB%n", bytes / 1048576.0);
	}

	/** Headlines as varied as real ones: a few common words, mostly names and rarer words (made up here). */
	private static final List<String> RARE_WORDS = rareWords(20_000);

	private static List<String> rareWords(int count) {
		String[] syllables = "ba be bi bo bou ca ce ci co cou da de di do dou fa fe fi fo ga ge gi go la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za zi zo"
			.split(" ");
		Random random = new Random(7);
		List<String> words = new ArrayList<>(count);
		while (words.size() < count) {
			words.add(syllables[random.nextInt(syllables.length)] + syllables[random.nextInt(syllables.length)]
					+ syllables[random.nextInt(syllables.length)]);
		}
		return words;
	}

	/**
	 * The short words that make a headline read as French, each both a function word the language check knows and a
	 * stop word (the story matcher and the word index skip them): real French headlines have them, and are told
	 * French without the detector. Drawn from the item's number, so that the rest of the run's draws stay as they were.
	 */
	private static final List<String> FUNCTION_WORDS = List.of("le", "les", "du", "des", "dans", "pour", "sur", "avec",
			"au", "aux", "une", "et", "selon", "contre");

	/**
	 * One headline in this many goes without them, as the few real items that are not plain French (a short title,
	 * a mixed one) and go to the detector: some 3 % of the real French feeds' items under {@code corpus/real-fr}.
	 */
	private static final int MIXED_EVERY = 33;

	/**
	 * The words with two different function words, after the first and after the fourth, as in « budget du … pour … »
	 * (the check wants two different ones).
	 */
	private static List<String> asFrench(List<String> words, int n) {
		int count = FUNCTION_WORDS.size();
		int first = n % count;
		List<String> french = new ArrayList<>(words);
		french.add(4, FUNCTION_WORDS.get((first + 1 + (n / count) % (count - 1)) % count));
		french.add(1, FUNCTION_WORDS.get(first));
		return french;
	}

	private static Item item(int n, Random random, Instant published) {
		List<String> words = new ArrayList<>();
		for (int w = 0; w < 3; w++) {
			words.add(WORDS.get(random.nextInt(WORDS.size())));
		}
		for (int w = 0; w < 5; w++) {
			words.add(RARE_WORDS.get(random.nextInt(RARE_WORDS.size())));
		}
		if (n % 10 == 0) {
			words.add("Maroc");
		}
		if (n % 100_000 == 7) {
			words.add("Panathinaïkos");
		}
		String title = "Dépêche " + n + " : " + String.join(" ", (n % MIXED_EVERY == 0) ? words : asFrench(words, n));
		return new Item("guid-" + n, title, URI.create("https://source" + (n % 997) + ".example/article/" + n),
				"<p>" + title + ".</p>", title, published, true, List.of());
	}

	private static void queries(ConfigurableApplicationContext context, Instant now) {
		Ticker ticker = context.getBean(Ticker.class);
		Map<String, ItemQuery> queries = new LinkedHashMap<>();
		queries.put("latest 50, no filter", ItemQuery.latest(50));
		queries.put("source=source-7", new ItemQuery(Set.of("source-7"), null, null, 50));
		queries.put("category=cat-3 (100 sources)", new ItemQuery(category(3), null, null, 50));
		queries.put("q=maroc (1 item in 10)", new ItemQuery(null, "maroc", null, 50));
		queries.put("q=panathinaikos (10 items)", new ItemQuery(null, "panathinaikos", null, 50));
		queries.put("since=1 day ago", new ItemQuery(null, null, now.minus(Duration.ofDays(1)), 50));
		queries.put("latest 500", ItemQuery.latest(500));
		for (Map.Entry<String, ItemQuery> query : queries.entrySet()) {
			for (int i = 0; i < 10; i++) {
				ticker.headlines(query.getValue());
			}
			long[] nanos = new long[100];
			for (int i = 0; i < nanos.length; i++) {
				long start = System.nanoTime();
				ticker.headlines(query.getValue());
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			System.out.printf("headlines %-30s p50 %7.2f ms  p99 %7.2f ms%n", query.getKey(), nanos[49] / 1e6,
					nanos[98] / 1e6);
		}
	}

	private static Set<String> category(int category) {
		Set<String> ids = new java.util.HashSet<>();
		for (int s = category; s < 1000; s += 10) {
			ids.add("source-" + s);
		}
		return ids;
	}

	private static Path writeFeeds(Path dir, int sources) throws IOException {
		StringBuilder yaml = new StringBuilder("timezone: Africa/Casablanca\nretention: 60d\nfeeds:\n");
		for (int s = 0; s < sources; s++) {
			yaml.append("  - {id: source-%1$d, name: Source %1$d, url: \"http://127.0.0.1:9/%1$d\", category: cat-%2$d}\n"
				.formatted(s, s % 10));
		}
		Path feeds = dir.resolve("feeds.yml");
		Files.writeString(feeds, yaml);
		return feeds;
	}

}

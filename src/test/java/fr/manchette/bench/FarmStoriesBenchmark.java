package fr.manchette.bench;

import java.io.IOException;
import java.lang.ref.Reference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import fr.manchette.dedup.CandidateStory;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.dedup.StoryCandidate;
import fr.manchette.dedup.StoryMatcher;
import fr.manchette.dedup.StoryWindow;
import fr.manchette.dedup.WindowHeadline;
import fr.manchette.normalize.Item;
import fr.manchette.normalize.ItemNormalizer;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.support.ParseThenNormalize;
import tools.jackson.databind.ObjectMapper;

/**
 * Story clustering on a feed farm of {@code ../shared/bench/gen.py}, scored against the farm's {@code truth.json}:
 * reads {@code FARM/feeds/*.xml} from disk, takes every item through the real {@link FeedParser},
 * {@link ItemNormalizer} and {@link Deduplicator}, then gives each item its story as the service does (sorted by
 * time; an item whose link is already stored joins that item's story; else the stories of the headlines found in
 * an in-memory band index within the window, each as its lead and its latest members, go to
 * {@link StoryMatcher#storyOf}), writes {@code FARM/clusters.json} ({@code {guid: story}}) and prints the pairwise
 * precision and recall, the wrong merges and the missed ones, the cost of matching per item, and then what
 * {@code score_dedup.py} says of the same file.
 * <p>
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=fr.manchette.bench.FarmStoriesBenchmark -Dbench.farm=/tmp/farm1}
 * (optional: {@code -Dbench.order=feed} to store the feeds one after the other, each newest first, as polls do,
 * instead of all items by time; {@code -Dbench.show=N} wrong merges and missed pairs printed, default 40;
 * {@code -Dbench.scorer=PATH} of {@code score_dedup.py}; {@code -Dbench.out=PATH} for the clusters instead of
 * {@code FARM/clusters.json}, so that a farm that nginx serves is left as it is).
 * <p>
 * {@code -Dbench.index=window} gives each item its story as the service's story step does instead: through the
 * {@link StoryAssigner}, with the {@link StoryWindow} (its band lookup, its stories, the matcher's cache of headlines
 * by title) fed with each item as it is placed, one item a poll; it then prints the CPU of that step per item, the
 * lookup included, and the heap that the window and the matcher's cache of headlines hold after the last item
 * ({@code -Dbench.own=true}: with the titles and title keys that they alone hold in the service).
 * {@code -Dbench.index=window -Dbench.order=feed -Dbench.polls=true} is the service's cold pass: a poll per feed, its
 * items drafted then assigned as the store step does, their title keys and bands worked out in the step, other memory
 * read between polls (see {@link #placeInPolls}); it prints the CPU and allocation of the draft and of the whole
 * step per item, and {@code -Dbench.out} then holds the stories the step gave, to compare two builds. Both
 * modes also print the CPU per item of working out what matching needs of a headline ({@link IdentifiedItem#titleKey}
 * and {@link IdentifiedItem#bands}).
 */
public final class FarmStoriesBenchmark {

	private static final Duration WINDOW = Duration.ofHours(48);

	private static final Runnable NO_CHECK = () -> {
	};

	/**
	 * CPU time, not wall time: the machine is shared, and matching is all computation. Bytes allocated too: unlike
	 * time, the same from one run to the next, however busy the machine.
	 */
	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
		.getThreadMXBean();

	/** Prints the stories offered to, and chosen for, each item whose title has this text. */
	private static final String TRACE = System.getProperty("bench.trace");

	/** As the store's index: rows read per band, nearest in time first, and items kept, sharing the most bands. */
	private static final int PER_BAND = 40;

	private static final int MAX_CANDIDATES = 16;

	/** Members of a candidate story given to the matcher: its lead, and this many of its latest others. */
	private static final int LATEST_MEMBERS = 7;

	private FarmStoriesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path farm = Path.of(System.getProperty("bench.farm", "/tmp/farm"));
		String order = System.getProperty("bench.order", "time");
		int show = Integer.getInteger("bench.show", 40);
		Path scorer = Path.of(System.getProperty("bench.scorer", "../shared/bench/score_dedup.py"));
		Instant seenAt = Instant.now();
		long started = System.nanoTime();
		List<Entry> entries = read(farm, seenAt);
		System.out.printf(Locale.ROOT, "%s: %d items read, parsed, normalized and identified in %.1f s%n", farm,
				entries.size(), (System.nanoTime() - started) / 1e9);
		if (order.equals("time")) {
			entries.sort(Comparator.comparing(Entry::sortAt).thenComparing(Entry::order));
		}
		System.out.printf(Locale.ROOT, "identify: %.1f µs of CPU and %.1f kB allocated per item for its title key and bands%n",
				identifyNanos / 1e3 / entries.size(), identifyBytes / 1e3 / entries.size());
		if (System.getProperty("bench.index", "").equals("window")) {
			// -Dbench.passes=N: the step N times over, each with a window and a matcher of its own (the later passes
			// with the code compiled): on a shared machine, compare the passes of two builds run in turn.
			int passes = Integer.getInteger("bench.passes", 1);
			for (int pass = 1; pass <= passes; pass++) {
				long allocated = THREADS.getCurrentThreadAllocatedBytes();
				long cpu = POLLS ? placeInPolls(entries, seenAt) : placeInWindow(entries, seenAt);
				allocated = POLLS ? stepBytes : THREADS.getCurrentThreadAllocatedBytes() - allocated - lookupBytes;
				System.out.printf(Locale.ROOT,
						"order %s, the service's story step%s: %d stories; %.1f µs of CPU and %.1f kB allocated per "
								+ "item (lookup, matching, adding to the window); %d collections, %d ms, meanwhile%n",
						order, (passes > 1) ? " (pass " + pass + ")" : "",
						entries.stream().map((entry) -> entry.story).distinct().count(), cpu / 1e3 / entries.size(),
						allocated / 1e3 / entries.size(), stepCollections, stepCollectionMillis);
			}
		}
		else {
			Stories stories = new Stories(new StoryMatcher(WINDOW));
			entries.forEach(stories::place);
			System.out.printf(Locale.ROOT,
					"order %s: %d stories; matching %.1f µs of CPU and %.1f kB allocated per item (%d items asked, %.1f "
							+ "candidate stories and %.1f members given per item asked, %d at most)%n",
					order, stories.count(), stories.matchingNanos / 1e3 / entries.size(),
					stories.matchingBytes / 1e3 / entries.size(), stories.asked,
					(double) stories.storiesGiven / Math.max(1, stories.asked),
					(double) stories.membersGiven / Math.max(1, stories.asked), stories.maxMembersGiven);
		}
		Map<String, String> clusters = new LinkedHashMap<>();
		entries.forEach((entry) -> clusters.put(entry.guid(), entry.story));
		Path out = Path.of(System.getProperty("bench.out", farm.resolve("clusters.json").toString()));
		new ObjectMapper().writeValue(out.toFile(), clusters);
		Map<String, String> truth = readTruth(farm);
		score(entries, truth, show);
		if (Files.isRegularFile(scorer)) {
			Process process = new ProcessBuilder("python3", scorer.toString(), farm.toString(), out.toString())
				.inheritIO()
				.start();
			process.waitFor();
		}
	}

	/** CPU spent, and bytes allocated, working out title keys and bands, summed over the items read. */
	private static long identifyNanos;

	private static long identifyBytes;

	/**
	 * Gives each item its story as the service's story step does, one item a poll: the story of its link if an item
	 * placed before has it, else what the {@link StoryAssigner} decides with the window of the items placed before;
	 * then the item joins the window. Returns the CPU spent, in nanoseconds.
	 */
	private static long placeInWindow(List<Entry> entries, Instant seenAt) {
		Instant earliest = entries.stream().map(Entry::sortAt).min(Comparator.naturalOrder()).orElse(seenAt);
		// The window holds what is sorted from twice its length before its clock: from the earliest item on.
		StoryWindow window = new StoryWindow(WINDOW,
				Clock.fixed(earliest.plus(WINDOW.multipliedBy(2)), ZoneOffset.UTC));
		window.load(List.of(), 0, 0);
		StoryAssigner assigner = new StoryAssigner(new StoryMatcher(WINDOW), window);
		Map<String, String> byLink = new HashMap<>();
		long id = 0;
		long cpu = 0;
		long collections = collections();
		long collectionMillis = collectionMillis();
		for (Entry entry : entries) {
			String linkKey = entry.identified.fingerprint().linkKey();
			Map<String, String> links = (linkKey != null && byLink.containsKey(linkKey))
					? Map.of(linkKey, byLink.get(linkKey)) : Map.of();
			IdentifiedItem identified = entry.identified;
			if (OWN) {
				// As a poll hands it over: a title and a key of its own, which the entry does not hold.
				identified = IdentifiedItem.of(withOwnTitle(identified.item()));
				identified.titleKey();
				identified.bands();
			}
			long start = THREADS.getCurrentThreadCpuTime();
			AssignedItem assigned = assigner.assign(entry.source, List.of(identified), seenAt, links).get(0);
			window.add(List.of(new WindowHeadline(++id, entry.source, assigned.storyKey(), identified.item().title(),
					assigned.sortAt(), identified.bands())));
			cpu += THREADS.getCurrentThreadCpuTime() - start;
			entry.story = assigned.storyKey();
			if (linkKey != null) {
				byLink.putIfAbsent(linkKey, entry.story);
			}
		}
		if (LOOKUPS > 0) {
			// The lookup alone, every item again in the window as it ends: the part of the step that reads it most.
			long lookupCpu = 0;
			lookupBytes = 0;
			long found = 0;
			// With -Dbench.evict=MB, that much other memory read between two blocks of thirty lookups, as between polls.
			long[] evicted = new long[EVICT_MB * 1024 * 1024 / Long.BYTES];
			long sink = 0;
			long fastestRound = Long.MAX_VALUE;
			for (int round = 0; round < LOOKUPS; round++) {
				long roundCpu = lookupCpu;
				for (int first = 0; first < entries.size(); first += 30) {
					for (int i = 0; i < evicted.length; i += 8) {
						sink += evicted[i]++;
					}
					long start = THREADS.getCurrentThreadCpuTime();
					long allocated = THREADS.getCurrentThreadAllocatedBytes();
					for (Entry entry : entries.subList(first, Math.min(first + 30, entries.size()))) {
						found += window.nearest(entry.identified.bands(), entry.sortAt, entry.source).size();
					}
					lookupCpu += THREADS.getCurrentThreadCpuTime() - start;
					lookupBytes += THREADS.getCurrentThreadAllocatedBytes() - allocated;
				}
				fastestRound = Math.min(fastestRound, lookupCpu - roundCpu);
			}
			System.out.printf(Locale.ROOT,
					"the window's lookup alone, in the full window%s: %.2f µs of CPU and %.2f kB allocated per item "
							+ "(%d rounds, the fastest %.2f µs; %.2f headlines found per item)%n",
					(EVICT_MB > 0) ? ", " + EVICT_MB + " MB read between blocks of 30" + ((sink == 42) ? " " : "")
							: "",
					lookupCpu / 1e3 / entries.size() / LOOKUPS, lookupBytes / 1e3 / entries.size() / LOOKUPS, LOOKUPS,
					fastestRound / 1e3 / entries.size(), (double) found / entries.size() / LOOKUPS);
		}
		stepCollections = collections() - collections;
		stepCollectionMillis = collectionMillis() - collectionMillis;
		// What the service keeps of these items in its heap: the window, and the matcher's headlines.
		long all = usedAfterGc();
		Map<String, long[]> histogramAll = histogram();
		assigner = null;
		long withoutMatcher = usedAfterGc();
		Map<String, long[]> histogramWithoutMatcher = histogram();
		Reference.reachabilityFence(window);
		window = null;
		long withoutWindow = usedAfterGc();
		if (HISTOGRAM) {
			printDifference("the matcher's headline cache", histogramAll, histogramWithoutMatcher);
			printDifference("the window", histogramWithoutMatcher, histogram());
		}
		System.out.printf(Locale.ROOT, "held after the last item%s: the window %.1f MB, the matcher's headline cache %.1f MB%n",
				OWN ? " (titles and keys of their own)" : "", (withoutMatcher - withoutWindow) / 1e6,
				(all - withoutMatcher) / 1e6);
		return cpu;
	}

	/**
	 * Gives each feed's items their stories as the service's store step does on a cold pass, a poll per feed, in
	 * the farm's order: each item identified afresh (its title key and bands worked out in the step, as a poll's are),
	 * the poll's stories drafted ({@link StoryAssigner#draft}), then assigned with that draft and added to the window.
	 * Between two polls, {@code bench.evict} MB of other memory are read, as the rest of a poll's work (fetching,
	 * parsing, writing rows) reads its own: the window's postings are then no longer all in the processor's caches,
	 * as in the service. Prints the CPU and the allocation of the draft, and of the rest of the step, per item;
	 * returns the CPU of the whole step, in nanoseconds.
	 */
	private static long placeInPolls(List<Entry> entries, Instant seenAt) {
		Instant earliest = entries.stream().map(Entry::sortAt).min(Comparator.naturalOrder()).orElse(seenAt);
		StoryWindow window = new StoryWindow(WINDOW,
				Clock.fixed(earliest.plus(WINDOW.multipliedBy(2)), ZoneOffset.UTC));
		window.load(List.of(), 0, 0);
		StoryAssigner assigner = new StoryAssigner(new StoryMatcher(WINDOW), window);
		Map<String, String> byLink = new HashMap<>();
		long[] evicted = new long[EVICT_MB * 1024 * 1024 / Long.BYTES];
		long sink = 0;
		long id = 0;
		long draftCpu = 0;
		long draftBytes = 0;
		long cpu = 0;
		long bytes = 0;
		long collections = collections();
		long collectionMillis = collectionMillis();
		for (int first = 0; first < entries.size();) {
			String source = entries.get(first).source;
			int end = first;
			while (end < entries.size() && entries.get(end).source.equals(source)) {
				end++;
			}
			List<Entry> poll = entries.subList(first, end);
			first = end;
			List<IdentifiedItem> fresh = new ArrayList<>(poll.size());
			Map<String, String> links = new HashMap<>();
			for (Entry entry : poll) {
				// As a poll hands it over: a title of its own, its key not worked out yet.
				fresh.add(IdentifiedItem.of(withOwnTitle(entry.identified.item())));
				String linkKey = entry.identified.fingerprint().linkKey();
				if (linkKey != null && byLink.containsKey(linkKey)) {
					links.put(linkKey, byLink.get(linkKey));
				}
			}
			for (int i = 0; i < evicted.length; i += 8) {
				sink += evicted[i]++;
			}
			long start = THREADS.getCurrentThreadCpuTime();
			long allocated = THREADS.getCurrentThreadAllocatedBytes();
			StoryAssigner.Draft draft = assigner.draft(source, fresh, seenAt, NO_CHECK);
			draftCpu += THREADS.getCurrentThreadCpuTime() - start;
			draftBytes += THREADS.getCurrentThreadAllocatedBytes() - allocated;
			List<AssignedItem> assigned = assigner.assign(source, fresh, seenAt, links, draft, NO_CHECK);
			List<WindowHeadline> headlines = new ArrayList<>(assigned.size());
			for (AssignedItem item : assigned) {
				headlines.add(new WindowHeadline(++id, source, item.storyKey(), item.identified().item().title(),
						item.sortAt(), item.identified().bands()));
			}
			window.add(headlines);
			cpu += THREADS.getCurrentThreadCpuTime() - start;
			bytes += THREADS.getCurrentThreadAllocatedBytes() - allocated;
			for (int i = 0; i < poll.size(); i++) {
				Entry entry = poll.get(i);
				entry.story = assigned.get(i).storyKey();
				String linkKey = entry.identified.fingerprint().linkKey();
				if (linkKey != null) {
					byLink.putIfAbsent(linkKey, entry.story);
				}
			}
		}
		stepCollections = collections() - collections;
		stepCollectionMillis = collectionMillis() - collectionMillis;
		stepBytes = bytes;
		System.out.printf(Locale.ROOT,
				"the draft alone (title keys and bands, lookups, matching; %d MB read between polls%s): %.1f µs of "
						+ "CPU and %.1f kB allocated per item%n",
				EVICT_MB, (sink == 42) ? "" : "", draftCpu / 1e3 / entries.size(), draftBytes / 1e3 / entries.size());
		return cpu;
	}

	/** Bytes the last {@link #placeInPolls} allocated in its steps. */
	private static long stepBytes;

	/** {@code -Dbench.polls=true}: {@link #placeInPolls} instead of {@link #placeInWindow}. */
	private static final boolean POLLS = Boolean.getBoolean("bench.polls");

	/**
	 * {@code -Dbench.evict=MB}: memory read between two polls (see {@link #placeInPolls}; 16 MB unless told), or
	 * between two blocks of thirty lookups of {@code bench.lookups} (none unless told).
	 */
	private static final int EVICT_MB = Integer.getInteger("bench.evict", POLLS ? 16 : 0);

	/**
	 * {@code -Dbench.own=true}: the story step is given each item with a title and a title key of its own, as a poll
	 * gives it, so that the heap it prints counts what the service holds (the entries here keep theirs for scoring).
	 */
	private static final boolean OWN = Boolean.getBoolean("bench.own");

	/**
	 * {@code -Dbench.lookups=N}: after the step, every item looked up again N times in the window as it ends, and the
	 * CPU of the lookup alone printed, to compare two builds of it: on average, and in the fastest round (the one
	 * that other work on a shared machine slowed least).
	 */
	private static final int LOOKUPS = Integer.getInteger("bench.lookups", 0);

	/** Bytes the lookups alone allocated: not the step's. */
	private static long lookupBytes;

	/** {@code -Dbench.histogram=true}: prints what the window and the matcher's cache hold, class by class. */
	private static final boolean HISTOGRAM = Boolean.getBoolean("bench.histogram");

	/** Instances and bytes by class of what is reachable (the JVM's class histogram, after a full collection). */
	private static Map<String, long[]> histogram() {
		Map<String, long[]> classes = new HashMap<>();
		if (!HISTOGRAM) {
			return classes;
		}
		try {
			String text = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer()
				.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
						"gcClassHistogram", new Object[] { new String[0] }, new String[] { String[].class.getName() });
			for (String line : text.split("\n")) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length >= 4 && fields[0].endsWith(":")) {
					classes.put(fields[3], new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[2]) });
				}
			}
		}
		catch (javax.management.JMException ex) {
			throw new IllegalStateException(ex);
		}
		return classes;
	}

	/** The classes of which {@code with} holds more bytes than {@code without}, the most first. */
	private static void printDifference(String what, Map<String, long[]> with, Map<String, long[]> without) {
		System.out.println("held by " + what + ", by class:");
		with.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), new long[] {
					entry.getValue()[0] - without.getOrDefault(entry.getKey(), new long[2])[0],
					entry.getValue()[1] - without.getOrDefault(entry.getKey(), new long[2])[1] }))
			.filter((entry) -> entry.getValue()[1] > 100_000)
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> -entry.getValue()[1]))
			.forEach((entry) -> System.out.printf(Locale.ROOT, "  %8.1f MB %9d  %s%n", entry.getValue()[1] / 1e6,
					entry.getValue()[0], entry.getKey()));
	}

	private static Item withOwnTitle(Item item) {
		return new Item(item.guid(), String.valueOf(item.title().toCharArray()), item.link(), item.summaryHtml(), item.summaryText(),
				item.published(), item.publishedKnown(), item.categories(), item.author(), item.language());
	}

	/** Collections, and the time they took, during the last story step placed (the heap measured after it aside). */
	private static long stepCollections;

	private static long stepCollectionMillis;

	private static long collections() {
		return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	private static long collectionMillis() {
		return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	/** The heap in use once what is unreachable is collected (System.gc, a few times to let it settle). */
	private static long usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static List<Entry> read(Path farm, Instant seenAt) throws IOException {
		Deduplicator deduplicator = new Deduplicator();
		List<Entry> entries = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> listed = Files.list(farm.resolve("feeds"))) {
			files = listed.filter((file) -> file.toString().endsWith(".xml")).sorted().toList();
		}
		for (Path file : files) {
			String source = file.getFileName().toString().replace(".xml", "");
			URI base = URI.create("http://127.0.0.1/feeds/" + file.getFileName());
			List<Item> items;
			try {
				items = new ParseThenNormalize(base, seenAt, ZoneId.of("Europe/Paris"))
					.keptItems(Files.readAllBytes(file), "application/xml");
			}
			catch (FeedParseException ex) {
				System.out.println("  unreadable feed " + file + ": " + ex.getMessage());
				continue;
			}
			for (IdentifiedItem identified : deduplicator.identify(items)) {
				long start = THREADS.getCurrentThreadCpuTime();
				long allocated = THREADS.getCurrentThreadAllocatedBytes();
				identified.titleKey();
				identified.bands();
				identifyNanos += THREADS.getCurrentThreadCpuTime() - start;
				identifyBytes += THREADS.getCurrentThreadAllocatedBytes() - allocated;
				Instant published = identified.item().published();
				Instant sortAt = published.isBefore(seenAt) ? published : seenAt;
				entries.add(new Entry(entries.size(), source, identified, sortAt));
			}
		}
		return entries;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> readTruth(Path farm) throws IOException {
		return new ObjectMapper().readValue(Files.readString(farm.resolve("truth.json"), StandardCharsets.UTF_8),
				Map.class);
	}

	/** Pairwise precision and recall, as score_dedup.py counts them, and the pairs that went wrong. */
	private static void score(List<Entry> entries, Map<String, String> truth, int show) {
		Map<String, List<Entry>> byStory = new HashMap<>();
		Map<String, List<Entry>> byTruth = new HashMap<>();
		for (Entry entry : entries) {
			byStory.computeIfAbsent(entry.story, (key) -> new ArrayList<>()).add(entry);
			byTruth.computeIfAbsent(truth.getOrDefault(entry.guid(), "?" + entry.guid()), (key) -> new ArrayList<>())
				.add(entry);
		}
		long predicted = 0;
		long right = 0;
		List<String> wrong = new ArrayList<>();
		for (List<Entry> story : byStory.values()) {
			for (int i = 0; i < story.size(); i++) {
				for (int j = i + 1; j < story.size(); j++) {
					predicted++;
					Entry a = story.get(i);
					Entry b = story.get(j);
					if (truth.get(a.guid()) != null && truth.get(a.guid()).equals(truth.get(b.guid()))) {
						right++;
					}
					else if (wrong.size() < show) {
						wrong.add("  " + a.title() + "\n    " + b.title() + "   ("
								+ ((i == 0) ? "with the lead" : "lead: " + story.get(0).title()) + ")");
					}
				}
			}
		}
		long same = 0;
		List<String> missed = new ArrayList<>();
		for (List<Entry> story : byTruth.values()) {
			for (int i = 0; i < story.size(); i++) {
				for (int j = i + 1; j < story.size(); j++) {
					same++;
					Entry a = story.get(i);
					Entry b = story.get(j);
					if (!a.story.equals(b.story) && missed.size() < show) {
						missed.add("  " + a.title() + "\n    " + b.title() + "\n      " + why(a, b));
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "pairs: precision %.4f, recall %.4f (%d merged, %d right; %d true)%n",
				(predicted == 0) ? 1.0 : (double) right / predicted, (same == 0) ? 1.0 : (double) right / same,
				predicted, right, same);
		System.out.println("wrong merges (first " + show + "):");
		wrong.forEach(System.out::println);
		System.out.println("missed (first " + show + "):");
		missed.forEach(System.out::println);
	}

	/** What the matcher says of two items, and whether they share a band. */
	private static String why(Entry a, Entry b) {
		StoryMatcher.Comparison comparison = new StoryMatcher(WINDOW).compare(a.identified.titleKey(),
				b.identified.titleKey());
		boolean band = Arrays.stream(a.identified.bands())
			.anyMatch((hash) -> Arrays.stream(b.identified.bands()).anyMatch((other) -> other == hash));
		return String.format(Locale.ROOT, "similarity %.2f, %s, %s, %s apart, sources %s %s",
				comparison.similarity(), comparison.contradiction(), band ? "a band shared" : "no band shared",
				Duration.between(a.sortAt, b.sortAt).abs(), a.source, b.source);
	}

	/** One item of the farm, and the story it was given. */
	private static final class Entry {

		private final int order;

		private final String source;

		private final IdentifiedItem identified;

		private final Instant sortAt;

		private String story = "";

		Entry(int order, String source, IdentifiedItem identified, Instant sortAt) {
			this.order = order;
			this.source = source;
			this.identified = identified;
			this.sortAt = sortAt;
		}

		int order() {
			return this.order;
		}

		Instant sortAt() {
			return this.sortAt;
		}

		String guid() {
			return String.valueOf(this.identified.item().guid());
		}

		String title() {
			return this.identified.item().title();
		}

		StoryCandidate candidate() {
			return new StoryCandidate(this.order, this.source, this.story, title(), this.sortAt,
					this.identified.titleKey());
		}

	}

	/** The stories given so far, and the in-memory indexes that find them: by link, by band, by story. */
	private static final class Stories {

		private final StoryMatcher matcher;

		private final Map<String, String> byLink = new HashMap<>();

		private final Map<Long, List<Entry>> byBand = new HashMap<>();

		private final Map<String, List<Entry>> members = new HashMap<>();

		long matchingNanos;

		long matchingBytes;

		long asked;

		long storiesGiven;

		long membersGiven;

		int maxMembersGiven;

		Stories(StoryMatcher matcher) {
			this.matcher = matcher;
		}

		int count() {
			return this.members.size();
		}

		void place(Entry entry) {
			IdentifiedItem identified = entry.identified;
			String linkKey = identified.fingerprint().linkKey();
			String story = (linkKey != null) ? this.byLink.get(linkKey) : null;
			if (story == null) {
				story = matched(entry).orElse(identified.fingerprint().storyKey());
			}
			entry.story = story;
			if (linkKey != null) {
				this.byLink.putIfAbsent(linkKey, story);
			}
			List<Entry> storyMembers = this.members.computeIfAbsent(story, (key) -> new ArrayList<>());
			storyMembers.add(entry);
			// The lead is the earliest: an item stored later with an earlier date takes its place.
			storyMembers.sort(Comparator.comparing(Entry::sortAt).thenComparing(Entry::order));
			for (long band : identified.bands()) {
				// Kept in time order, as an index on (band, sort_at) reads them.
				List<Entry> rows = this.byBand.computeIfAbsent(band, (key) -> new ArrayList<>());
				int at = rows.size();
				while (at > 0 && rows.get(at - 1).sortAt.isAfter(entry.sortAt)) {
					at--;
				}
				rows.add(at, entry);
			}
		}

		private Optional<String> matched(Entry entry) {
			Instant from = entry.sortAt.minus(WINDOW);
			Instant until = entry.sortAt.plus(WINDOW);
			Map<Entry, Integer> hits = new HashMap<>();
			for (long band : entry.identified.bands()) {
				// The rows nearest in time to the item, on both sides, at most PER_BAND, within the window.
				List<Entry> rows = this.byBand.getOrDefault(band, List.of());
				int after = rows.size();
				while (after > 0 && rows.get(after - 1).sortAt.isAfter(entry.sortAt)) {
					after--;
				}
				int before = after - 1;
				for (int read = 0; read < PER_BAND && (before >= 0 || after < rows.size()); read++) {
					boolean takeBefore = after >= rows.size() || (before >= 0 && Duration
						.between(rows.get(before).sortAt, entry.sortAt)
						.compareTo(Duration.between(entry.sortAt, rows.get(after).sortAt)) <= 0);
					Entry row = takeBefore ? rows.get(before--) : rows.get(after++);
					if (row.sortAt.isBefore(from) || row.sortAt.isAfter(until)) {
						break;
					}
					hits.merge(row, 1, Integer::sum);
				}
			}
			List<Entry> found = hits.entrySet()
				.stream()
				.sorted(Map.Entry.<Entry, Integer>comparingByValue().reversed()
					.thenComparing((e) -> -e.getKey().order))
				.limit(MAX_CANDIDATES)
				.map(Map.Entry::getKey)
				.filter((row) -> !row.source.equals(entry.source))
				.toList();
			if (found.isEmpty()) {
				return Optional.empty();
			}
			Map<String, CandidateStory> candidates = new LinkedHashMap<>();
			for (Entry row : found) {
				candidates.computeIfAbsent(row.story, (key) -> candidateStory(key, from, until));
			}
			long start = THREADS.getCurrentThreadCpuTime();
			long allocated = THREADS.getCurrentThreadAllocatedBytes();
			Optional<String> story = this.matcher.storyOf(entry.title(), entry.identified.titleKey(), entry.source,
					entry.sortAt, List.copyOf(candidates.values()));
			this.matchingNanos += THREADS.getCurrentThreadCpuTime() - start;
			this.matchingBytes += THREADS.getCurrentThreadAllocatedBytes() - allocated;
			if (TRACE != null && entry.title().contains(TRACE)) {
				System.out.println("TRACE " + entry.title() + " @" + entry.sortAt + " -> " + story.orElse("(new)"));
				candidates.values().forEach((candidate) -> System.out.println("   story " + candidate.storyKey() + ": "
						+ candidate.members().stream().map((m) -> m.title() + " @" + m.sortAt()).toList()));
			}
			this.asked++;
			this.storiesGiven += candidates.size();
			int given = candidates.values().stream().mapToInt((candidate) -> candidate.members().size()).sum();
			this.membersGiven += given;
			this.maxMembersGiven = Math.max(this.maxMembersGiven, given);
			return story;
		}

		/** A story as the matcher is given it: its lead, then its latest other members within the window. */
		private CandidateStory candidateStory(String story, Instant from, Instant until) {
			List<Entry> all = this.members.get(story);
			List<StoryCandidate> given = new ArrayList<>();
			given.add(all.get(0).candidate());
			for (int i = all.size() - 1; i >= 1 && given.size() <= LATEST_MEMBERS; i--) {
				Entry member = all.get(i);
				if (!member.sortAt.isBefore(from) && !member.sortAt.isAfter(until)) {
					given.add(member.candidate());
				}
			}
			return new CandidateStory(story, given);
		}

	}

}

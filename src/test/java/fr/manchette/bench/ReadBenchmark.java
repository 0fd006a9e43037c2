package fr.manchette.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.sun.management.ThreadMXBean;
import fr.manchette.dedup.Fingerprint;
import fr.manchette.normalize.Item;
import fr.manchette.normalize.ItemNormalizer;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.ParsedFeed;
import fr.manchette.parse.RawItem;

/**
 * The CPU that reading a feed costs per item: every file of one or more directories (a farm's {@code feeds}, the
 * corpus), held in memory, goes through {@link FeedParser} and {@link ItemNormalizer} {@code bench.passes} times;
 * each pass prints the CPU time of this thread per normalized item, and the bytes it allocated per item (the garbage
 * that the service's small heap pays for in collections). With {@code bench.dump=FILE}, the first pass
 * also writes every parsed and normalized item, field by field, to compare two builds for identical output.
 * <p>
 * Run under the service's flags, from the test classpath:
 * {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt)
 * -Dbench.dirs=/tmp/s1/feeds -Dbench.passes=5 fr.manchette.bench.ReadBenchmark} (cp.txt written by
 * {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}), or
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench.main=fr.manchette.bench.ReadBenchmark -Dbench.dirs=/tmp/s1/feeds}
 * (Maven's own JVM flags then).
 */
public final class ReadBenchmark {

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	/** Fixed so that two runs, days apart, cap and stand in for dates alike. */
	private static final Instant FETCHED_AT = Instant.parse("2026-12-04T12:00:00Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private ReadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Path> files = new ArrayList<>();
		for (String dir : System.getProperty("bench.dirs", "/tmp/s1/feeds").split(",")) {
			try (Stream<Path> listed = Files.walk(Path.of(dir))) {
				listed.filter(Files::isRegularFile)
					.filter((file) -> file.toString().matches(".*\\.(xml|rss|atom|json|html)"))
					.sorted()
					.forEach(files::add);
			}
		}
		List<byte[]> bodies = new ArrayList<>();
		for (Path file : files) {
			bodies.add(Files.readAllBytes(file));
		}
		int passes = Integer.getInteger("bench.passes", 5);
		String dump = System.getProperty("bench.dump");
		FeedParser parser = new FeedParser();
		ItemNormalizer normalizer = new ItemNormalizer();
		for (int pass = 1; pass <= passes; pass++) {
			PrintWriter out = (pass == 1 && dump != null)
					? new PrintWriter(Files.newBufferedWriter(Path.of(dump), StandardCharsets.UTF_8)) : null;
			long items = 0;
			long cpu = THREADS.getCurrentThreadCpuTime();
			long allocated = THREADS.getCurrentThreadAllocatedBytes();
			long parseCpu = 0;
			for (int i = 0; i < bodies.size(); i++) {
				Path file = files.get(i);
				URI base = URI.create("http://127.0.0.1/feeds/" + file.getFileName());
				String type = file.toString().endsWith(".json") ? "application/json" : null;
				long before = THREADS.getCurrentThreadCpuTime();
				ParsedFeed feed;
				try {
					feed = parser.parse(bodies.get(i), type);
				}
				catch (FeedParseException ex) {
					if (out != null) {
						out.println("FILE " + file + " FAILED " + ex.kind() + " " + ex.getMessage());
					}
					continue;
				}
				finally {
					parseCpu += THREADS.getCurrentThreadCpuTime() - before;
				}
				if (out != null) {
					out.println("FILE " + file + " " + feed.format() + " title=" + feed.title() + " link="
							+ feed.link() + " period=" + feed.updatePeriod() + " hubs=" + feed.hubs() + " self="
							+ feed.self());
				}
				for (RawItem raw : feed.items()) {
					Optional<Item> item = normalizer.normalize(raw, base, FETCHED_AT, PARIS);
					if (item.isPresent()) {
						items++;
					}
					if (out != null) {
						out.println("  RAW " + raw);
						out.println("  ITEM " + item.map((it) -> it + " " + Fingerprint.of(it)).orElse("none"));
					}
				}
			}
			cpu = THREADS.getCurrentThreadCpuTime() - cpu;
			allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
			if (out != null) {
				out.close();
			}
			System.out.printf(Locale.ROOT,
					"pass %d: %d files, %d items, %.1f µs of CPU per item (parse %.1f, normalize %.1f), %.1f KB allocated"
							+ " per item%n",
					pass, bodies.size(), items, cpu / 1e3 / items, parseCpu / 1e3 / items,
					(cpu - parseCpu) / 1e3 / items, allocated / 1024.0 / items);
		}
	}

}

package fr.manchette.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.manchette.config.EditorialRules;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileLoader;
import fr.manchette.editorial.HeadlineSamples;
import fr.manchette.editorial.ItemLanguage;
import fr.manchette.editorial.LanguageDetector;
import fr.manchette.editorial.RulesOnly;
import fr.manchette.normalize.Item;

/**
 * What the editorial stage costs and how right it is: the heap of the language detector's models, its accuracy on
 * the real French corpus titles ({@code shared/corpus/real-fr} next to the project, left out when absent) and on the
 * Arabic and English headlines of the tests, with and without a declared language, and the time per item of the
 * detector and of the shipped feeds.yml's drop rules. Lingua's low-accuracy mode (the service's) unless the first
 * argument is {@code high}.
 * <p>
 * {@code ./mvnw -q -Pbench -DskipTests package exec:java -Dbench.main=fr.manchette.bench.EditorialBenchmark
 * [-Dexec.args=high]}. The heap figure is steadier in a JVM of its own with the serial collector, as the service runs:
 * {@code java -XX:+UseSerialGC -Xmx256m -cp target/test-classes:target/classes:$(cat cp.txt) ...}.
 */
public final class EditorialBenchmark {

	private static final int ROUNDS = 20;

	private EditorialBenchmark() {
	}

	public static void main(String[] args) {
		boolean high = args.length > 0 && args[0].equals("high");
		List<String> french = HeadlineSamples.corpusFrenchTitles();
		List<String> arabic = HeadlineSamples.written("headlines-ar.txt");
		List<String> english = HeadlineSamples.written("headlines-en.txt");
		long before = usedHeap();
		LanguageDetector detector = new LanguageDetector(!high);
		long loadStart = System.nanoTime();
		detector.detect("Le Maroc et l'Espagne signent un accord");
		detector.detect("المغرب وإسبانيا يوقعان اتفاقا");
		long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
		long after = usedHeap();
		System.out.printf("Lingua %s accuracy mode, French Arabic English Spanish: models read in %d ms, %.1f MB of heap%n",
				high ? "high" : "low", loadMillis, (after - before) / 1048576.0);
		ItemLanguage language = new ItemLanguage(detector);
		if (french.isEmpty()) {
			System.out.println("no French corpus at " + HeadlineSamples.CORPUS.toAbsolutePath().normalize());
		}
		else {
			accuracy(language, "French corpus titles, undeclared", french, null, "fr");
			accuracy(language, "French corpus titles, declared fr", french, "fr", "fr");
		}
		accuracy(language, "Arabic headlines, undeclared", arabic, null, "ar");
		accuracy(language, "Arabic headlines, declared fr", arabic, "fr", "ar");
		accuracy(language, "English headlines, undeclared", english, null, "en");
		accuracy(language, "English headlines, declared fr", english, "fr", "en");

		List<String> all = new ArrayList<>(french);
		all.addAll(arabic);
		all.addAll(english);
		List<Item> items = all.stream().map(EditorialBenchmark::item).toList();
		items.forEach(language::decide);
		long[] detection = time(() -> items.forEach(language::decide), items.size());
		System.out.printf("language per item: %.0f µs elapsed, %.0f µs of CPU (%d items x %d rounds)%n",
				detection[0] / 1000.0, detection[1] / 1000.0, items.size(), ROUNDS);

		FeedsFile shipped = new FeedsFileLoader().load(Path.of("feeds.yml"));
		EditorialRules rules = shipped.rules();
		int dropped = RulesOnly.dropped(rules, items);
		long[] judging = time(() -> RulesOnly.dropped(rules, items), items.size());
		System.out.printf("shipped drop rules (%d) per item: %.1f µs elapsed, %.1f µs of CPU; they drop %d of %d%n",
				rules.drop().size(), judging[0] / 1000.0, judging[1] / 1000.0, dropped, items.size());
		System.exit(0);
	}

	private static void accuracy(ItemLanguage language, String what, List<String> titles, String declared,
			String expected) {
		int right = 0;
		List<String> wrong = new ArrayList<>();
		for (String title : titles) {
			Item decided = language.decide(item(title).withLanguage(declared));
			if (expected.equals(decided.language())) {
				right++;
			}
			else if (wrong.size() < 3) {
				wrong.add(decided.language() + ": " + title);
			}
		}
		System.out.printf("%-36s %4d/%4d = %5.1f %%  e.g. %s%n", what, right, titles.size(), 100.0 * right / titles.size(),
				wrong);
	}

	/** Nanoseconds per item, elapsed and of the process's CPU, over {@link #ROUNDS} rounds. */
	private static long[] time(Runnable round, int items) {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long cpu = os.getProcessCpuTime();
		long start = System.nanoTime();
		for (int i = 0; i < ROUNDS; i++) {
			round.run();
		}
		long per = (long) ROUNDS * items;
		return new long[] { (System.nanoTime() - start) / per, (os.getProcessCpuTime() - cpu) / per };
	}

	private static Item item(String title) {
		return new Item(null, title, URI.create("https://example.ma/" + Math.abs(title.hashCode())), "", "",
				Instant.parse("2025-05-16T19:00:00Z"), true, List.of(), null, null);
	}

	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}

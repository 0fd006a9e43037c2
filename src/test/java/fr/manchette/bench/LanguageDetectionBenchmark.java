package fr.manchette.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.manchette.editorial.HeadlineSamples;
import fr.manchette.editorial.LanguageDetector;

/**
 * The language detector: heap taken by its models, accuracy on the real French corpus titles and on the Arabic and
 * English headlines of the tests, and cost per item. Lingua's low-accuracy mode by default; {@code high} as the first
 * argument for its high one.
 * <p>
 * {@code ./mvnw -q -Pbench -Dbench.main=fr.manchette.bench.LanguageDetectionBenchmark [-Dexec.args=high]}; the heap
 * figure is steadier with the serial collector ({@code MAVEN_OPTS=-XX:+UseSerialGC}).
 */
public final class LanguageDetectionBenchmark {

	private static final int ROUNDS = 20;

	private LanguageDetectionBenchmark() {
	}

	public static void main(String[] args) {
		boolean high = args.length > 0 && args[0].equals("high");
		List<String> french = HeadlineSamples.corpusFrenchTitles();
		List<String> arabic = HeadlineSamples.written("headlines-ar.txt");
		List<String> english = HeadlineSamples.written("headlines-en.txt");
		long before = usedHeap();
		LanguageDetector detector = new LanguageDetector(!high);
		long buildStart = System.nanoTime();
		detector.detect("Le Maroc et l'Espagne signent un accord");
		detector.detect("المغرب وإسبانيا يوقعان اتفاقا");
		long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
		long after = usedHeap();
		System.out.printf("mode=%s models loaded in %d ms, heap taken %.1f MB%n", high ? "high" : "low", buildMillis,
				(after - before) / 1048576.0);
		Objects.requireNonNull(detector);
		for (Map.Entry<String, List<String>> sample : Map.of("fr (corpus)", french, "ar", arabic, "en", english)
			.entrySet()) {
			String expected = sample.getKey().substring(0, 2);
			int right = 0;
			List<String> wrong = new ArrayList<>();
			for (String title : sample.getValue()) {
				LanguageDetector.Detected detected = detector.detect(title);
				if (detected != null && detected.language().equals(expected)) {
					right++;
				}
				else if (wrong.size() < 5) {
					wrong.add(((detected != null) ? detected.language() : "?") + ": " + title);
				}
			}
			System.out.printf("%-12s %4d/%4d right (%.1f %%) %s%n", sample.getKey(), right, sample.getValue().size(),
					(sample.getValue().isEmpty() ? 0 : 100.0 * right / sample.getValue().size()), wrong);
		}
		List<String> all = new ArrayList<>(french);
		all.addAll(arabic);
		all.addAll(english);
		for (String title : all) {
			detector.detect(title);
		}
		long cpuStart = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
		long start = System.nanoTime();
		for (int round = 0; round < ROUNDS; round++) {
			for (String title : all) {
				detector.detect(title);
			}
		}
		double micros = (System.nanoTime() - start) / 1000.0 / (ROUNDS * all.size());
		long cpuEnd = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
		double cpuMicros = (cpuEnd - cpuStart) / 1000.0 / (ROUNDS * all.size());
		System.out.printf("cost: %.0f µs per headline elapsed, %.0f µs of CPU (%d headlines x %d rounds)%n", micros,
				cpuMicros, all.size(), ROUNDS);
		System.exit(0);
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

package fr.manchette.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import fr.manchette.ManchetteApplication;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.normalize.Item;
import fr.manchette.dedup.StoryWindow;
import fr.manchette.pipeline.StoreStep;
import fr.manchette.store.SourceStatus;
import fr.manchette.support.H2Files;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Ingests {@code bench.items} (default 100 000) new items from {@code bench.sources} (default 500) sources into the
 * real store (an H2 file, the service's own beans and transactions), in polls as the service makes them: each poll
 * gives a source's feed of its last 30 items, 10 of them new. The items span ten days (10 000 a day, so the 48-hour
 * window holds about 20 000 of them while the store grows to 100 000), and the story index is pruned every simulated
 * hour as the service prunes it; about a quarter of the items retell, in other words, a story another source told
 * in the hours before. It prints, for every slice of 10 000 new items, the new items stored per second and the size
 * of the store and of the index, to show that the cost of an item stays flat as the store grows; then how many retellings joined the story they retell (the generator knows which are which): a check that
 * the bounded index still finds them at scale. Precision is measured on the labelled pairs, not here: the
 * generator's few hundred words make unrelated headlines alike far more often than the news does.
 * {@code ./mvnw -q -Pbench -DskipTests package exec:java -Dbench.main=fr.manchette.bench.StoryIndexBenchmark}
 * ({@code -Dbench.window=0} for the same run without near-duplicate matching).
 */
public final class StoryIndexBenchmark {

	private static final int FEED_SIZE = 30;

	private static final int NEW_PER_POLL = 10;

	private static final int SLICE = 10_000;

	private static final Duration SPAN = Duration.ofDays(10);


	private static final double RETELLING = 0.25;

	private StoryIndexBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int total = Integer.getInteger("bench.items", 100_000);
		int sources = Integer.getInteger("bench.sources", 500);
		String window = System.getProperty("bench.window", "48h");
		Path dir = Path.of("target", "bench-stories");
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		Path feeds = FirstPollBenchmark.writeFeedsFile(dir, 9, sources);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ManchetteApplication.class)
			.web(WebApplicationType.NONE)
			.run("--manchette.feeds=" + feeds, "--manchette.polling.enabled=false", "--manchette.stories.window=" + window,
					"--logging.level.root=WARN", "--spring.datasource.url=" + H2Files.url(dir))) {
			run(context, total, sources, window);
		}
	}

	private static void run(ConfigurableApplicationContext context, int total, int sources, String window) {
		Deduplicator deduplicator = context.getBean(Deduplicator.class);
		StoreStep store = context.getBean(StoreStep.class);
		StoryWindow storyWindow = context.getBean(StoryWindow.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Headlines headlines = new Headlines(new Random(42));
		// From three days ago into the future: the service's own hourly pruner, on the wall clock, finds nothing to
		// drop; the run prunes the index itself, on its simulated clock.
		Instant start = Instant.now().minus(Duration.ofDays(3));
		Duration windowLength = DurationStyle.detectAndParse(window);
		Instant prunedAt = start;
		long step = SPAN.toMillis() / total;
		Map<Integer, Deque<Item>> feedsBySource = new HashMap<>();
		Deque<Published> recent = new ArrayDeque<>();
		Map<String, String> originalOf = new HashMap<>();
		System.out.printf("%d new items from %d sources over %d days, window %s, %d items per feed (%d new per poll)%n",
				total, sources, SPAN.toDays(), window, FEED_SIZE, NEW_PER_POLL);
		System.out.println("(in the window: items of the last 48 hours; story window: the headlines it keeps, twice as far back)");
		System.out.println("  slice   new items stored   items/s   ms/item   items in store   in the window   story window");
		int made = 0;
		int poll = 0;
		long sliceStarted = System.nanoTime();
		long runStarted = sliceStarted;
		while (made < total) {
			int source = poll++ % sources;
			Deque<Item> feed = feedsBySource.computeIfAbsent(source, (s) -> new ArrayDeque<>());
			Instant seenAt = null;
			for (int n = 0; n < NEW_PER_POLL && made < total; n++, made++) {
				Instant at = start.plusMillis(step * made);
				while (!recent.isEmpty() && recent.peekFirst().at().isBefore(at.minus(Duration.ofHours(3)))) {
					recent.removeFirst();
				}
				String guid = "s" + source + "-" + made;
				String title;
				Published told = headlines.random().nextDouble() < RETELLING ? pickOther(recent, source, headlines.random())
						: null;
				if (told != null) {
					title = headlines.retell(told.title(), source);
					originalOf.put(guid, told.guid());
				}
				else {
					title = headlines.fresh();
				}
				recent.addLast(new Published(guid, source, title, at));
				feed.addFirst(new Item(guid, title, URI.create("https://source" + source + ".example/a/" + made), "<p>" + title
						+ "</p>", title, at, true, List.of()));
				while (feed.size() > FEED_SIZE) {
					feed.removeLast();
				}
				seenAt = at.plusSeconds(60);
			}
			List<Item> snapshot = new ArrayList<>(feed);
			Instant pollAt = seenAt;
			store.store("source-" + source, deduplicator.identify(snapshot), pollAt,
					SourceStatus.unknown("source-" + source, "https://source" + source + ".example/feed"));
			if (!windowLength.isZero() && pollAt.isAfter(prunedAt.plus(Duration.ofHours(1)))) {
				// What RetentionPruner does every hour, on the simulated clock.
				storyWindow.forgetBefore(pollAt.minus(windowLength.multipliedBy(2)));
				prunedAt = pollAt;
			}
			if (made % SLICE == 0 || made == total) {
				long now = System.nanoTime();
				double seconds = (now - sliceStarted) / 1e9;
				int inSlice = (made % SLICE == 0) ? SLICE : made % SLICE;
				long stored = jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
				long bands = storyWindow.size();
				long inWindow = jdbc.sql("SELECT COUNT(*) FROM item WHERE sort_at >= :from")
					.param("from", pollAt.minus(Duration.ofHours(48)).atOffset(java.time.ZoneOffset.UTC))
					.query(Long.class)
					.single();
				System.out.printf(Locale.ROOT, "  %5d   %16d   %7.0f   %7.3f   %14d   %13d   %15d%n", (made - 1) / SLICE + 1,
						made, inSlice / seconds, seconds * 1000 / inSlice, stored, inWindow, bands);
				sliceStarted = System.nanoTime();
			}
		}
		double seconds = (System.nanoTime() - runStarted) / 1e9;
		System.out.printf(Locale.ROOT, "%d new items in %.1f s: %.0f items/s (each poll also re-reads %d known items)%n",
				total, seconds, total / seconds, FEED_SIZE - NEW_PER_POLL);
		report(jdbc, originalOf);
	}

	/** How the stories came out, against what the generator meant. */
	private static void report(JdbcClient jdbc, Map<String, String> originalOf) {
		Map<String, String> storyOf = new HashMap<>();
		Map<String, Integer> sizes = new HashMap<>();
		jdbc.sql("SELECT guid, story_key FROM item").query((row) -> {
			storyOf.put(row.getString("guid"), row.getString("story_key"));
			sizes.merge(row.getString("story_key"), 1, Integer::sum);
		});
		int joined = 0;
		for (Map.Entry<String, String> retelling : originalOf.entrySet()) {
			String story = storyOf.get(retelling.getKey());
			joined += (story != null && story.equals(storyOf.get(retelling.getValue()))) ? 1 : 0;
		}
		long shared = sizes.values().stream().filter((size) -> size > 1).count();
		long inShared = sizes.values().stream().filter((size) -> size > 1).mapToLong(Integer::longValue).sum();
		System.out.printf(Locale.ROOT, "stories: %d, of which %d told by several items (%d items)%n", sizes.size(), shared,
				inShared);
		System.out.printf(Locale.ROOT, "retellings that joined the story they retell: %d of %d (%.1f%%)%n", joined,
				originalOf.size(), 100.0 * joined / Math.max(1, originalOf.size()));
	}

	private static Published pickOther(Deque<Published> recent, int source, Random random) {
		List<Published> others = recent.stream().filter((p) -> p.source() != source).toList();
		return others.isEmpty() ? null : others.get(random.nextInt(others.size()));
	}

	private record Published(String guid, int source, String title, Instant at) {
	}

	/** French headlines made of parts, and retellings of them. */
	private static final class Headlines {

		private static final List<String> SUBJECTS = List.of("Aziz Akhannouch", "Nasser Bourita", "Bank Al-Maghrib",
				"le HCP", "le groupe OCP", "Royal Air Maroc", "le Raja", "le Wydad", "l'AS FAR", "Emmanuel Macron",
				"François Bayrou", "le FMI", "la Banque mondiale", "Tanger Med", "l'ONCF", "Maroc Telecom",
				"Attijariwafa bank", "la DGSN", "le gouvernement", "le Parlement", "la CNSS", "Lydec", "Akdital",
				"Marsa Maroc", "la Fédération des boulangers", "l'ONSSA", "le ministère de la Santé",
				"le ministère de l'Éducation", "la Bourse de Casablanca", "Walid Regragui", "Achraf Hakimi",
				"la CGEM", "l'UM6P", "Masen", "l'ONEE", "le Conseil de la concurrence", "la wilaya de Rabat",
				"la commune de Casablanca", "le port de Nador", "Renault Maroc");

		private static final List<String> VERBS = List.of("annonce", "lance", "présente", "dévoile", "signe",
				"inaugure", "prépare", "finance", "réforme", "accélère", "prolonge", "étend", "renforce", "examine",
				"valide", "modernise", "relance", "programme", "étudie", "négocie");

		private static final List<String> OBJECTS = List.of("un plan de relance", "une réforme des retraites",
				"un programme d'aide au logement", "un accord de coopération", "une ligne directe",
				"un nouveau terminal", "un projet de dessalement", "une usine de batteries", "un fonds d'investissement",
				"une campagne de vaccination", "un appel d'offres", "un partenariat industriel",
				"une stratégie numérique", "un centre de formation", "une zone d'activités", "un parc solaire",
				"une station de recharge", "un hôpital régional", "un programme de bourses", "une route express",
				"un barrage collinaire", "un marché de gros", "une plateforme logistique", "un plan antisécheresse",
				"un dispositif d'alerte", "une ligne de tramway", "un réseau de bus", "un incubateur de start-up",
				"un programme de reboisement", "une campagne de sensibilisation");

		private static final List<String> PLACES = List.of("Casablanca", "Rabat", "Tanger", "Agadir", "Marrakech",
				"Fès", "Oujda", "Laâyoune", "Dakhla", "Kénitra", "Meknès", "Tétouan", "Nador", "Safi", "El Jadida",
				"Béni Mellal", "Errachidia", "Essaouira", "Ouarzazate", "Settat", "Khouribga", "Larache", "Taza",
				"Guelmim", "Al Hoceima");

		private static final List<String> FIGURES = List.of("de %d millions de dirhams", "de %d milliards de dirhams",
				"pour %d", "de %d%%", "avec %d partenaires", "sur %d ans", "pour %d emplois", "de %d hectares",
				"pour %d familles", "en %d mois", "de %d lits", "pour %d élèves", "de %d kilomètres",
				"avec %d entreprises");

		private final Random random;

		Headlines(Random random) {
			this.random = random;
		}

		Random random() {
			return this.random;
		}

		String fresh() {
			String subject = pick(SUBJECTS);
			String headline = capitalize(subject) + " " + pick(VERBS) + " " + pick(OBJECTS) + " à " + pick(PLACES);
			String figure = pick(FIGURES);
			int value = figure.equals("pour %d") ? 2025 + this.random.nextInt(6) : 2 + this.random.nextInt(900);
			return headline + " " + String.format(Locale.ROOT, figure, value);
		}

		/** Another source's words for the same story: its name, its typography, a tag, a rubric, a word less. */
		String retell(String headline, int source) {
			String text = headline;
			switch (this.random.nextInt(6)) {
				case 0 -> text = text + " - Source " + source;
				case 1 -> text = "VIDÉO. " + text;
				case 2 -> text = text.replace("'", "’").replace(" à ", " à\u00a0");
				case 3 -> text = text.toUpperCase(Locale.ROOT);
				case 4 -> {
					int at = text.lastIndexOf(" à ");
					if (at < 0) {
						return text + " | Source " + source;
					}
					String tail = text.substring(at + 3);
					String place = tail.contains(" ") ? tail.substring(0, tail.indexOf(' ')) : tail;
					text = place + " : " + text.substring(0, at) + tail.substring(place.length());
				}
				default -> text = text.replaceFirst(" (un|une) nouveau ", " $1 ").replaceFirst(" le groupe ", " ");
			}
			return text;
		}

		private String pick(List<String> values) {
			return values.get(this.random.nextInt(values.size()));
		}

		private static String capitalize(String text) {
			return Character.toUpperCase(text.charAt(0)) + text.substring(1);
		}

	}

}

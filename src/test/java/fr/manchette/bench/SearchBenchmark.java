package fr.manchette.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import fr.manchette.ManchetteApplication;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.Story;
import fr.manchette.store.StoryQueries;
import fr.manchette.support.H2Files;
import fr.manchette.support.StoredPolls;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code q} on a full store: stores {@code bench.items} items (default 100 000, over 30 days and 100 sources) in an
 * H2 file through the real {@link ItemRepository}, then times searches the way {@code /api/headlines?q=} makes them
 * (limit 50): p50, p99 and max per query. Not a test: run it with
 * {@code ./mvnw -q -Pbench -DskipTests package exec:java -Dbench.main=fr.manchette.bench.SearchBenchmark}.
 */
public final class SearchBenchmark {

	/** Words of French news titles, with accents, drawn with a Zipf-like skew: the first ones are common. */
	private static final String[] WORDS = ("le la les des du de un une et à au aux en pour sur dans par avec "
			+ "Maroc gouvernement économie ministre Rabat Casablanca santé éducation sport football équipe nationale "
			+ "élection parlement loi budget réforme marché banque inflation prix carburants énergie eau sécheresse "
			+ "agriculture tourisme festival culture cinéma musique Tanger Marrakech Fès Agadir Oujda Nador région "
			+ "conseil commune projet investissement milliard dirhams entreprise emploi chômage jeunes université "
			+ "étudiants hôpital médecins vaccin météo pluie chaleur orages séisme incendie police justice tribunal "
			+ "procès enquête accident route train aéroport port Méditerranée Afrique Europe France Espagne Algérie "
			+ "Sénégal ONU diplomatie sommet visite roi discours président Premier opposition majorité syndicat grève "
			+ "négociations salaires retraites logement immobilier numérique internet startup intelligence artificielle "
			+ "données Wydad Raja Botola Lions Atlas Coupe finale derby victoire défaite match joueur entraîneur transfert")
		.split(" ");

	/** Appears in a handful of items only. */
	private static final String RARE = "Panathinaïkos";

	private static final List<String[]> QUERIES = List.of(new String[] { "common word", "maroc" },
			new String[] { "rare word", "panathinaikos" }, new String[] { "two words", "budget gouvernement" },
			new String[] { "word start", "econom" }, new String[] { "no match", "zyzzyva" });

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = Integer.getInteger("bench.items", 100_000);
		int runs = Integer.getInteger("bench.runs", 200);
		Path dir = Path.of("target", "bench-search");
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		Path feeds = dir.resolve("feeds.yml");
		Files.writeString(feeds, "feeds:\n  - id: bench\n    name: Bench\n    url: http://127.0.0.1:9/feed\n");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ManchetteApplication.class)
			.web(WebApplicationType.NONE)
			.run("--manchette.feeds=" + feeds, "--manchette.polling.enabled=false", "--logging.level.root=WARN",
					"--spring.datasource.url=" + H2Files.url(dir))) {
			ItemRepository items = context.getBean(ItemRepository.class);
			StoryQueries queries = context.getBean(StoryQueries.class);
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			long started = System.nanoTime();
			store(items, transaction, count);
			System.out.printf("stored %d items in %.1f s (H2 file, %s)%n", count, (System.nanoTime() - started) / 1e9,
					dir.resolve("db"));
			started = System.nanoTime();
			awaitWordIndex(context.getBean(JdbcClient.class));
			System.out.printf("words indexed in the background %.1f s later%n", (System.nanoTime() - started) / 1e9);
			System.out.printf("%-12s %-22s %8s %8s %8s %8s%n", "query", "q", "stories", "p50 ms", "p99 ms", "max ms");
			for (String[] query : QUERIES) {
				ItemQuery asked = new ItemQuery(null, query[1], null, ItemQuery.DEFAULT_LIMIT);
				for (int i = 0; i < 20; i++) {
					queries.latestStories(asked);
				}
				long[] nanos = new long[runs];
				int found = 0;
				for (int i = 0; i < runs; i++) {
					long start = System.nanoTime();
					List<Story> stories = queries.latestStories(asked);
					nanos[i] = System.nanoTime() - start;
					found = stories.size();
				}
				Arrays.sort(nanos);
				System.out.printf("%-12s %-22s %8d %8.1f %8.1f %8.1f%n", query[0], query[1], found,
						nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6, nanos[runs - 1] / 1e6);
			}
		}
	}

	/** Until the background indexer has reached the last item: searches are timed on an indexed store. */
	static void awaitWordIndex(JdbcClient jdbc) throws InterruptedException {
		String behind = "SELECT (SELECT COALESCE(MAX(id), 0) FROM item) - indexed_to FROM word_index_state";
		while (jdbc.sql(behind).query(Long.class).single() > 0) {
			Thread.sleep(200);
		}
	}

	/** 100 sources, items spread over 30 days, ten words of title and thirty of summary, as news items have. */
	private static void store(ItemRepository items, TransactionTemplate transaction, int count) {
		Random random = new Random(42);
		Instant now = Instant.now();
		Duration span = Duration.ofDays(30);
		int batch = 1_000;
		for (int first = 0; first < count; first += batch) {
			List<Item> poll = new ArrayList<>(batch);
			for (int n = first; n < Math.min(count, first + batch); n++) {
				String title = sentence(random, 10) + ((n % 10_000 == 7) ? " " + RARE : "");
				String summary = sentence(random, 30);
				Instant published = now.minusMillis((long) (random.nextDouble() * span.toMillis()));
				Item item = new Item("urn:bench:" + n, title, java.net.URI.create("https://news.example/" + n),
						"<p>" + summary + "</p>", summary, published, true, List.of());
				poll.add(item);
			}
			String source = "source-" + (first / batch) % 100;
			transaction.executeWithoutResult((tx) -> StoredPolls.save(items, source, poll, now));
		}
	}

	private static String sentence(Random random, int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			// Zipf-like: index = n * u^3 makes the first words of the list far more frequent.
			double u = random.nextDouble();
			text.append(i > 0 ? " " : "").append(WORDS[(int) (WORDS.length * u * u * u)]);
		}
		return text.toString();
	}

}

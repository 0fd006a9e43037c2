package fr.manchette.pipeline;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.manchette.ManchetteApplication;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import fr.manchette.store.SourceStatus;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.H2Files;
import fr.manchette.support.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sources telling one story, stored at the same moment, are one story: the store steps take turns on the
 * database's story lock and each first reads what the other stored. Within one instance (two polls on H2), and
 * across two instances sharing a PostgreSQL database, each with a story window of its own.
 */
class StoryLockTests {

	private static final int PAIRS = 40;

	@TempDir
	Path dir;

	@Test
	void twoPollsOfOneInstanceStoringOneStoryAtOnceMakeOneStory() throws Exception {
		try (ConfigurableApplicationContext instance = start(H2Files.url(this.dir))) {
			storeEachPairAtOnce(instance, instance);
			assertEachPairIsOneStory(instance);
		}
	}

	@Test
	void twoInstancesOnOnePostgresStoringOneStoryAtOnceMakeOneStory() throws Exception {
		String database = LocalPostgres.get().newDatabase("story_lock");
		try (ConfigurableApplicationContext a = start(database); ConfigurableApplicationContext b = start(database)) {
			storeEachPairAtOnce(a, b);
			assertEachPairIsOneStory(a);
		}
	}

	/**
	 * A headline that one instance stored and then saw edited is matched under its new words by the other instance
	 * too, whose story window had read it before the edit. On H2, two services of one process on one file (as
	 * {@code AUTO_SERVER} lets several processes share it); on PostgreSQL, two instances.
	 */
	@Test
	void anEditedHeadlineIsMatchedUnderItsNewWordsByTheOtherInstanceOnH2() throws Exception {
		String url = H2Files.url(this.dir);
		try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
			assertAnEditIsSeenByTheOther(a, b);
		}
	}

	@Test
	void anEditedHeadlineIsMatchedUnderItsNewWordsByTheOtherInstanceOnPostgres() throws Exception {
		String database = LocalPostgres.get().newDatabase("story_edit");
		try (ConfigurableApplicationContext a = start(database); ConfigurableApplicationContext b = start(database)) {
			assertAnEditIsSeenByTheOther(a, b);
		}
	}

	private static void assertAnEditIsSeenByTheOther(ConfigurableApplicationContext a, ConfigurableApplicationContext b)
			throws Exception {
		Instant at = Instant.now();
		StoreStep storeA = a.getBean(StoreStep.class);
		StoreStep storeB = b.getBean(StoreStep.class);
		storeA.store("agence-a", identify("agence-a", "l1", "Titre provisoire", at), at, unknown("agence-a"));
		// The other instance's window reads the headline as it is then.
		storeB.store("agence-b", identify("agence-b", "x1", "Le port de Tanger Med bat son record de conteneurs", at),
				at, unknown("agence-b"));
		storeA.store("agence-a", identify("agence-a", "l1",
				"Le Maroc et la Mauritanie vont relier leurs réseaux électriques", at), at.plusSeconds(60),
				unknown("agence-a"));
		storeB.store("agence-b", identify("agence-b", "m1",
				"Le Maroc et la Mauritanie vont relier leurs réseaux électriques d'ici 2028", at.plusSeconds(90)),
				at.plusSeconds(120), unknown("agence-b"));

		JdbcClient jdbc = b.getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT story_key) FROM item WHERE guid IN ('l1', 'm1')")
			.query(Long.class)
			.single()).as("the edited headline and the same story told by the other source").isEqualTo(1L);
	}

	private static List<IdentifiedItem> identify(String source, String guid, String title,
			Instant at) {
		Item item = new Item(guid, title, URI.create("https://" + source + ".example/" + guid), "<p>" + title + "</p>",
				title, at, true, List.of());
		return new Deduplicator().identify(List.of(item));
	}

	private static SourceStatus unknown(String source) {
		return SourceStatus.unknown(source, "https://" + source + ".example/feed");
	}

	/** Pair i: agence-a and agence-b publish the same headline under two links; each stored by its instance. */
	private static void storeEachPairAtOnce(ConfigurableApplicationContext a, ConfigurableApplicationContext b)
			throws Exception {
		StoreStep storeA = a.getBean(StoreStep.class);
		StoreStep storeB = b.getBean(StoreStep.class);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < PAIRS; i++) {
				CyclicBarrier together = new CyclicBarrier(2);
				Instant at = Instant.now();
				int pair = i;
				String headline = headline(pair);
				Future<?> first = threads.submit(() -> store(storeA, together, "agence-a", headline, pair, at));
				Future<?> second = threads.submit(() -> store(storeB, together, "agence-b", headline + " - Agence B", pair, at));
				first.get();
				second.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static Void store(StoreStep store, CyclicBarrier together, String source, String title, int pair,
			Instant at) throws Exception {
		Item item = new Item(source + "-" + pair, title, URI.create("https://" + source + ".example/" + pair),
				"<p>" + title + "</p>", title, at, true, List.of());
		together.await();
		store.store(source, new Deduplicator().identify(List.of(item)), at,
				SourceStatus.unknown(source, "https://" + source + ".example/feed"));
		return null;
	}

	private static void assertEachPairIsOneStory(ConfigurableApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		List<String> split = new ArrayList<>();
		for (int i = 0; i < PAIRS; i++) {
			long stories = jdbc.sql("SELECT COUNT(DISTINCT story_key) FROM item WHERE guid IN (:guids)")
				.param("guids", List.of("agence-a-" + i, "agence-b-" + i))
				.query(Long.class)
				.single();
			if (stories != 1) {
				split.add(headline(i));
			}
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single()).isEqualTo(2L * PAIRS);
		assertThat(split).as("pairs told as two stories").isEmpty();
	}

	/** A headline of made-up names of its own for each pair, so that pairs never match each other. */
	private static String headline(int pair) {
		return "Le maire de " + name(pair * 7 + 1) + " inaugure le nouveau terminal du port de " + name(pair * 13 + 5)
				+ " avec " + name(pair * 17 + 3);
	}

	private static String name(int n) {
		String[] syllables = { "ka", "lo", "mi", "ra", "tu", "ze", "bo", "ni", "sa", "dou" };
		StringBuilder name = new StringBuilder();
		int value = n;
		for (int i = 0; i < 3; i++) {
			name.append(syllables[value % 10]);
			value = value / 10 + 7 * (i + 1);
		}
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private ConfigurableApplicationContext start(String url) throws IOException {
		Path feeds = this.dir.resolve("feeds.yml");
		if (!Files.exists(feeds)) {
			FeedsYml.withDefaults()
				.source("agence-a", "Agence A", "https://agence-a.example/feed")
				.source("agence-b", "Agence B", "https://agence-b.example/feed")
				.writeTo(feeds);
		}
		return new SpringApplicationBuilder(ManchetteApplication.class).web(WebApplicationType.NONE)
			.run("--manchette.feeds=" + feeds, "--manchette.polling.enabled=false", "--spring.datasource.url=" + url,
					"--logging.level.root=WARN");
	}

}

package fr.manchette.store;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.normalize.Item;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store filled by a version without the hashes of the keys, upgraded: its items, stories and links are found
 * before the background fill, while it runs, and after it (the indexes of the full keys dropped), and a key sharing
 * its first 64 bits with another of its source stays another item throughout.
 */
class KeyHashesUpgradeTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	/** A new empty store, as a JDBC URL. */
	protected String newStore() {
		return NewStores.h2("key-hashes-upgrade");
	}

	@Test
	void itemsStoriesAndLinksStoredBeforeTheHashesAreFoundBeforeDuringAndAfterTheirFill() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		migrate(store, "38");
		JdbcClient jdbc = JdbcClient.create(store);
		// le360's items 0 to 5, each its own story but 1 in 0's; hespress's 0 to 5 in le360's stories; and a twin of
		// le360's item 0's key (the same first 64 bits) in le360, its own story.
		List<IdentifiedItem> le360 = identify("le360", 0, 6);
		List<IdentifiedItem> hespress = identify("hespress", 0, 6);
		for (int i = 0; i < 6; i++) {
			insertAsBefore(jdbc, "le360", le360.get(i).fingerprint().itemKey(), storyOf(le360, (i == 1) ? 0 : i),
					le360.get(i).fingerprint().linkKey(), i);
			insertAsBefore(jdbc, "hespress", hespress.get(i).fingerprint().itemKey(), storyOf(le360, (i == 1) ? 0 : i),
					hespress.get(i).fingerprint().linkKey(), 10 + i);
		}
		String twin = ItemRepositoryTests.twin(le360.get(0).fingerprint().itemKey());
		insertAsBefore(jdbc, "le360", twin, twin, null, 20);

		migrate(store, null);
		try (AnnotationConfigApplicationContext context = repositories(store)) {
			KeyHashes hashes = context.getBean(KeyHashes.class);
			assertThat(hashes.complete()).isFalse();
			assertAllFound(context, le360, hespress, twin);

			assertThat(hashes.fillNext(5)).isEqualTo(5);
			assertThat(hashes.complete()).isFalse();
			assertAllFound(context, le360, hespress, twin);

			while (hashes.fillNext(5) > 0) {
				assertAllFound(context, le360, hespress, twin);
			}
			assertThat(hashes.complete()).isTrue();
			assertAllFound(context, le360, hespress, twin);
			// One of the two keys keeps no item hash: the other has it.
			assertThat(jdbc.sql("SELECT item_key FROM item WHERE item_hash IS NULL").query(String.class).list())
				.hasSize(1)
				.containsAnyOf(twin, le360.get(0).fingerprint().itemKey());

			assertThat(hashes.dropFullKeyIndexes()).as("the constraint and two indexes").isEqualTo(3);
			assertThat(hashes.dropFullKeyIndexes()).as("nothing left, no DDL").isZero();
			assertAllFound(context, le360, hespress, twin);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single()).isEqualTo(13);
		}
		// A later start: every item has its hashes from the first query on.
		try (AnnotationConfigApplicationContext context = repositories(store)) {
			assertThat(context.getBean(KeyHashes.class).complete()).isTrue();
			assertAllFound(context, le360, hespress, twin);
		}
	}

	@Test
	void aNewStoreHasNoIndexOfTheFullKeysLeftForItsFirstStartToDrop() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		migrate(store, null);
		try (AnnotationConfigApplicationContext context = repositories(store)) {
			KeyHashes hashes = context.getBean(KeyHashes.class);
			assertThat(hashes.complete()).isTrue();
			assertThat(hashes.dropFullKeyIndexes()).isZero();
		}
	}

	@Test
	void whatH2HasWrittenToItsFileIsKnownOnH2Only() {
		String url = newStore();
		DataSource store = new DriverManagerDataSource(url, "sa", "");
		migrate(store, null);
		try (AnnotationConfigApplicationContext context = repositories(store)) {
			Optional<KeyHashes.H2FileWrites> writes = context.getBean(KeyHashes.class).h2FileWrites();
			assertThat(writes.isPresent()).isEqualTo(url.startsWith("jdbc:h2:"));
			writes.ifPresent((file) -> {
				assertThat(file.size()).isPositive();
				assertThat(file.written()).isNotNegative();
				// No service here forces the file: H2's own retention time.
				assertThat(file.retention()).isEqualTo(java.time.Duration.ofSeconds(45));
			});
			// Asked again, the same answer.
			assertThat(context.getBean(KeyHashes.class).h2FileWrites().isPresent()).isEqualTo(writes.isPresent());
		}
	}

	/** What the items stored before are found as, and a poll of them storing nothing again. */
	private static void assertAllFound(AnnotationConfigApplicationContext context, List<IdentifiedItem> le360,
			List<IdentifiedItem> hespress, String twin) {
		ItemRepository items = context.getBean(ItemRepository.class);
		StoryQueries stories = context.getBean(StoryQueries.class);
		TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
		assertThat(items.sort("le360", le360).fresh()).isEmpty();
		assertThat(items.sort("hespress", hespress).fresh()).isEmpty();
		// Served again under new guids, found by their links: the same items (edited, as their fields are not those
		// stored).
		PollItems renamed = items.sort("le360", renamed(le360));
		assertThat(renamed.fresh()).isEmpty();
		assertThat(renamed.edited()).extracting((edit) -> edit.identified().fingerprint().itemKey())
			.containsExactlyElementsOf(le360.stream().map((item) -> item.fingerprint().itemKey()).toList());
		transaction.executeWithoutResult((tx) -> {
			assertThat(items.insert("le360", assigned(le360), T0)).isEmpty();
			tx.setRollbackOnly();
		});
		assertThat(context.getBean(KnownItems.class).find("le360", List.of(twin, le360.get(3).fingerprint().itemKey())))
			.containsOnlyKeys(twin, le360.get(3).fingerprint().itemKey());
		String link1 = le360.get(1).fingerprint().linkKey();
		String hespressLink4 = hespress.get(4).fingerprint().linkKey();
		assertThat(items.storiesOfLinks(List.of(link1, hespressLink4)))
			.isEqualTo(Map.of(link1, storyOf(le360, 0), hespressLink4, storyOf(le360, 4)));
		assertThat(stories.story(storyOf(le360, 0))).hasValueSatisfying((story) -> {
			assertThat(story.lead().itemKey()).isEqualTo(le360.get(0).fingerprint().itemKey());
			assertThat(story.others()).extracting(StoredItem::sourceId).containsExactly("le360", "hespress", "hespress");
		});
		assertThat(stories.story(twin)).hasValueSatisfying((story) -> assertThat(story.others()).isEmpty());
		// Stories 0, 2 to 5, and the twin's.
		assertThat(stories.latestStories(ItemQuery.latest(50))).hasSize(6)
			.allSatisfy((story) -> assertThat(story.lead().sourceId()).isEqualTo("le360"));
		assertThat(context.getBean(WebhookOutbox.class).tellings(List.of(storyOf(le360, 0)))).hasSize(4);
	}

	/** The items under new guids, as insertAsBefore stored them otherwise: title, link and date. */
	private static List<IdentifiedItem> renamed(List<IdentifiedItem> items) {
		List<Item> renamed = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i).item();
			renamed.add(new Item("renamed-" + i, "t", item.link(), "", "", T0.plusSeconds(60L * i), true, List.of()));
		}
		return new Deduplicator().identify(renamed);
	}

	private static String storyOf(List<IdentifiedItem> items, int i) {
		return items.get(i).fingerprint().itemKey();
	}

	private static void insertAsBefore(JdbcClient jdbc, String source, String key, String story, String link,
			int minutes) {
		jdbc.sql("""
				INSERT INTO item (source_id, item_key, story_key, link_key, title, summary_html, summary_text,
				                  categories, search_text, published_at, published_known, first_seen_at, updated_at,
				                  sort_at, content_hash)
				VALUES (:source, :key, :story, :link, 't', '', '', '', '', :at, TRUE, :at, :at, :at, 'x')""")
			.param("source", source)
			.param("key", key)
			.param("story", story)
			.param("link", link)
			.param("at", T0.plusSeconds(60L * minutes).atOffset(ZoneOffset.UTC))
			.update();
	}

	/** A source's items {@code from} to {@code to}, identified as a poll identifies them. */
	static List<IdentifiedItem> identify(String source, int from, int to) {
		List<Item> poll = new ArrayList<>();
		for (int i = from; i < to; i++) {
			poll.add(new Item("g" + i, "Titre " + i, URI.create("https://" + source + ".ma/" + i), "<p>Titre</p>",
					"Titre", T0, true, List.of()));
		}
		return new Deduplicator().identify(poll);
	}

	private static List<AssignedItem> assigned(List<IdentifiedItem> items) {
		return items.stream()
			.map((item) -> new AssignedItem(item, StoryAssigner.sortAt(item, T0), item.fingerprint().itemKey()))
			.toList();
	}

	/** The store's repositories on this data source, as the service has them. */
	static AnnotationConfigApplicationContext repositories(DataSource store) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(DataSource.class, () -> store);
		context.registerBean(JdbcClient.class, () -> JdbcClient.create(store));
		context.registerBean(NamedParameterJdbcTemplate.class, () -> new NamedParameterJdbcTemplate(store));
		context.registerBean(TransactionTemplate.class,
				() -> new TransactionTemplate(new DataSourceTransactionManager(store)));
		context.registerBean(Clock.class, () -> Clock.fixed(T0, ZoneOffset.UTC));
		context.register(ItemStoreBeans.class, KnownItems.class, WebhookOutbox.class, LeaseOwner.class);
		context.refresh();
		return context;
	}

	/** Migrates the store up to {@code target}, or to the latest version for null. */
	static void migrate(DataSource store, String target) {
		Flyway.configure()
			.dataSource(store)
			.locations("classpath:db/migration")
			.target((target != null) ? target : "latest")
			.load()
			.migrate();
	}

}

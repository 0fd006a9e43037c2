package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import javax.sql.DataSource;

import fr.manchette.normalize.Item;
import fr.manchette.support.StoredPolls;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store indexed by a version that kept a row per word and item, upgraded: the old rows go, its items are found by
 * the walk until the indexer has built the blocks from the first item, and through the blocks after.
 */
class WordIndexUpgradeTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	/** A new empty store, as a JDBC URL. */
	protected String newStore() {
		return NewStores.h2("word-index-upgrade");
	}

	@Test
	void aStoreIndexedWordByWordIsIndexedAgainByBlocksAndFoundThroughout() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		KeyHashesUpgradeTests.migrate(store, "41");
		JdbcClient jdbc = JdbcClient.create(store);
		// Today's repositories record each change in the row that V50 makes: there while they store the old version's
		// items, gone before the migrations that follow.
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/V50__create_store_change.sql")).execute(store);
		try (AnnotationConfigApplicationContext context = KeyHashesUpgradeTests.repositories(store)) {
			List<Item> poll = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				poll.add(item("m" + i, "Le Maroc investit " + i));
			}
			poll.add(item("rare", "Ounahi brille au Panathinaïkos"));
			StoredPolls.save(context.getBean(ItemRepository.class), "hespress", poll, T0);
			// What that version's indexer wrote: a key per word and item, every item indexed.
			jdbc.sql("SELECT id, search_text FROM item").query((row) -> {
				for (long key : WordIndex.keys(row.getLong(1), row.getString(2))) {
					jdbc.sql("INSERT INTO item_word (word_item) VALUES (?)").param(key).update();
				}
			});
			jdbc.sql("UPDATE word_index_state SET indexed_to = (SELECT MAX(id) FROM item)").update();
		}

		jdbc.sql("DROP TABLE store_change").update();
		KeyHashesUpgradeTests.migrate(store, null);
		try (AnnotationConfigApplicationContext context = KeyHashesUpgradeTests.repositories(store)) {
			WordIndex words = context.getBean(WordIndex.class);
			assertThat(count(jdbc, "item_word") + count(jdbc, "item_word_block")).isZero();
			assertThat(words.narrow("i", List.of("panathinaikos"), new HashMap<>())).contains(".id > ");
			assertThat(titles(context, "panathinaikos")).containsExactly("Ounahi brille au Panathinaïkos");

			int indexed = 0;
			for (int batch = words.indexNext(100); batch > 0; batch = words.indexNext(100)) {
				indexed += batch;
			}

			assertThat(indexed).isEqualTo(301);
			assertThat(count(jdbc, "item_word_block")).isPositive().isLessThan(count(jdbc, "item"));
			assertThat(words.narrow("i", List.of("panathinaikos"), new HashMap<>())).contains(".id IN");
			assertThat(titles(context, "panathinaikos")).containsExactly("Ounahi brille au Panathinaïkos");
			assertThat(words.items("maroc")).hasSize(300);
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static List<String> titles(AnnotationConfigApplicationContext context, String q) {
		return context.getBean(StoryQueries.class)
			.latestStories(new ItemQuery(null, q, null, 50))
			.stream()
			.map((story) -> story.lead().title())
			.toList();
	}

	private static Item item(String guid, String title) {
		return new Item(guid, title, URI.create("https://h.ma/" + guid), "<p>" + title + "</p>", title, T0, true,
				List.of());
	}

}

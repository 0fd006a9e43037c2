package fr.manchette.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store whose items all have their link's hash, as the versions before kept it, upgraded to the version that keeps
 * it only for the items whose link does not name their story: the stories of the links stored before are found as
 * they were, and a new item under one of them joins that story.
 */
class LinkHashUpgradeTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	/** A new empty store, as a JDBC URL. */
	protected String newStore() {
		return NewStores.h2("link-hash-upgrade");
	}

	@Test
	void theStoriesOfTheLinksStoredBeforeAreFoundAfterTheUpgrade() {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		KeyHashesUpgradeTests.migrate(store, "39");
		JdbcClient jdbc = JdbcClient.create(store);
		List<IdentifiedItem> before = KeyHashesUpgradeTests.identify("le360", 0, 3);
		String link0 = before.get(0).fingerprint().linkKey();
		String link1 = before.get(1).fingerprint().linkKey();
		String link2 = before.get(2).fingerprint().linkKey();
		// Items 0 and 1 started the stories of their links, item 2 joined item 0's.
		insertAsBefore(jdbc, before.get(0), link0, 0);
		insertAsBefore(jdbc, before.get(1), link1, 1);
		insertAsBefore(jdbc, before.get(2), link0, 2);

		KeyHashesUpgradeTests.migrate(store, null);
		try (AnnotationConfigApplicationContext context = KeyHashesUpgradeTests.repositories(store)) {
			ItemRepository items = context.getBean(ItemRepository.class);
			assertThat(items.storiesOfLinks(List.of(link0, link1, link2)))
				.isEqualTo(Map.of(link0, link0, link1, link1, link2, link0));

			// hespress, later, under le360's links 1 and 2, in their stories; and under a link of its own.
			List<IdentifiedItem> after = List.of(relinked(10, before.get(1)), relinked(11, before.get(2)),
					KeyHashesUpgradeTests.identify("hespress", 12, 13).get(0));
			String link12 = after.get(2).fingerprint().linkKey();
			assertThat(items.insert("hespress", List.of(new AssignedItem(after.get(0), T0.plusSeconds(600), link1),
					new AssignedItem(after.get(1), T0.plusSeconds(600), link0),
					new AssignedItem(after.get(2), T0.plusSeconds(600), link12)), T0.plusSeconds(600))).hasSize(3);
			assertThat(items.storiesOfLinks(List.of(link0, link1, link2, link12)))
				.isEqualTo(Map.of(link0, link0, link1, link1, link2, link0, link12, link12));
			// The three items stored before keep their hashes; of the new ones, only the one whose link is not its
			// story's has one.
			assertThat(jdbc.sql("SELECT COUNT(*) FROM item WHERE link_hash IS NOT NULL").query(Long.class).single())
				.isEqualTo(4);
		}
	}

	/** A row as the version before stored it: every hash filled, the link's too. */
	private static void insertAsBefore(JdbcClient jdbc, IdentifiedItem item, String story, int minutes) {
		jdbc.sql("""
				INSERT INTO item (source_id, item_key, story_key, link_key, item_hash, story_hash, link_hash, title,
				                  summary_html, summary_text, categories, search_text, published_at, published_known,
				                  first_seen_at, updated_at, sort_at, content_hash)
				VALUES ('le360', :key, :story, :link, :keyHash, :storyHash, :linkHash, 't', '', '', '', '', :at, TRUE,
				        :at, :at, :at, 'x')""")
			.param("key", item.fingerprint().itemKey())
			.param("story", story)
			.param("link", item.fingerprint().linkKey())
			.param("keyHash", KeyHash.of(item.fingerprint().itemKey()))
			.param("storyHash", KeyHash.of(story))
			.param("linkHash", KeyHash.of(item.fingerprint().linkKey()))
			.param("at", T0.plusSeconds(60L * minutes).atOffset(ZoneOffset.UTC))
			.update();
	}

	/** Another source's item {@code n} under the link of {@code item}. */
	private static IdentifiedItem relinked(int n, IdentifiedItem item) {
		return new Deduplicator().identify(List.of(new Item("g" + n, "Titre " + n, item.item().link(),
				"<p>Titre</p>", "Titre", T0.plusSeconds(600), true, List.of()))).get(0);
	}

}

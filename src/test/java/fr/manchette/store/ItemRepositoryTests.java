package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.normalize.Item;
import fr.manchette.support.StoreTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ItemRepository}'s batched reads and writes: a poll's known items are its source's, found by key among many,
 * and an insert answers the ids of the rows it inserted, not of those another poll stored since the sort.
 */
@StoreTest
class ItemRepositoryTests {

	private static final Instant T0 = StoreTest.NOW;

	@Autowired
	private ItemRepository items;

	@Autowired
	private StoryQueries stories;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aPollKnowsItsSourcesItemsOnlyAmongMany() {
		List<IdentifiedItem> poll = identify(0, 40);
		this.items.insert("hespress", assigned(poll), T0);
		this.items.insert("le360", assigned(identify(0, 10)), T0);

		// Keys 30 to 39 stored, 40 to 49 not; le360 has keys 0 to 9 of its own, hespress's are not its.
		PollItems sorted = this.items.sort("hespress", identify(30, 50));
		assertThat(sorted.fresh()).extracting((item) -> item.item().guid())
			.containsExactlyElementsOf(guids(40, 50));
		assertThat(sorted.edited()).isEmpty();
		assertThat(this.items.sort("le360", identify(5, 15)).fresh()).extracting((item) -> item.item().guid())
			.containsExactlyElementsOf(guids(10, 15));
	}

	@Test
	void anInsertAnswersTheIdsOfTheRowsItInsertedOnly() {
		List<AssignedItem> first = assigned(identify(0, 3));
		Map<String, Long> ids = this.items.insert("hespress", first, T0);
		assertThat(ids).hasSize(3);
		assertThat(ids.values()).containsExactlyInAnyOrderElementsOf(this.jdbc
			.sql("SELECT id FROM item WHERE source_id = 'hespress'")
			.query(Long.class)
			.list());

		// Items 1 and 2 stored by another poll of the source after this one sorted its items (a lease ran out).
		Map<String, Long> again = this.items.insert("hespress", assigned(identify(1, 5)), T0.plusSeconds(60));
		assertThat(again).hasSize(2).doesNotContainKeys(ids.keySet().toArray(String[]::new));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single()).isEqualTo(5);
	}

	/**
	 * A row stored when {@code content_hash} was SHA-256 keeps it: its item served again as it was is no edit, and
	 * served changed is one, which stores the value of today.
	 */
	@Test
	void aRowStoredWithTheHashOfBeforeIsNoEditUntilItsItemChanges() {
		List<IdentifiedItem> poll = identify(0, 3);
		this.items.insert("hespress", assigned(poll), T0);
		for (IdentifiedItem item : poll) {
			this.jdbc.sql("UPDATE item SET content_hash = :hash WHERE item_key = :key")
				.param("hash", ContentHash.sha256(item))
				.param("key", item.fingerprint().itemKey())
				.update();
		}

		assertThat(this.items.sort("hespress", identify(0, 3)).edited()).isEmpty();

		List<Item> changed = new ArrayList<>(poll.stream().map(IdentifiedItem::item).toList());
		Item first = changed.get(0);
		changed.set(0, new Item(first.guid(), first.title() + " (vidéo)", first.link(), first.summaryHtml(),
				first.summaryText(), first.published(), true, List.of()));
		PollItems sorted = this.items.sort("hespress", new Deduplicator().identify(changed));
		assertThat(sorted.fresh()).isEmpty();
		assertThat(sorted.edited()).extracting((edited) -> edited.identified().item().guid()).containsExactly("g0");
	}

	@Test
	void aKeySharingItsFirst64BitsWithAnotherKeyOfItsSourceIsAnotherItem() {
		List<IdentifiedItem> poll = identify(0, 1);
		String key = poll.get(0).fingerprint().itemKey();
		String link = poll.get(0).fingerprint().linkKey();
		// An item of the same source whose keys differ from the poll's item's only after the 64 bits the indexes hold.
		this.jdbc.sql("""
				INSERT INTO item (source_id, item_key, story_key, link_key, item_hash, story_hash, link_hash, title,
				                  summary_html, summary_text, categories, search_text, published_at, published_known,
				                  first_seen_at, updated_at, sort_at, content_hash)
				VALUES ('hespress', :key, :link, :link, :keyHash, :linkHash, :linkHash, 'Jumeau', '', '', '', 'jumeau',
				        :at, TRUE, :at, :at, :at, 'x')""")
			.param("key", twin(key))
			.param("keyHash", KeyHash.of(key))
			.param("link", twin(link))
			.param("linkHash", KeyHash.of(link))
			.param("at", T0.atOffset(ZoneOffset.UTC))
			.update();
		long twinId = this.jdbc.sql("SELECT id FROM item WHERE title = 'Jumeau'").query(Long.class).single();

		assertThat(this.items.sort("hespress", poll).fresh()).hasSize(1);
		Map<String, Long> ids = this.items.insert("hespress", assigned(poll), T0);
		assertThat(ids).containsOnlyKeys(key).doesNotContainValue(twinId);
		// Stored, then known: not stored twice, nor taken for its twin.
		assertThat(this.items.sort("hespress", poll).fresh()).isEmpty();
		assertThat(this.items.insert("hespress", assigned(poll), T0.plusSeconds(60))).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item WHERE source_id = 'hespress'").query(Long.class).single())
			.isEqualTo(2);

		assertThat(this.items.storiesOfLinks(List.of(link))).isEqualTo(Map.of(link, link));
		assertThat(this.items.storiesOfLinks(List.of(twin(link)))).isEqualTo(Map.of(twin(link), twin(link)));
		assertThat(this.stories.story(link)).hasValueSatisfying((story) -> {
			assertThat(story.lead().itemKey()).isEqualTo(key);
			assertThat(story.others()).isEmpty();
		});
		assertThat(this.stories.latestStories(ItemQuery.latest(50))).hasSize(2)
			.allSatisfy((story) -> assertThat(story.others()).isEmpty());
	}

	/**
	 * A link's story is that of the first item stored under it, whether the item started the story of its link (no
	 * link hash: found through its story) or joined another story (found through its link's hash); an edit that
	 * changes the link keeps the hash only when the new link does not name the item's story.
	 */
	@Test
	void aLinkGivesTheStoryOfItsFirstItemWhetherItNamesThatStoryOrNot() {
		List<IdentifiedItem> hespress = identify(0, 4);
		this.items.insert("hespress", assigned(hespress), T0);
		String link0 = hespress.get(0).fingerprint().linkKey();
		String link1 = hespress.get(1).fingerprint().linkKey();
		String link2 = hespress.get(2).fingerprint().linkKey();
		String link3 = hespress.get(3).fingerprint().linkKey();
		// le360: its own link in hespress 0's story; hespress 1's link, later, in its story; hespress 3's link, sorted
		// before it, in hespress 0's story.
		IdentifiedItem own = identify(10, 11).get(0);
		IdentifiedItem sameLink = new Deduplicator().identify(List.of(item(11, hespress.get(1).item().link(), 0)))
			.get(0);
		IdentifiedItem earlier = new Deduplicator().identify(List.of(item(12, hespress.get(3).item().link(), 100)))
			.get(0);
		this.items.insert("le360", List.of(new AssignedItem(own, T0, link0), new AssignedItem(sameLink, T0, link1),
				new AssignedItem(earlier, T0.minusSeconds(100), link0)), T0);
		String ownLink = own.fingerprint().linkKey();

		assertThat(this.items.storiesOfLinks(List.of(link0, link1, link3, ownLink, twin(link2))))
			.isEqualTo(Map.of(link0, link0, link1, link1, link3, link0, ownLink, link0));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item WHERE link_hash IS NOT NULL").query(Long.class).single())
			.isEqualTo(2);

		// hespress 2 moves to le360's own link, where it is the first (sorted before le360's item), then back to its
		// own: the hash follows.
		long id2 = this.jdbc.sql("SELECT id FROM item WHERE item_key = :key")
			.param("key", hespress.get(2).fingerprint().itemKey())
			.query(Long.class)
			.single();
		Item moved = item(2, own.item().link(), 2);
		this.items.update(List.of(new EditedItem(id2, T0, new Deduplicator().identify(List.of(moved)).get(0))),
				T0.plusSeconds(60));
		assertThat(this.items.storiesOfLinks(List.of(link2, ownLink))).isEqualTo(Map.of(ownLink, link2));
		assertThat(linkHashOf(id2)).isEqualTo(KeyHash.of(ownLink));
		this.items.update(List.of(new EditedItem(id2, T0, hespress.get(2))), T0.plusSeconds(120));
		assertThat(this.items.storiesOfLinks(List.of(link2))).isEqualTo(Map.of(link2, link2));
		assertThat(linkHashOf(id2)).isNull();
	}

	/**
	 * A poll makes its new items' rows before the story lock and inserts them under it with the places and stories
	 * decided: each row as an insert of the decided items alone writes it, and rows made for other items refused.
	 */
	@Test
	void rowsMadeBeforeTheStoriesAreDecidedAreStoredAsTheDecidedItemsAre() {
		List<IdentifiedItem> hespress = identify(0, 3);
		String story = hespress.get(0).fingerprint().storyKey();
		// Item 1 joins item 0's story (its link then needs its own hash); items 0 and 2 start their own.
		List<AssignedItem> decided = List.of(new AssignedItem(hespress.get(0), T0.minusSeconds(5), story),
				new AssignedItem(hespress.get(1), T0.minusSeconds(4), story),
				new AssignedItem(hespress.get(2), T0, hespress.get(2).fingerprint().storyKey()));
		NewRows rows = this.items.rows("hespress", hespress, T0);
		assertThat(this.items.insert(rows, decided, () -> {
		})).hasSize(3);
		List<IdentifiedItem> le360 = identify(0, 3);
		this.items.insert("le360", decided.stream()
			.map((item) -> new AssignedItem(le360.get(decided.indexOf(item)), item.sortAt(), item.storyKey()))
			.toList(), T0);

		assertThat(storedRows("hespress")).isEqualTo(storedRows("le360")).hasSize(3);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item WHERE source_id = 'hespress' AND link_hash IS NOT NULL")
			.query(Long.class)
			.single()).isEqualTo(1);

		NewRows others = this.items.rows("hespress", identify(5, 7), T0);
		assertThatThrownBy(() -> this.items.insert(others, assigned(identify(7, 9)), () -> {
		})).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.items.insert(others, assigned(identify(5, 6)), () -> {
		})).isInstanceOf(IllegalArgumentException.class);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single()).isEqualTo(6);
	}

	/** A source's rows as stored, but their ids and source, in the order of their keys. */
	private List<Map<String, Object>> storedRows(String sourceId) {
		return this.jdbc.sql("""
				SELECT item_key, story_key, link_key, guid, link, title, summary_html, summary_text, categories,
				       search_text, published_at, published_known, first_seen_at, updated_at, sort_at, content_hash,
				       lang, item_hash, story_hash, link_hash
				FROM item WHERE source_id = :source ORDER BY item_key""")
			.param("source", sourceId)
			.query()
			.listOfRows();
	}

	private @Nullable Long linkHashOf(long id) {
		return this.jdbc.sql("SELECT link_hash FROM item WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow()
			.get("link_hash") instanceof Number hash ? hash.longValue() : null;
	}

	/** Item {@code n} of {@link #identify} under another link, published {@code secondsBefore} T0. */
	private static Item item(int n, URI link, int secondsBefore) {
		return new Item("g" + n, "Titre " + n + " bis", link, "<p>Titre " + n + "</p>", "Titre " + n,
				T0.minusSeconds(secondsBefore), true, List.of());
	}

	/** The key with its 17th digit changed: the same first 64 bits. */
	static String twin(String key) {
		return key.substring(0, 16) + ((key.charAt(16) == 'a') ? 'b' : 'a') + key.substring(17);
	}

	static List<IdentifiedItem> identify(int from, int to) {
		List<Item> poll = new ArrayList<>();
		for (int i = from; i < to; i++) {
			poll.add(new Item("g" + i, "Titre " + i, URI.create("https://h.ma/" + i), "<p>Titre " + i + "</p>",
					"Titre " + i, T0.minusSeconds(i), true, List.of()));
		}
		return new Deduplicator().identify(poll);
	}

	private static List<String> guids(int from, int to) {
		List<String> guids = new ArrayList<>();
		for (int i = from; i < to; i++) {
			guids.add("g" + i);
		}
		return guids;
	}

	static List<AssignedItem> assigned(List<IdentifiedItem> items) {
		return items.stream()
			.map((item) -> new AssignedItem(item, StoryAssigner.sortAt(item, T0), item.fingerprint().storyKey()))
			.toList();
	}

}

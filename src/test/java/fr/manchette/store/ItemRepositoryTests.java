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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

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

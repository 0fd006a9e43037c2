package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import fr.manchette.store.DroppedItems.Drop;
import fr.manchette.store.DroppedItems.Remembered;
import fr.manchette.support.StoreTest;
import fr.manchette.support.StoredPolls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the store keeps for the rules and the languages: dropped items, and each item's language and its filter. */
@StoreTest
class EditorialStoreTests {

	private static final Instant T0 = StoreTest.NOW;

	@Autowired
	private DroppedItems dropped;

	@Autowired
	private ItemRepository items;

	@Autowired
	private StoryQueries stories;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void droppedItemsAreRememberedCountedReplacedForgottenAndPruned() {
		IdentifiedItem k1 = dispatch("k1", "Publireportage : les offres", T0);
		IdentifiedItem k3 = dispatch("k3", "Horoscope du jour", T0);
		this.dropped.remember("le360", List.of(new Drop(k1, "drop: publireportage"),
				new Drop(dispatch("k2", "Publireportage : la banque", T0), "drop: publireportage"), new Drop(k3, "keep")),
				"v1", T0);
		this.dropped.remember("hespress", List.of(new Drop(k1, "languages: fr")), "v1", T0.plusSeconds(60));
		assertThat(this.dropped.find("le360", List.of(k1, k3, dispatch("k9", "Le Maroc en finale", T0)), Set.of()))
			.containsOnly(Map.entry(key(k1), new Remembered(key(k1), "v1")), Map.entry(key(k3), new Remembered(key(k3), "v1")));
		assertThat(this.dropped.counts()).containsOnly(
				Map.entry("le360", Map.of("drop: publireportage", 2L, "keep", 1L)),
				Map.entry("hespress", Map.of("languages: fr", 1L)));

		// Dropped again under other rules: the caller forgets what was remembered under the ones before.
		this.dropped.forget("le360", List.of(key(k1), key(k3)));
		this.dropped.remember("le360", List.of(new Drop(k1, "drop: title: re:^Publi")), "v2", T0.plusSeconds(120));
		assertThat(this.dropped.find("le360", List.of(k1), Set.of())).containsOnly(Map.entry(key(k1), new Remembered(key(k1), "v2")));
		assertThat(this.dropped.counts().get("le360"))
			.containsOnly(Map.entry("drop: publireportage", 1L), Map.entry("drop: title: re:^Publi", 1L));

		assertThat(this.dropped.pruneOlderThan(T0.plusSeconds(90))).isEqualTo(2);
		assertThat(this.dropped.counts()).containsOnly(Map.entry("le360", Map.of("drop: title: re:^Publi", 1L)));
	}

	@Test
	void droppedItemsAreFoundForTheSourceAskedOnlyInEveryChunkOfALongPoll() {
		IdentifiedItem k1 = dispatch("k1", "Titre 1", T0);
		this.dropped.remember("hespress", List.of(new Drop(k1, "languages: fr")), "v1", T0);
		// A source that has no drop of its own, though another has one under the same key.
		assertThat(this.dropped.find("le360", List.of(k1, dispatch("k2", "Titre 2", T0)), Set.of())).isEmpty();

		// More items than one statement takes.
		List<IdentifiedItem> poll = IntStream.range(0, 1_200).mapToObj((i) -> dispatch("k" + i, "Titre " + i, T0)).toList();
		List<Drop> drops = poll.stream()
			.filter((item) -> item.item().guid().endsWith("7"))
			.map((item) -> new Drop(item, "keep"))
			.toList();
		this.dropped.remember("le360", drops, "v2", T0);
		Map<String, Remembered> versions = new HashMap<>();
		drops.forEach((drop) -> versions.put(key(drop.item()), new Remembered(key(drop.item()), "v2")));
		assertThat(this.dropped.find("le360", poll, Set.of())).isEqualTo(versions);
		assertThat(this.dropped.find("hespress", poll, Set.of())).containsOnly(Map.entry(key(k1), new Remembered(key(k1), "v1")));
		assertThat(this.dropped.find("le360", List.of(), Set.of())).isEmpty();
	}

	@Test
	void aDroppedItemUnderANewGuidIsFoundByItsLinkHeadlineAndDateUnlessListedUnderItsOwn() {
		IdentifiedItem dated = item("s-1", "Publireportage : les offres", LINK, T0);
		IdentifiedItem undated = undated(item("s-7", "Horoscope du jour", "https://h.ma/horoscope", T0));
		this.dropped.remember("le360", List.of(new Drop(dated, "drop: publireportage"), new Drop(undated, "keep")), "v1",
				T0);
		Remembered asDated = new Remembered(key(dated), "v1");

		IdentifiedItem again = item("s-2", "Publireportage : les offres", LINK, T0);
		assertThat(this.dropped.find("le360", List.of(again), Set.of())).containsOnly(Map.entry(key(again), asDated));
		// The same headline under the link, another date or another headline: another item, judged as new.
		assertThat(this.dropped.find("le360", List.of(item("s-3", "Publireportage : les offres", LINK, T0.plusSeconds(3600)),
				item("s-4", "Publireportage : les offres du mois", LINK, T0)), Set.of())).isEmpty();
		// Still listed under its own guid, it is itself; and two items of a poll are not one remembered item.
		assertThat(this.dropped.find("le360", List.of(dated, again), Set.of())).containsOnly(Map.entry(key(dated), asDated));
		IdentifiedItem twin = item("s-5", "Publireportage : les offres", LINK, T0);
		assertThat(this.dropped.find("le360", List.of(again, twin), Set.of())).containsOnly(Map.entry(key(again), asDated));
		// Only in its source.
		assertThat(this.dropped.find("hespress", List.of(again), Set.of())).isEmpty();
		// No date on either side allows one item.
		IdentifiedItem horoscope = item("s-8", "Horoscope du jour", "https://h.ma/horoscope", T0.plusSeconds(86_400));
		assertThat(this.dropped.find("le360", List.of(horoscope), Set.of()))
			.containsOnly(Map.entry(key(horoscope), new Remembered(key(undated), "v1")));
		assertThat(this.dropped.find("le360", List.of(undated(again)), Set.of())).containsOnly(Map.entry(key(again), asDated));

		// Remembered before the link and headline were: found by its key only.
		IdentifiedItem older = item("s-9", "Communiqué du groupe", "https://h.ma/communique", T0);
		this.jdbc.sql("""
				INSERT INTO dropped_item (source_id, item_key, rule, rules_version, dropped_at)
				VALUES ('le360', :key, 'drop: communiqué', 'v1', :at)""")
			.param("key", key(older))
			.param("at", T0.atOffset(ZoneOffset.UTC))
			.update();
		assertThat(this.dropped.find("le360", List.of(older), Set.of()))
			.containsOnly(Map.entry(key(older), new Remembered(key(older), "v1")));
		assertThat(this.dropped.find("le360", List.of(item("s-10", "Communiqué du groupe", "https://h.ma/communique", T0)), Set.of()))
			.isEmpty();
	}

	@Test
	void eachItemKeepsItsLanguageAndListsFilterOnIt() {
		StoredPolls.save(this.items, "hespress",
				List.of(item("1", "Le Maroc en demi-finale", "fr"), item("2", "المغرب في نصف النهائي", "ar"),
						item("3", "Morocco in the semi-final", "en"), item("4", "2025", null)),
				T0);
		assertThat(titles(null)).hasSize(4);
		assertThat(titles(Set.of("ar"))).containsExactly("المغرب في نصف النهائي");
		assertThat(titles(Set.of("fr", "en"))).containsExactlyInAnyOrder("Le Maroc en demi-finale",
				"Morocco in the semi-final");
		assertThat(titles(Set.of())).isEmpty();
		assertThat(this.stories.latestStories(ItemQuery.latest(10)))
			.extracting((story) -> story.lead().lang())
			.containsExactlyInAnyOrder("fr", "ar", "en", null);
	}

	private List<String> titles(Set<String> languages) {
		return this.stories.latestStories(new ItemQuery(null, null, null, 50, null, languages))
			.stream()
			.map((story) -> story.lead().title())
			.toList();
	}

	private static final String LINK = "https://fr.le360.ma/publireportage-offres";

	private static String key(IdentifiedItem item) {
		return item.fingerprint().itemKey();
	}

	/** An item of its own link. */
	private static IdentifiedItem dispatch(String guid, String title, Instant published) {
		return item(guid, title, "https://h.ma/" + guid, published);
	}

	private static IdentifiedItem item(String guid, String title, String link, Instant published) {
		return IdentifiedItem.of(new Item(guid, title, URI.create(link), "", "", published, true, List.of()));
	}

	private static IdentifiedItem undated(IdentifiedItem item) {
		Item dated = item.item();
		return IdentifiedItem.of(new Item(dated.guid(), dated.title(), dated.link(), "", "", dated.published(), false,
				List.of()));
	}

	private static Item item(String guid, String title, String language) {
		return new Item(guid, title, URI.create("https://h.ma/" + guid), "", "", T0.minusSeconds(Long.parseLong(guid)),
				true, List.of(), null, language);
	}

}

package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import fr.manchette.normalize.Item;
import fr.manchette.support.StoreTest;
import fr.manchette.support.StoredPolls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

	@Test
	void droppedItemsAreRememberedCountedReplacedForgottenAndPruned() {
		this.dropped.remember("le360", Map.of("k1", "drop: publireportage", "k2", "drop: publireportage", "k3", "keep"),
				"v1", T0);
		this.dropped.remember("hespress", Map.of("k1", "languages: fr"), "v1", T0.plusSeconds(60));
		assertThat(this.dropped.find("le360", List.of("k1", "k3", "k9"))).containsOnly(Map.entry("k1", "v1"),
				Map.entry("k3", "v1"));
		assertThat(this.dropped.counts()).containsOnly(
				Map.entry("le360", Map.of("drop: publireportage", 2L, "keep", 1L)),
				Map.entry("hespress", Map.of("languages: fr", 1L)));

		this.dropped.remember("le360", Map.of("k1", "drop: title: re:^Publi"), "v2", T0.plusSeconds(120));
		assertThat(this.dropped.find("le360", List.of("k1"))).containsOnly(Map.entry("k1", "v2"));
		this.dropped.forget("le360", List.of("k3"));
		assertThat(this.dropped.counts().get("le360"))
			.containsOnly(Map.entry("drop: publireportage", 1L), Map.entry("drop: title: re:^Publi", 1L));

		assertThat(this.dropped.pruneOlderThan(T0.plusSeconds(90))).isEqualTo(2);
		assertThat(this.dropped.counts()).containsOnly(Map.entry("le360", Map.of("drop: title: re:^Publi", 1L)));
	}

	@Test
	void droppedItemsAreFoundForTheSourceAskedOnlyInEveryChunkOfALongPoll() {
		this.dropped.remember("hespress", Map.of("k1", "languages: fr"), "v1", T0);
		// A source that has no drop of its own, though another has one under the same key.
		assertThat(this.dropped.find("le360", List.of("k1", "k2"))).isEmpty();

		// More keys than one statement takes.
		List<String> keys = IntStream.range(0, 1_200).mapToObj((i) -> "k" + i).toList();
		Map<String, String> rules = new HashMap<>();
		keys.stream().filter((key) -> key.endsWith("7")).forEach((key) -> rules.put(key, "keep"));
		this.dropped.remember("le360", rules, "v2", T0);
		Map<String, String> versions = new HashMap<>();
		rules.keySet().forEach((key) -> versions.put(key, "v2"));
		assertThat(this.dropped.find("le360", keys)).isEqualTo(versions);
		assertThat(this.dropped.find("hespress", keys)).containsOnly(Map.entry("k1", "v1"));
		assertThat(this.dropped.find("le360", List.of())).isEmpty();
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

	private static Item item(String guid, String title, String language) {
		return new Item(guid, title, URI.create("https://h.ma/" + guid), "", "", T0.minusSeconds(Long.parseLong(guid)),
				true, List.of(), null, language);
	}

}

package fr.manchette.publish;

import java.time.Instant;
import java.util.List;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.store.StoredItem;
import fr.manchette.store.Story;
import fr.manchette.support.FeedsFiles;
import org.junit.jupiter.api.Test;

import static fr.manchette.support.FeedsFiles.source;
import static org.assertj.core.api.Assertions.assertThat;

/** What RSS, Atom and JSON Feed say alike of an item: its id, its source's name, its categories, the other sources. */
class ItemLabelsTests {

	private static final Instant T0 = Instant.parse("2025-05-16T18:35:00Z");

	private final FeedsFile config = FeedsFiles.inZone("Africa/Casablanca", source("hespress-fr", "Hespress & FR", "sport"),
			source("le360", "Le360", null));

	@Test
	void feedIdIsTheIdentityInItsSourceOfTheStorysFirstStoredItem() {
		assertThat(ItemLabels.feedId(new Story(item(1, "le360", null, List.of()), List.of())))
			.isEqualTo("urn:manchette:item:le360:key1");
		// Stored after, dated before: the lead, under the id of the item first stored.
		assertThat(ItemLabels.feedId(new Story(item(7, "hespress-fr", null, List.of()),
				List.of(item(9, "parti", null, List.of()), item(3, "le360", null, List.of())))))
			.isEqualTo("urn:manchette:item:le360:key3");
	}

	@Test
	void aSourceGoneFromFeedsYmlIsNamedByItsId() {
		assertThat(ItemLabels.sourceName(this.config, "hespress-fr")).isEqualTo("Hespress & FR");
		assertThat(ItemLabels.sourceName(this.config, "parti")).isEqualTo("parti");
		assertThat(ItemLabels.sourceName((Source) null, "parti")).isEqualTo("parti");
	}

	@Test
	void theSourcesCategoryComesFirstAndEachCategoryOnce() {
		Source hespress = this.config.source("hespress-fr").orElseThrow();
		assertThat(ItemLabels.categories(item(1, "hespress-fr", null, List.of("foot", "sport", "foot")), hespress))
			.containsExactly("sport", "foot");
		assertThat(ItemLabels.categories(item(2, "le360", null, List.of("economie")),
				this.config.source("le360").orElseThrow()))
			.containsExactly("economie");
		assertThat(ItemLabels.categories(item(3, "parti", null, List.of()), null)).isEmpty();
		// Once whatever its case: the source's own spelling first, then the item's first.
		assertThat(ItemLabels.categories(item(4, "hespress-fr", null, List.of("Sport", "Foot", "FOOT")), hespress))
			.containsExactly("sport", "Foot");
	}

	@Test
	void theOtherSourcesAreNamedOnceEscapedAndLinked() {
		Story story = new Story(item(1, "le360", "https://le360.example/1", List.of()),
				List.of(item(2, "hespress-fr", "https://h.example/a?x=1&y=2", List.of()),
						item(3, "hespress-fr", "https://h.example/b", List.of()), item(4, "le360", null, List.of()),
						item(5, "parti", null, List.of())));

		assertThat(ItemLabels.alsoInHtml(story, this.config, false)).isEqualTo(
				"<p>Aussi dans : <a href=\"https://h.example/a?x=1&amp;y=2\">Hespress &amp; FR</a>, parti</p>");
		assertThat(ItemLabels.alsoInHtml(story, this.config, true)).startsWith("<p>Repris par 3 sources. Aussi dans");
		assertThat(ItemLabels.alsoInHtml(new Story(item(1, "le360", null, List.of()), List.of()), this.config, true))
			.isEmpty();
	}

	private static StoredItem item(long id, String source, String link, List<String> categories) {
		return new StoredItem(id, source, "key" + id, "story", "guid" + id, link, "Titre " + id, "", "Titre " + id,
				categories, T0, true, T0, T0, T0);
	}

}

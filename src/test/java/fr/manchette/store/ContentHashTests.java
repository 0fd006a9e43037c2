package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code content_hash} holds: a change in any field an edit can touch changes it, nothing else does. */
class ContentHashTests {

	private static final Instant T0 = Instant.parse("2026-05-16T19:00:00Z");

	private static final Item ITEM = new Item("g1", "Le Maroc et la Mauritanie relient leurs réseaux",
			URI.create("https://lematin.ma/1"), "<p>Un accord signé à Rabat.</p>", "Un accord signé à Rabat.", T0, true,
			List.of("économie", "énergie"));

	@Test
	void theSameContentHasTheSameValueOf32HexDigits() {
		String value = ContentHash.of(identified(ITEM));

		assertThat(value).hasSize(32).matches("[0-9a-f]{32}").isEqualTo(ContentHash.of(identified(ITEM)));
		assertThat(ContentHash.matches(value, identified(ITEM))).isTrue();
	}

	/**
	 * The values stored stay those of the same content, whatever the length of its fields: a value that changed would
	 * make every stored item an edit at its next poll. A summary longer than the array each thread keeps is hashed
	 * whole, and the fields after it as before.
	 */
	@Test
	void theValuesOfStoredContentStayTheSame() {
		assertThat(ContentHash.of(identified(ITEM))).isEqualTo("23da9471a1de8e7a8df10a4052869059");
		Item longer = new Item("g1", ITEM.title(), ITEM.link(), "<p>" + "Un accord signé à Rabat. ".repeat(4_000) + "</p>",
				ITEM.summaryText(), T0, true, ITEM.categories());
		assertThat(ContentHash.of(identified(longer))).isEqualTo("48aad0e3aa665e4382c8aa8e96c2f566");
		assertThat(ContentHash.of(identified(ITEM))).isEqualTo("23da9471a1de8e7a8df10a4052869059");
	}

	@Test
	void anyFieldAnEditChangesChangesTheValue() {
		String value = ContentHash.of(identified(ITEM));
		List<UnaryOperator<Item>> edits = List.of(
				(item) -> new Item("g2", item.title(), item.link(), item.summaryHtml(), item.summaryText(),
						item.published(), true, item.categories()),
				(item) -> new Item(item.guid(), item.title() + ".", item.link(), item.summaryHtml(), item.summaryText(),
						item.published(), true, item.categories()),
				(item) -> new Item(item.guid(), item.title(), URI.create("https://lematin.ma/2"), item.summaryHtml(),
						item.summaryText(), item.published(), true, item.categories()),
				(item) -> new Item(item.guid(), item.title(), item.link(), "<p>Un accord signé à Rabat !</p>",
						item.summaryText(), item.published(), true, item.categories()),
				(item) -> new Item(item.guid(), item.title(), item.link(), item.summaryHtml(), item.summaryText(),
						item.published().plusSeconds(1), true, item.categories()),
				(item) -> new Item(item.guid(), item.title(), item.link(), item.summaryHtml(), item.summaryText(),
						item.published(), true, List.of("économie")),
				(item) -> new Item(item.guid(), item.title(), item.link(), item.summaryHtml(), item.summaryText(),
						item.published(), true, List.of("économie\nénergie")),
				(item) -> new Item(null, item.title(), item.link(), item.summaryHtml(), item.summaryText(),
						item.published(), true, item.categories()));

		for (UnaryOperator<Item> edit : edits) {
			IdentifiedItem edited = identified(edit.apply(ITEM));
			assertThat(ContentHash.of(edited)).isNotEqualTo(value);
			assertThat(ContentHash.matches(value, edited)).isFalse();
		}
	}

	@Test
	void fieldsAreToldApartWhereTheyEnd() {
		Item ab = new Item("g", "ab", null, "c", "c", T0, true, List.of());
		Item a = new Item("g", "a", null, "bc", "bc", T0, true, List.of());
		Item twoCategories = new Item("g", "t", null, "", "", T0, true, List.of("a", "b"));
		Item oneCategory = new Item("g", "t", null, "", "", T0, true, List.of("ab"));

		assertThat(ContentHash.of(identified(ab))).isNotEqualTo(ContentHash.of(identified(a)));
		assertThat(ContentHash.of(identified(twoCategories))).isNotEqualTo(ContentHash.of(identified(oneCategory)));
	}

	@Test
	void aValueWrittenBeforeIsComparedTheWayItWasWritten() {
		String before = ContentHash.sha256(identified(ITEM));
		IdentifiedItem edited = identified(new Item(ITEM.guid(), ITEM.title() + " (vidéo)", ITEM.link(),
				ITEM.summaryHtml(), ITEM.summaryText(), ITEM.published(), true, ITEM.categories()));

		assertThat(before).hasSize(64);
		assertThat(ContentHash.matches(before, identified(ITEM))).isTrue();
		assertThat(ContentHash.matches(before, edited)).isFalse();
	}

	private static IdentifiedItem identified(Item item) {
		return new Deduplicator().identify(List.of(item)).get(0);
	}

}

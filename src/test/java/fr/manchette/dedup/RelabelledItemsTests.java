package fr.manchette.dedup;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which items of a poll are stored items of their source under a new guid, and which stay new. */
class RelabelledItemsTests {

	private static final Instant T0 = Instant.parse("2025-05-16T18:00:00Z");

	private static final String LINK = "https://www.lematin.ma/economie/carburants-baisse.html";

	private static final String LIVE = "https://www.lematin.ma/direct";

	@Test
	void anItemUnderANewGuidWithTheLinkHeadlineAndDateOfAStoredOneUnlistedIsThatOne() {
		IdentifiedItem stored = identify("s-1", "Carburants : baisse de 10 centimes", LINK, T0);
		IdentifiedItem served = identify("s-2", "Carburants : baisse de 10 centimes", LINK, T0);

		IdentifiedItem relabelled = relabel(List.of(served), Set.of(), stored).get(0);

		assertThat(relabelled.fingerprint()).isEqualTo(stored.fingerprint());
		assertThat(relabelled.item()).isEqualTo(stored.item());
	}

	@Test
	void itsOtherFieldsAreItsOwnAnEditOfTheStoredOne() {
		IdentifiedItem stored = identify("s-1", "Carburants : baisse de 10 centimes", LINK, T0);
		Item served = item("s-2", "Carburants : baisse de 10 centimes", LINK, T0);
		served = new Item(served.guid(), served.title(), served.link(), "<p>Mis à jour</p>", "Mis à jour",
				served.published(), true, List.of("économie"));

		IdentifiedItem relabelled = relabel(List.of(IdentifiedItem.of(served)), Set.of(), stored).get(0);

		assertThat(relabelled.fingerprint().itemKey()).isEqualTo(stored.fingerprint().itemKey());
		assertThat(relabelled.item().guid()).isEqualTo("s-1");
		assertThat(relabelled.item().summaryText()).isEqualTo("Mis à jour");
		assertThat(relabelled.item().categories()).containsExactly("économie");
	}

	@Test
	void anUndatedItemOrAnUndatedStoredOneIsTakenByItsLinkAndHeadline() {
		IdentifiedItem stored = IdentifiedItem.of(undated(item("s-1", "Titre", LINK, T0)));
		IdentifiedItem served = identify("s-2", "Titre", LINK, T0.plusSeconds(3600));

		assertThat(relabel(List.of(served), Set.of(), stored).get(0).fingerprint()).isEqualTo(stored.fingerprint());
		assertThat(relabel(List.of(IdentifiedItem.of(undated(served.item()))), Set.of(),
				identify("s-1", "Titre", LINK, T0)).get(0).item().guid()).isEqualTo("s-1");
	}

	@Test
	void aGuidAddedOrDroppedByTheFeedKeepsTheItem() {
		IdentifiedItem withoutGuid = identify(null, "Titre", LINK, T0);
		IdentifiedItem withGuid = identify("g-1", "Titre", LINK, T0);

		IdentifiedItem added = relabel(List.of(withGuid), Set.of(), withoutGuid).get(0);
		IdentifiedItem dropped = relabel(List.of(withoutGuid), Set.of(), withGuid).get(0);

		assertThat(added.fingerprint()).isEqualTo(withoutGuid.fingerprint());
		assertThat(added.item().guid()).isNull();
		assertThat(dropped.fingerprint()).isEqualTo(withGuid.fingerprint());
		assertThat(dropped.item().guid()).isEqualTo("g-1");
	}

	@Test
	void aStoredItemStillListedUnderItsOwnGuidIsNotTakenOver() {
		// Two entries of one fetch share the link: each stays itself.
		IdentifiedItem first = identify("a", "Titre", LINK, T0);
		IdentifiedItem second = identify("b", "Titre", LINK, T0);

		List<IdentifiedItem> poll = relabel(List.of(first, second), Set.of(first.fingerprint().itemKey()), first);

		assertThat(poll).containsExactly(first, second);
	}

	@Test
	void aNewEntryUnderTheLinkOfAnotherHasAHeadlineOrADateOfItsOwn() {
		// A live blog whose feed lists its latest entry only, each entry linked to the live page.
		IdentifiedItem earlier = identify("entry-1", "En direct : le Maroc mène 1-0", LIVE, T0);
		IdentifiedItem otherHeadline = identify("entry-2", "En direct : le Maroc mène 2-0", LIVE, T0);
		IdentifiedItem otherDate = identify("entry-3", "En direct : le Maroc mène 1-0", LIVE, T0.plusSeconds(60));

		assertThat(relabel(List.of(otherHeadline), Set.of(), earlier)).containsExactly(otherHeadline);
		assertThat(relabel(List.of(otherDate), Set.of(), earlier)).containsExactly(otherDate);
	}

	@Test
	void anItemUnderAnotherLinkIsNew() {
		IdentifiedItem stored = identify("s-1", "Titre", LINK, T0);
		IdentifiedItem served = identify("s-2", "Titre", "https://www.lematin.ma/economie/autre.html", T0);
		IdentifiedItem withoutLink = identify("s-3", "Titre", null, T0);

		assertThat(relabel(List.of(served, withoutLink), Set.of(), stored)).containsExactly(served, withoutLink);
	}

	@Test
	void eachStoredItemIsOneItemOfThePollTheFirstStoredFirst() {
		IdentifiedItem firstStored = identify("s-1", "Titre", LINK, T0);
		IdentifiedItem secondStored = identify("s-2", "Titre", LINK, T0);
		IdentifiedItem one = identify("n-1", "Titre", LINK, T0);
		IdentifiedItem two = identify("n-2", "Titre", LINK, T0);
		IdentifiedItem three = identify("n-3", "Titre", LINK, T0);

		List<IdentifiedItem> poll = relabel(List.of(one, two, three), Set.of(), firstStored, secondStored);

		assertThat(poll).extracting((item) -> item.item().guid()).containsExactly("s-1", "s-2", "n-3");
	}

	@Test
	void aKnownItemIsLeftAsItIs() {
		IdentifiedItem stored = identify("s-1", "Titre", LINK, T0);
		IdentifiedItem known = identify("k", "Titre", LINK, T0);

		assertThat(relabel(List.of(known), Set.of(known.fingerprint().itemKey()), stored)).containsExactly(known);
	}

	private static List<IdentifiedItem> relabel(List<IdentifiedItem> poll, Set<String> known,
			IdentifiedItem... stored) {
		List<RelabelledItems.Stored> rows = new ArrayList<>();
		for (IdentifiedItem one : stored) {
			Item item = one.item();
			rows.add(new RelabelledItems.Stored(one.fingerprint().itemKey(), item.guid(),
					one.fingerprint().linkKey(), item.title(), item.published(), item.publishedKnown()));
		}
		return RelabelledItems.relabel(poll, known, rows);
	}

	private static IdentifiedItem identify(@Nullable String guid, String title, @Nullable String link,
			Instant published) {
		return IdentifiedItem.of(item(guid, title, link, published));
	}

	private static Item item(@Nullable String guid, String title, @Nullable String link, Instant published) {
		return new Item(guid, title, (link != null) ? URI.create(link) : null, "<p>" + title + "</p>", title,
				published, true, List.of());
	}

	private static Item undated(Item item) {
		return new Item(item.guid(), item.title(), item.link(), item.summaryHtml(), item.summaryText(),
				item.published(), false, item.categories());
	}

}

package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import fr.manchette.support.StoreTest;
import fr.manchette.support.StoredPolls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What retention deleted of the undated items, remembered while their feeds list them. */
@StoreTest
class PrunedItemsTests {

	private static final Instant T0 = StoreTest.NOW;

	@Autowired
	private ItemRepository items;

	@Autowired
	private ItemPruner pruner;

	@Autowired
	private PrunedItems pruned;

	@Test
	void theUndatedItemsRetentionDeletesAreRememberedUntilNoPollListsThemForARetention() {
		Instant seen = T0.minusSeconds(40L * 86_400);
		StoredPolls.save(this.items, "hespress", List.of(item("dated", "Le Parlement adopte la loi", seen, true),
				item("undated", "Éditorial : le temps long", seen, false)), seen);
		StoredPolls.save(this.items, "hespress", List.of(item("recent", "Le Wydad en finale", T0, true)), T0);
		StoredPolls.save(this.items, "le360", List.of(item("other", "Éditorial du 360", seen, false)), seen);
		String undated = key("undated");

		assertThat(this.pruner.pruneOlderThan(T0.minusSeconds(30L * 86_400))).isEqualTo(3);

		// The dated one is kept out by its date; only the undated ones are remembered, each in its source.
		assertThat(this.pruned.listedAgain("hespress", List.of(listed("dated"), listed("undated"), listed("other")), Set.of(), T0))
			.containsExactly(undated);
		assertThat(this.pruned.listedAgain("le360", List.of(listed("other")), Set.of(), T0.minusSeconds(86_400))).hasSize(1);
		assertThat(this.pruned.listedAgain("le360", List.of(), Set.of(), T0)).isEmpty();
		// Seen by a poll at T0: kept; le360's last seen a day earlier: forgotten first.
		assertThat(this.pruned.forgetOlderThan(T0.minusSeconds(3_600))).isOne();
		assertThat(this.pruned.listedAgain("le360", List.of(listed("other")), Set.of(), T0)).isEmpty();
		assertThat(this.pruned.forgetOlderThan(T0.plusSeconds(1))).isOne();
		assertThat(this.pruned.listedAgain("hespress", List.of(listed("undated")), Set.of(), T0)).isEmpty();
	}

	@Test
	void anItemRetentionDeletedIsFoundUnderANewGuidByItsLinkAndHeadlineAndSeenUnderItsOwnKey() {
		Instant seen = T0.minusSeconds(40L * 86_400);
		Item editorial = item("s-1", "Éditorial : le temps long", seen, false);
		StoredPolls.save(this.items, "hespress", List.of(editorial), seen);
		assertThat(this.pruner.pruneOlderThan(T0.minusSeconds(30L * 86_400))).isOne();

		// The feed lists it under another guid at every poll: the link and the headline are those of the pruned one.
		IdentifiedItem again = IdentifiedItem.of(editorial.withGuid("s-2"));
		assertThat(this.pruned.listedAgain("hespress", List.of(again), Set.of(), T0.minusSeconds(86_400)))
			.containsExactly(again.fingerprint().itemKey());
		IdentifiedItem later = IdentifiedItem.of(editorial.withGuid("s-3"));
		assertThat(this.pruned.listedAgain("hespress", List.of(later), Set.of(), T0)).containsExactly(later.fingerprint().itemKey());
		// Another headline under the link is another item; and another source's is its own.
		assertThat(this.pruned.listedAgain("hespress",
				List.of(IdentifiedItem.of(new Item("s-4", "Éditorial : le temps court", editorial.link(), "", "", seen,
						false, List.of()))), Set.of(), T0)).isEmpty();
		assertThat(this.pruned.listedAgain("le360", List.of(later), Set.of(), T0)).isEmpty();
		// The poll at T0 saw it, under its first key: one row, kept for another retention from then.
		assertThat(this.pruned.forgetOlderThan(T0.minusSeconds(3_600))).isZero();
		assertThat(this.pruned.forgetOlderThan(T0.plusSeconds(1))).isOne();
	}

	/** An item as a poll lists it: the same key in any source, its guid's. */
	private static IdentifiedItem listed(String guid) {
		return IdentifiedItem.of(item(guid, "", T0, true));
	}

	private static String key(String guid) {
		return listed(guid).fingerprint().itemKey();
	}

	private static Item item(String guid, String title, Instant published, boolean known) {
		return new Item(guid, title, URI.create("https://h.ma/" + guid), "<p>" + title + "</p>", title, published, known,
				List.of());
	}

}

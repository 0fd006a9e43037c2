package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import fr.manchette.dedup.Deduplicator;
import fr.manchette.normalize.Item;
import fr.manchette.support.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edits that other instances' story windows read: an edit is recorded when it changes the headline, read in
 * order with the item's headline as it is now, and forgotten once older than any story window.
 */
@StoreTest
class HeadlineEditsTests {

	private static final Instant T0 = StoreTest.NOW;

	@Autowired
	private ItemRepository items;

	@Autowired
	private HeadlineEdits edits;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anEditIsRecordedWhenItChangesTheHeadlineAndReadWithTheHeadlineAsItIsNow() {
		long start = this.edits.lastId();
		long id = this.items.insert("hespress", ItemRepositoryTests.assigned(ItemRepositoryTests.identify(0, 1)), T0)
			.values()
			.iterator()
			.next();

		// Its summary changes, its headline not: nothing for the windows.
		edit(id, "Titre 0", "<p>Résumé complété</p>", T0.plusSeconds(60));
		assertThat(this.edits.after(start, 10)).isEmpty();

		edit(id, "Titre 0, corrigé", "<p>Résumé complété</p>", T0.plusSeconds(120));
		edit(id, "Titre 0, corrigé deux fois", "<p>Résumé complété</p>", T0.plusSeconds(180));
		List<HeadlineEdits.Edit> read = this.edits.after(start, 10);
		assertThat(read).hasSize(2).allSatisfy((edit) -> {
			assertThat(edit.headline().id()).isEqualTo(id);
			assertThat(edit.headline().title()).isEqualTo("Titre 0, corrigé deux fois");
		});
		assertThat(read.get(0).id()).isLessThan(read.get(1).id());
		assertThat(this.edits.lastId()).isEqualTo(read.get(1).id());
		assertThat(this.edits.after(read.get(0).id(), 10)).extracting(HeadlineEdits.Edit::id)
			.containsExactly(read.get(1).id());

		// The item pruned: the edits are still read, in their place, with no headline.
		this.jdbc.sql("DELETE FROM item WHERE id = :id").param("id", id).update();
		assertThat(this.edits.after(start, 10)).hasSize(2).allSatisfy((edit) -> assertThat(edit.headline()).isNull());

		assertThat(this.edits.forgetBefore(T0.plusSeconds(150))).isEqualTo(1);
		assertThat(this.edits.after(start, 10)).extracting(HeadlineEdits.Edit::id).containsExactly(read.get(1).id());
	}

	private void edit(long id, String title, String summary, Instant at) {
		Item item = new Item("g0", title, URI.create("https://h.ma/0"), summary, title, T0, true, List.of());
		this.items.update(List.of(new EditedItem(id, T0, new Deduplicator().identify(List.of(item)).get(0))), at);
	}

}

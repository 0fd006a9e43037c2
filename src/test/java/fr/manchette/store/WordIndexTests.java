package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import fr.manchette.normalize.Item;
import fr.manchette.support.StoreTest;
import fr.manchette.support.StoredPolls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Searches through the word index give what the walk gives: rare words, word starts, several words, edits, prunes,
 * the items stored since the last indexing (the tail), and a store indexed anew from its first item.
 */
@StoreTest
class WordIndexTests {

	private static final Instant T0 = StoreTest.NOW;

	@Autowired
	private ItemRepository items;

	@Autowired
	private StoryQueries stories;

	@Autowired
	private ItemPruner pruner;

	@Autowired
	private WordIndex words;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void storeItemsAndARareOne() {
		List<Item> batch = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			batch.add(item("m" + i, "Le Maroc investit " + i, T0.plusSeconds(i)));
		}
		batch.add(item("rare", "Ounahi brille au Panathinaïkos", T0.minusSeconds(86_400)));
		batch.add(item("zz", "Le club de Zzyzx gagne", T0.minusSeconds(3_600)));
		StoredPolls.save(this.items, "hespress", batch, T0.plusSeconds(10_000));
		indexAll();
	}

	@Test
	void aRareWordIsFoundThroughTheIndexACommonOneByTheWalk() {
		List<Item> more = new ArrayList<>();
		for (int i = 100; i < WordIndex.RARE + 100; i++) {
			more.add(item("m" + i, "Le Maroc investit " + i, T0.plusSeconds(i)));
		}
		StoredPolls.save(this.items, "hespress", more, T0.plusSeconds(10_000));
		indexAll();

		assertThat(this.words.narrow("i", List.of("panathinaikos"), new HashMap<>())).isNotEmpty();
		assertThat(this.words.narrow("i", List.of("maroc"), new HashMap<>())).isEmpty();
		assertThat(this.words.narrow("i", List.of("maroc", "ounahi"), new HashMap<>())).contains(".id IN");

		assertThat(titles("panathinaikos")).containsExactly("Ounahi brille au Panathinaïkos");
		assertThat(titles("PANATHIN")).containsExactly("Ounahi brille au Panathinaïkos");
		assertThat(titles("maroc panathinaikos")).isEmpty();
		assertThat(titles("ounahi panathinaikos")).containsExactly("Ounahi brille au Panathinaïkos");
		assertThat(titles("zzyzx")).containsExactly("Le club de Zzyzx gagne");
		assertThat(titles("introuvable")).isEmpty();
		assertThat(titles("maroc")).hasSize(50).first().isEqualTo("Le Maroc investit " + (WordIndex.RARE + 99));
	}

	@Test
	void anEditedItemIsFoundByItsNewWordsOnly() {
		StoredPolls.save(this.items, "hespress", List.of(item("rare", "Ounahi rejoint l’Olympiakos",
				T0.minusSeconds(86_400))), T0.plusSeconds(20_000));

		assertThat(titles("panathinaikos")).isEmpty();
		assertThat(titles("brille")).isEmpty();
		assertThat(titles("olympiakos")).containsExactly("Ounahi rejoint l’Olympiakos");
		assertThat(titles("ounahi")).containsExactly("Ounahi rejoint l’Olympiakos");
		// Its new word is in the index at once, before the indexer's next round.
		assertThat(indexed("olympiakos")).isEqualTo(1);
		assertThat(this.words.narrow("i", List.of("olympiakos"), new HashMap<>())).contains(".id IN");
	}

	@Test
	void prunedItemsTakeTheirWordsWithThem() {
		this.pruner.pruneOlderThan(T0.minusSeconds(7_200));

		assertThat(titles("panathinaikos")).isEmpty();
		assertThat(indexed("panathinaikos")).isZero();
		assertThat(indexed("ounahi")).isZero();
		// The items of the same blocks keep their words.
		assertThat(indexed("maroc")).isEqualTo(100);
		assertThat(indexed("zzyzx")).isEqualTo(1);
	}

	@Test
	void aBlockLeftWithoutItemsLeavesTheIndex() {
		long rows = blockRows();
		this.pruner.pruneOlderThan(T0.plusSeconds(100_000));

		assertThat(rows).isPositive();
		assertThat(blockRows()).isZero();
		assertThat(titles("maroc")).isEmpty();
	}

	@Test
	void itemsStoredSinceTheLastIndexingAreFoundBeforeTheIndexerReachesThem() {
		StoredPolls.save(this.items, "hespress", List.of(item("ziyech", "Ziyech marque à Doha", T0.plusSeconds(5))),
				T0.plusSeconds(10_000));

		assertThat(indexed("ziyech")).isZero();
		assertThat(this.words.narrow("i", List.of("ziyech"), new HashMap<>())).contains(".id > ");
		assertThat(titles("ziyech")).containsExactly("Ziyech marque à Doha");
		assertThat(titles("ziyech panathinaikos")).isEmpty();
		assertThat(titles("panathinaikos")).containsExactly("Ounahi brille au Panathinaïkos");

		assertThat(indexAll()).isEqualTo(1);
		assertThat(indexed("ziyech")).isEqualTo(1);
		assertThat(titles("ziyech")).containsExactly("Ziyech marque à Doha");
	}

	@Test
	void aBacklogLongerThanARareWordsShareIsWalked() {
		List<Item> more = new ArrayList<>();
		for (int i = 0; i <= WordIndex.RARE; i++) {
			more.add(item("b" + i, "Le budget " + i, T0.minusSeconds(i)));
		}
		more.add(item("ziyech", "Ziyech marque à Doha", T0.plusSeconds(5)));
		StoredPolls.save(this.items, "hespress", more, T0.plusSeconds(10_000));

		assertThat(this.words.narrow("i", List.of("ziyech"), new HashMap<>())).isEmpty();
		assertThat(titles("ziyech")).containsExactly("Ziyech marque à Doha");

		indexAll();
		assertThat(this.words.narrow("i", List.of("ziyech"), new HashMap<>())).contains(".id IN");
		assertThat(titles("ziyech")).containsExactly("Ziyech marque à Doha");
	}

	@Test
	void anItemEditedBeforeItIsIndexedIsFoundByItsNewWordsOnly() {
		StoredPolls.save(this.items, "hespress", List.of(item("ziyech", "Ziyech marque à Doha", T0.plusSeconds(5))),
				T0.plusSeconds(10_000));
		StoredPolls.save(this.items, "hespress", List.of(item("ziyech", "Ziyech blessé à Doha", T0.plusSeconds(5))),
				T0.plusSeconds(20_000));

		indexAll();

		assertThat(titles("blesse")).containsExactly("Ziyech blessé à Doha");
		assertThat(titles("marque")).isEmpty();
		assertThat(indexed("blesse")).isEqualTo(1);
		assertThat(indexed("marque")).isZero();
	}

	@Test
	void aStoreIndexedAnewIsIndexedFromItsFirstItemABatchAtATime() {
		// A store upgraded from a version without the index, or whose index was dropped: indexed up to before its
		// first item (ids go on from other tests' rolled back items).
		this.jdbc.sql("DELETE FROM item_word").update();
		this.jdbc.sql("DELETE FROM item_word_block").update();
		this.jdbc.sql("UPDATE word_index_state SET indexed_to = (SELECT MIN(id) - 1 FROM item)").update();

		assertThat(this.words.narrow("i", List.of("panathinaikos"), new HashMap<>())).contains(".id > ");
		assertThat(titles("panathinaikos")).containsExactly("Ounahi brille au Panathinaïkos");
		// Batches that end inside a block: the next one merges its items into the block's rows.
		assertThat(this.words.indexNext(40)).isEqualTo(40);
		assertThat(this.words.indexNext(1)).isEqualTo(1);
		assertThat(indexAll()).isEqualTo(61);

		assertThat(titles("panathinaikos")).containsExactly("Ounahi brille au Panathinaïkos");
		assertThat(indexed("maroc")).isEqualTo(100);
		assertThat(indexed("investit")).isEqualTo(100);
		assertThat(indexed("ounahi") + indexed("zzyzx")).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT indexed_to FROM word_index_state").query(Long.class).single())
			.isEqualTo(this.jdbc.sql("SELECT MAX(id) FROM item").query(Long.class).single());
	}

	@Test
	void itemsAlreadyIndexedAreNotReadAgain() {
		this.jdbc.sql("DELETE FROM item_word_block").update();

		assertThat(indexAll()).isZero();
		assertThat(blockRows()).isZero();
	}

	@Test
	void keepsWordsOfThreeCharactersAndMoreCutAtSixtyFour() {
		assertThat(WordIndex.words(SearchText.fold("Le roi à Fès : « " + "x".repeat(70) + " » le roi")))
			.containsExactly("roi", "fes", "x".repeat(64));
	}

	@Test
	void leavesOutStopWords() {
		assertThat(WordIndex.words(SearchText.fold("Les élus votent pour la réforme dans les temps, sans débat")))
			.containsExactly("elus", "votent", "reforme", "temps", "debat");
	}

	@Test
	void aWordThatStartsAStopWordIsSearchedByTheWalkAndFindsIt() {
		StoredPolls.save(this.items, "hespress", List.of(item("sans", "Une saison sans titre pour le Wydad", T0),
				item("sante", "Réforme de la santé publique", T0.plusSeconds(1))), T0.plusSeconds(10_000));

		assertThat(this.words.narrow("i", List.of("san"), new HashMap<>())).isEmpty();
		assertThat(titles("san")).containsExactlyInAnyOrder("Une saison sans titre pour le Wydad",
				"Réforme de la santé publique");
		assertThat(titles("sans wydad")).containsExactly("Une saison sans titre pour le Wydad");
	}

	@Test
	void aWordStartIsOneRangeOfKeysWhateverTheLengthOfTheWord() {
		long id = 42;
		long economie = WordIndex.keys(id, SearchText.fold("économie")).iterator().next();
		long econome = WordIndex.keys(id, SearchText.fold("économe")).iterator().next();
		long eco = WordIndex.keys(id, SearchText.fold("éco")).iterator().next();
		long ecrit = WordIndex.keys(id, SearchText.fold("écrit")).iterator().next();
		long[] econom = WordIndex.range("econom");
		long[] ec = WordIndex.range("eco");

		assertThat(economie).isEqualTo(econome).isBetween(econom[0], econom[1] - 1);
		assertThat(List.of(economie, eco)).allSatisfy((key) -> assertThat(key).isBetween(ec[0], ec[1] - 1));
		assertThat(ecrit).isGreaterThanOrEqualTo(ec[1]);
		assertThat(eco).isLessThan(economie);
		assertThat(economie % (1L << WordIndex.ID_BITS)).isEqualTo(id);
		assertThat(WordIndex.range("zzzzz")[1]).isPositive();
	}

	@Test
	void anItemIdBeyondTheIndexsRangeIsRefusedClearly() {
		assertThatIllegalArgumentException().isThrownBy(() -> WordIndex.keys(1L << WordIndex.ID_BITS, " maroc "))
			.withMessageContaining("item id");
	}

	/** What the background indexer does: every item not indexed yet, small batches; how many it indexed. */
	private int indexAll() {
		int indexed = 0;
		for (int batch = this.words.indexNext(50); batch > 0; batch = this.words.indexNext(50)) {
			indexed += batch;
		}
		return indexed;
	}

	/** Items that have a word starting as this one does, in the index: the first five characters count. */
	private long indexed(String word) {
		return this.words.items(word).size();
	}

	private long blockRows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM item_word_block").query(Long.class).single();
	}

	private List<String> titles(String q) {
		return this.stories.latestStories(new ItemQuery(null, q, null, 50))
			.stream()
			.map((story) -> story.lead().title())
			.toList();
	}

	private static Item item(String guid, String title, Instant published) {
		return new Item(guid, title, URI.create("https://h.ma/" + guid), "<p>" + title + "</p>", title, published, true,
				List.of());
	}

}

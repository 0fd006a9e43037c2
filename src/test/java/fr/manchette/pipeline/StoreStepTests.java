package fr.manchette.pipeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.Fingerprint;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import fr.manchette.store.ItemPruner;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.KeyHashes;
import fr.manchette.store.MissingLinkKeys;
import fr.manchette.store.SaveResult;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoredItem;
import fr.manchette.store.Story;
import fr.manchette.store.StoryQueries;
import fr.manchette.support.StoreTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@StoreTest
class StoreStepTests {

	private static final Instant T0 = StoreTest.NOW;

	@Autowired
	private ItemRepository items;

	@Autowired
	private StoryQueries stories;

	@Autowired
	private ItemPruner pruner;

	@Autowired
	private MissingLinkKeys linkKeys;

	@Autowired
	private KeyHashes keyHashes;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StoreStep store;

	@Autowired
	private SourceStatusRepository statuses;

	private final Deduplicator deduplicator = new Deduplicator();

	@Test
	void saveInsertsNewItemsOnce() {
		SaveResult first = save("hespress", T0, item("g1", "Carburants : baisse de 10 centimes", "https://a.ma/1", T0));
		SaveResult again = save("hespress", T0.plusSeconds(900),
				item("g1", "Carburants : baisse de 10 centimes", "https://a.ma/1", T0));

		assertThat(first).isEqualTo(new SaveResult(1, 0));
		assertThat(again).isEqualTo(new SaveResult(0, 0));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aFeedThatGivesItsItemsNewGuidsAtEveryFetchKeepsThemOneEachEditedWhenTheyChange() {
		save("lemonde", T0, item("session-1-a", "Carburants : baisse de 10 centimes", "https://c.fr/a", T0),
				item("session-1-b", "Gaza : au moins 80 morts", "https://c.fr/b", T0.minusSeconds(600)));
		SaveResult same = save("lemonde", T0.plusSeconds(900),
				item("session-2-a", "Carburants : baisse de 10 centimes", "https://c.fr/a", T0),
				item("session-2-b", "Gaza : au moins 80 morts", "https://c.fr/b", T0.minusSeconds(600)));
		Item edited = item("session-3-a", "Carburants : baisse de 10 centimes", "https://c.fr/a", T0);
		edited = new Item(edited.guid(), edited.title(), edited.link(), "<p>Mis à jour à 19 h</p>",
				"Mis à jour à 19 h", edited.published(), true, List.of());
		SaveResult changed = save("lemonde", T0.plusSeconds(1800), edited,
				item("session-3-b", "Gaza : au moins 80 morts", "https://c.fr/b", T0.minusSeconds(600)));

		assertThat(same).isEqualTo(new SaveResult(0, 0));
		assertThat(changed).isEqualTo(new SaveResult(0, 1));
		assertThat(count()).isEqualTo(2);
		// Known by their first guids, the edit's content its own.
		assertThat(this.jdbc.sql("SELECT guid || ' ' || summary_text FROM item ORDER BY guid").query(String.class).list())
			.containsExactly("session-1-a Mis à jour à 19 h", "session-1-b Gaza : au moins 80 morts");
	}

	@Test
	void itemsOfOneSourceUnderOneLinkStaySeveral() {
		// A live blog: each entry linked to the live page, two in the first fetch; then a new one, the oldest gone.
		String live = "https://c.fr/direct";
		SaveResult first = save("lemonde", T0, item("entry-1", "En direct : coup d'envoi", live, T0),
				item("entry-2", "En direct : le Maroc mène 1-0", live, T0.plusSeconds(600)));
		SaveResult again = save("lemonde", T0.plusSeconds(900), item("entry-1", "En direct : coup d'envoi", live, T0),
				item("entry-2", "En direct : le Maroc mène 1-0", live, T0.plusSeconds(600)));
		SaveResult next = save("lemonde", T0.plusSeconds(1800),
				item("entry-2", "En direct : le Maroc mène 1-0", live, T0.plusSeconds(600)),
				item("entry-3", "En direct : le Maroc mène 2-0", live, T0.plusSeconds(1500)));

		assertThat(first).isEqualTo(new SaveResult(2, 0));
		assertThat(again).isEqualTo(new SaveResult(0, 0));
		assertThat(next).isEqualTo(new SaveResult(1, 0));
		assertThat(count()).isEqualTo(3);
		// One link, one story.
		assertThat(latest()).hasSize(1);
	}

	@Test
	void anItemUnderTheLinkOfAnotherSourcesIsItsOwn() {
		save("hespress", T0, item("h1", "Le Maroc bat le Sénégal", "https://agence.ma/match", T0));
		SaveResult other = save("le360", T0.plusSeconds(120),
				item("l1", "Le Maroc bat le Sénégal", "https://agence.ma/match", T0));

		assertThat(other).isEqualTo(new SaveResult(1, 0));
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void saveOfAnEditedItemUpdatesItsRowAndKeepsFirstSeenAndPlace() {
		save("le360", T0, item("g1", "Titre provisoire", "https://b.ma/1", T0));
		SaveResult edited = save("le360", T0.plusSeconds(3600),
				item("g1", "Titre définitif", "https://b.ma/1", T0.plusSeconds(3000)));

		StoredItem stored = latest().get(0).lead();
		assertThat(edited).isEqualTo(new SaveResult(0, 1));
		assertThat(stored.title()).isEqualTo("Titre définitif");
		assertThat(stored.firstSeenAt()).isEqualTo(T0);
		assertThat(stored.sortAt()).isEqualTo(T0);
		assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(3600));
	}

	@Test
	void theItemsWrittenGetTheirLanguageDecidedNewAndEdited() {
		// Declared French, written in Arabic: the store writes what the detector reads, for a new item and an edit.
		save("hespress", T0, item("g1", "Carburants : baisse de 10 centimes à la pompe", "https://a.ma/1", T0)
			.withLanguage("fr"), item("g2", "الحكومة تعلن عن خفض أسعار المحروقات", "https://a.ma/2", T0).withLanguage("fr"));
		save("hespress", T0.plusSeconds(900),
				item("g1", "تخفيض أسعار المحروقات بعشرة سنتيمات في محطات الوقود", "https://a.ma/1", T0).withLanguage("fr"));

		assertThat(this.jdbc.sql("SELECT guid, lang FROM item ORDER BY guid")
			.query((row, n) -> row.getString("guid") + "=" + row.getString("lang"))
			.list()).containsExactly("g1=ar", "g2=ar");
	}

	@Test
	void anItemNobodyDeclaresGetsTheLanguageItIsWrittenIn() {
		save("lemonde", T0, item("g1", "Le gouvernement annonce une baisse des prix du carburant à la pompe",
				"https://c.fr/1", T0));

		assertThat(this.jdbc.sql("SELECT lang FROM item").query(String.class).single()).isEqualTo("fr");
	}

	@Test
	void itemsWithoutGuidOrLinkAreKeptAndIdentifiedByTitleAndDate() {
		save("lemonde", T0, item(null, "Sans lien ni guid", null, T0), item(null, "Un autre", null, T0));
		save("lemonde", T0.plusSeconds(60), item(null, "Sans lien ni guid", null, T0));

		assertThat(count()).isEqualTo(2);
	}

	@Test
	void sortTimeIsNeverLaterThanFirstSeen() {
		// A feed that dates its item in the future must not pin it at the top.
		save("lemonde", T0, item("late", "Daté du futur", "https://c.fr/1", T0.plusSeconds(86_400)));
		save("lemonde", T0.plusSeconds(60), item("now", "Publié maintenant", "https://c.fr/2", T0.plusSeconds(30)));

		assertThat(latest()).extracting((story) -> story.lead().title())
			.containsExactly("Publié maintenant", "Daté du futur");
	}

	@Test
	void oldItemsOfANewSourceSlotInByTheirDates() {
		save("lemonde", T0, item("a", "Récent", "https://c.fr/a", T0));
		save("newcomer", T0.plusSeconds(600), item("b", "Vieux", "https://d.fr/b", T0.minusSeconds(86_400)));

		assertThat(latest()).extracting((story) -> story.lead().title()).containsExactly("Récent", "Vieux");
	}

	@Test
	void sameCanonicalLinkInTwoSourcesIsOneStoryWithTheOtherInAlsoIn() {
		save("hespress", T0, item("h1", "Le Maroc bat le Sénégal", "https://agence.ma/match", T0));
		save("le360", T0.plusSeconds(120),
				item("l1", "Le Maroc s'impose face au Sénégal", "https://agence.ma/match", T0.plusSeconds(100)));
		save("le360", T0.plusSeconds(120), item("l2", "Autre chose", "https://le360.ma/2", T0.plusSeconds(110)));

		List<Story> stories = latest();

		assertThat(stories).hasSize(2);
		Story match = stories.get(1);
		assertThat(match.lead().sourceId()).isEqualTo("hespress");
		assertThat(match.alsoIn()).containsExactly("le360");
	}

	@Test
	void nearDuplicateHeadlinesOfTwoSourcesAreOneStoryLedByTheEarliest() {
		save("le360", T0, item("l1", "Carburants : une baisse timide de 10 centimes à la pompe ce vendredi",
				"https://fr.le360.ma/economie/carburants-baisse", T0));
		save("lematin", T0.plusSeconds(1800), item("m1",
				"Carburants: baisse de 10 centimes à la pompe ce vendredi - Le Matin", "https://lematin.ma/1", T0.plusSeconds(1700)));

		List<Story> stories = latest();

		assertThat(stories).singleElement().satisfies((story) -> {
			assertThat(story.lead().sourceId()).isEqualTo("le360");
			assertThat(story.alsoIn()).containsExactly("lematin");
			assertThat(story.others()).extracting(StoredItem::link).containsExactly("https://lematin.ma/1");
		});
	}

	@Test
	void anEarlierItemStoredLaterLeadsTheStory() {
		save("lematin", T0, item("m1", "Le Maroc et la Mauritanie vont relier leurs réseaux électriques",
				"https://lematin.ma/1", T0));
		// A new source's older item, published an hour before.
		save("medias24", T0.plusSeconds(60), item("x1",
				"Interconnexion : le Maroc et la Mauritanie vont relier leurs réseaux électriques", "https://medias24.com/1",
				T0.minusSeconds(3600)));

		assertThat(latest()).singleElement().satisfies((story) -> {
			assertThat(story.lead().sourceId()).isEqualTo("medias24");
			assertThat(story.alsoIn()).containsExactly("lematin");
		});
	}

	@Test
	void twoSourcesBacklogsOlderThanTheWindowAreMatchedToo() {
		// The first polls of a new store: items of a week ago come after today's, whatever the order of the polls.
		save("lemonde", T0, item("a", "Grève à la SNCF : le trafic perturbé jeudi", "https://c.fr/a", T0));
		Instant weekAgo = T0.minus(Duration.ofDays(7));
		save("le360", T0, item("l1", "Météo : de la neige attendue mercredi à Metz", "https://a.ma/1", weekAgo));
		save("lematin", T0.plusSeconds(5), item("m1", "Météo : de la neige attendue mercredi à Metz - Le Matin",
				"https://b.ma/1", weekAgo.plus(Duration.ofHours(2))));
		save("rfi", T0.plusSeconds(9), item("r1", "Météo : de la neige attendue mercredi à Metz", "https://r.fr/1",
				weekAgo.minus(Duration.ofHours(3))));

		assertThat(latest()).hasSize(2).last().satisfies((story) -> {
			assertThat(story.lead().sourceId()).isEqualTo("rfi");
			assertThat(story.alsoIn()).containsExactlyInAnyOrder("le360", "lematin");
		});
	}

	@Test
	void headlinesThatContradictEachOtherStayApart() {
		save("le360", T0, item("l1", "CAN U20 : le Maroc bat le Sénégal 2-1 et file en finale", "https://a.ma/1", T0));
		save("rfi", T0.plusSeconds(600),
				item("r1", "CAN U20 : le Sénégal bat le Maroc 2-1 et file en finale", "https://b.fr/1", T0.plusSeconds(500)));
		save("2m", T0.plusSeconds(600),
				item("d1", "CAN U20 : le Maroc bat le Sénégal 3-0 et file en finale", "https://c.ma/1", T0.plusSeconds(550)));

		assertThat(latest()).hasSize(3).allSatisfy((story) -> assertThat(story.others()).isEmpty());
	}

	@Test
	void nearDuplicatesOfOneSourceStayApart() {
		save("le360", T0, item("l1", "Carburants : baisse de 10 centimes à la pompe ce vendredi", "https://a.ma/1", T0),
				item("l2", "Carburants : une baisse de 10 centimes à la pompe ce vendredi", "https://a.ma/2",
						T0.plusSeconds(60)));

		assertThat(latest()).hasSize(2);
	}

	@Test
	void nearDuplicatesFurtherApartThanTheWindowStayApart() {
		save("le360", T0, item("l1", "Le Maroc et la Mauritanie vont relier leurs réseaux électriques", "https://a.ma/1", T0));
		save("lematin", T0.plus(Duration.ofHours(49)), item("m1",
				"Le Maroc et la Mauritanie vont relier leurs réseaux électriques", "https://b.ma/1",
				T0.plus(Duration.ofHours(49))));

		assertThat(latest()).hasSize(2);
	}

	@Test
	void ampAndMobileVariantsOfALinkAreOneStoryAndKeepTheirLinks() {
		save("a", T0, item("a1", "Un", "https://www.lematin.ma/economie/article-1.html", T0));
		save("b", T0, item("b1", "Deux", "https://m.lematin.ma/economie/article-1.html", T0.plusSeconds(1)));
		save("c", T0, item("c1", "Trois", "https://lematin.ma/amp/economie/article-1.html", T0.plusSeconds(2)));
		save("d", T0, item("d1", "Quatre", "https://lematin.ma/economie/article-1.html?outputType=amp", T0.plusSeconds(3)));
		save("e", T0, item("e1", "Cinq", "https://amp.lematin.ma/economie/article-1.html", T0.plusSeconds(4)));

		assertThat(latest()).singleElement().satisfies((story) -> {
			assertThat(story.alsoIn()).containsExactly("b", "c", "d", "e");
			assertThat(story.others()).extracting(StoredItem::link)
				.containsExactly("https://m.lematin.ma/economie/article-1.html",
						"https://lematin.ma/amp/economie/article-1.html",
						"https://lematin.ma/economie/article-1.html?outputType=amp",
						"https://amp.lematin.ma/economie/article-1.html");
		});
	}

	@Test
	void anItemsStoryIsDecidedWhenFirstStoredAndAnEditDoesNotMoveIt() {
		save("le360", T0, item("l1", "Tanger Med : le trafic conteneurs en hausse de 12% au premier trimestre",
				"https://a.ma/1", T0));
		save("medias24", T0.plusSeconds(60), item("x1",
				"Le trafic conteneurs de Tanger Med grimpe de 12% au premier trimestre", "https://b.ma/1",
				T0.plusSeconds(30)));
		String story = latest().get(0).lead().storyKey();
		// medias24 retitles its item: it stays in the story it joined.
		save("medias24", T0.plusSeconds(3600), item("x1", "Royal Air Maroc reçoit son premier Boeing 787-9",
				"https://b.ma/1", T0.plusSeconds(30)));

		assertThat(this.stories.story(story)).hasValueSatisfying((one) -> assertThat(one.others())
			.extracting(StoredItem::title)
			.containsExactly("Royal Air Maroc reçoit son premier Boeing 787-9"));
	}

	@Test
	void anEditedHeadlineIsMatchedUnderItsNewWords() {
		save("le360", T0, item("l1", "Titre provisoire", "https://a.ma/1", T0));
		save("le360", T0.plusSeconds(600),
				item("l1", "Le Maroc et la Mauritanie vont relier leurs réseaux électriques", "https://a.ma/1", T0));
		save("lematin", T0.plusSeconds(1200), item("m1",
				"Le Maroc et la Mauritanie vont relier leurs réseaux électriques d'ici 2028", "https://b.ma/1",
				T0.plusSeconds(1100)));

		assertThat(latest()).singleElement().satisfies((story) -> assertThat(story.alsoIn()).containsExactly("lematin"));
	}

	@Test
	void storyListsEveryItemTheLeadFirst() {
		save("le360", T0, item("l1", "Marchica Med investit 1,4 milliard pour Atalayoun à Nador", "https://a.ma/1", T0));
		save("hespress", T0.plusSeconds(60), item("h1", "Marchica Med investit 1,4 milliard pour Atalayoun à Nador - Hespress",
				"https://b.ma/1", T0.plusSeconds(50)));
		String key = latest().get(0).lead().storyKey();

		assertThat(this.stories.story(key)).hasValueSatisfying((story) -> {
			assertThat(story.lead().sourceId()).isEqualTo("le360");
			assertThat(story.others()).extracting(StoredItem::sourceId).containsExactly("hespress");
		});
		assertThat(this.stories.story("0".repeat(64))).isEmpty();
	}

	@Test
	void itemsStoredByAnOlderVersionAreMatchedByLinkAndHeadline() {
		// As an older version stored them: no link key.
		for (String[] row : List.of(new String[] { "le360", "https://www.a.ma/1", "Le Maroc et la Mauritanie vont relier leurs réseaux électriques" },
				new String[] { "rfi", "https://b.fr/2", "Gaza : au moins 80 morts dans des frappes israéliennes" })) {
			this.jdbc.sql("""
					INSERT INTO item (source_id, item_key, story_key, link, title, summary_html, summary_text, categories,
					                  search_text, published_at, published_known, first_seen_at, updated_at, sort_at,
					                  content_hash)
					VALUES (:source, :key, :key, :link, :title, '', '', '', '', :at, TRUE, :at, :at, :at, 'x')""")
				.param("source", row[0]).param("key", Fingerprint.sha256(row[1])).param("link", row[1])
				.param("title", row[2]).param("at", T0.atOffset(ZoneOffset.UTC))
				.update();
		}

		// As the upgrade that found them marks them.
		this.jdbc.sql("INSERT INTO pending_backfill (name) VALUES ('link_keys')").update();
		assertThat(this.linkKeys.complete()).isEqualTo(2);
		assertThat(this.linkKeys.complete()).isZero();
		// And the hashes of their keys, as the background fill gives them (KeyHashBackfill).
		assertThat(this.keyHashes.fillNext()).isEqualTo(2);
		assertThat(this.keyHashes.fillNext()).isZero();
		save("lematin", T0.plusSeconds(60), item("m1", "Le Maroc et la Mauritanie vont relier leurs réseaux électriques",
				"https://lematin.ma/1", T0.plusSeconds(60)));
		save("h24", T0.plusSeconds(60), item("x1", "Autre titre", "https://m.a.ma/1", T0.plusSeconds(70)));

		assertThat(latest()).hasSize(2).anySatisfy((story) -> {
			assertThat(story.lead().sourceId()).isEqualTo("le360");
			assertThat(story.alsoIn()).containsExactly("lematin", "h24");
		});
	}

	@Test
	void sourceFilterKeepsOnlyThoseSources() {
		save("hespress", T0, item("h1", "Un", "https://h.ma/1", T0));
		save("le360", T0, item("l1", "Deux", "https://l.ma/1", T0.plusSeconds(1)));

		assertThat(this.stories.latestStories(new ItemQuery(Set.of("hespress"), null, null, 50)))
			.extracting((story) -> story.lead().title())
			.containsExactly("Un");
		assertThat(this.stories.latestStories(new ItemQuery(Set.of(), null, null, 50))).isEmpty();
	}

	@Test
	void textSearchIgnoresAccentsAndCase() {
		save("hespress", T0.plusSeconds(300), item("h1", "L’Étoile de Casablanca gagne", "https://h.ma/1", T0),
				item("h2", "Rien à voir", "https://h.ma/2", T0.plusSeconds(1)),
				item("h3", "Œuvre inédite dévoilée", "https://h.ma/3", T0.plusSeconds(2)));

		assertThat(titles(new ItemQuery(null, "etoile", null, 50))).containsExactly("L’Étoile de Casablanca gagne");
		assertThat(titles(new ItemQuery(null, "ÉTOILE casablanca", null, 50)))
			.containsExactly("L’Étoile de Casablanca gagne");
		assertThat(titles(new ItemQuery(null, "oeuvre", null, 50))).containsExactly("Œuvre inédite dévoilée");
		assertThat(titles(new ItemQuery(null, "100%_", null, 50))).isEmpty();
	}

	@Test
	void sinceAndLimitBoundTheList() {
		save("hespress", T0.plusSeconds(300), item("h1", "Ancien", "https://h.ma/1", T0),
				item("h2", "Moyen", "https://h.ma/2", T0.plusSeconds(60)),
				item("h3", "Récent", "https://h.ma/3", T0.plusSeconds(120)));

		assertThat(titles(new ItemQuery(null, null, T0.plusSeconds(60), 50))).containsExactly("Récent", "Moyen");
		assertThat(titles(new ItemQuery(null, null, null, 1))).containsExactly("Récent");
	}

	@Test
	void pruneDeletesItemsOlderThanTheCutoff() {
		save("hespress", T0, item("h1", "Ancien", "https://h.ma/1", T0.minusSeconds(40L * 86_400)),
				item("h2", "Récent", "https://h.ma/2", T0));

		assertThat(this.pruner.pruneOlderThan(T0.minusSeconds(30L * 86_400))).isEqualTo(1);
		assertThat(titles(ItemQuery.latest(50))).containsExactly("Récent");
	}

	@Test
	void pruneWorksThroughABacklogInBatches() {
		Item[] old = new Item[2500];
		for (int i = 0; i < old.length; i++) {
			old[i] = item("old-" + i, "Ancien " + i, "https://h.ma/old/" + i, T0.minusSeconds(40L * 86_400 + i));
		}
		save("hespress", T0, old);
		save("hespress", T0, item("new", "Récent", "https://h.ma/new", T0));

		assertThat(this.pruner.pruneOlderThan(T0.minusSeconds(30L * 86_400))).isEqualTo(2500);
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void countBySourceCountsEachSourcesItems() {
		save("hespress", T0, item("h1", "Un", "https://h.ma/1", T0), item("h2", "Deux", "https://h.ma/2", T0));
		save("le360", T0, item("l1", "Trois", "https://l.ma/1", T0));

		assertThat(this.items.countBySource()).containsEntry("hespress", 2L).containsEntry("le360", 1L);
	}

	@Test
	void eachSourcesItemCountIsKeptByItsPollsAndCountedAgainAfterPruning() {
		save("hespress", T0, item("h1", "Ancien", "https://h.ma/1", T0.minusSeconds(40L * 86_400)),
				item("h2", "Récent", "https://h.ma/2", T0));
		save("hespress", T0.plusSeconds(60), item("h2", "Récent, modifié", "https://h.ma/2", T0),
				item("h3", "Nouveau", "https://h.ma/3", T0.plusSeconds(30)));
		save("le360", T0, item("l1", "Trois", "https://l.ma/1", T0));
		assertThat(this.statuses.itemCounts()).isEqualTo(this.items.countBySource())
			.containsEntry("hespress", 3L)
			.containsEntry("le360", 1L);

		this.pruner.pruneOlderThan(T0.minusSeconds(30L * 86_400));

		assertThat(this.statuses.itemCounts()).isEqualTo(this.items.countBySource()).containsEntry("hespress", 2L);
	}

	@Test
	void aStoredItemThatALaterSliceListsIsNotTakenOverByACopyUnderANewGuidInAnEarlierOne() {
		int size = 2 * StoreStep.SLICE + StoreStep.SLICE / 2;
		int later = 2 * StoreStep.SLICE + 17;
		List<Item> feed = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			feed.add(item("g" + i, "Archives " + i + " : le budget de l'année " + (1900 + i % 100), "https://d.fr/" + i,
					T0.minusSeconds(60L * i)));
		}
		save("archives", T0, feed.toArray(Item[]::new));
		Item listed = feed.get(later);
		feed.add(0, item("g-copy", listed.title(), listed.link().toString(), listed.published()));

		SaveResult again = save("archives", T0.plusSeconds(900), feed.toArray(Item[]::new));

		// As in a poll of one slice: the copy is an item of its own, the stored one left as it was.
		assertThat(again).isEqualTo(new SaveResult(1, 0));
		assertThat(this.jdbc.sql("SELECT guid FROM item WHERE link = ?")
			.param(listed.link().toString())
			.query(String.class)
			.list()).containsExactlyInAnyOrder("g" + later, "g-copy");
	}

	@Test
	void aPollOfSeveralSlicesStoresEachItemOnceJoinsLinksAcrossSlicesAndRecordsItsOutcomeOnce() {
		// Two slices and a half; the same guid twice and one link under two guids across the first slices' border.
		int size = 2 * StoreStep.SLICE + StoreStep.SLICE / 2;
		List<Item> feed = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			feed.add(item("g" + i, "Archives " + i + " : le budget de l'année " + (1900 + i % 100), "https://d.fr/" + i,
					T0.minusSeconds(60L * i)));
		}
		int border = StoreStep.SLICE;
		feed.set(border, item("g" + (border - 1), "Doublon du même guid", "https://d.fr/doublon", T0));
		feed.set(border + 1, item("g-other", "Le même article sous un autre guid", "https://d.fr/" + (border - 2),
				T0.minusSeconds(60L * (border + 1))));
		List<Integer> outcomes = new ArrayList<>();

		SaveResult saved = this.store.store("archives", this.deduplicator.identify(feed), T0, (inserted) -> {
			outcomes.add(inserted.count());
			return SourceStatus.unknown("archives", "https://archives.test/feed")
				.succeeded(T0, "\"v1\"", null, T0.plusSeconds(900), null, null);
		});
		String etag = this.statuses.find("archives").orElseThrow().etag();
		SaveResult again = save("archives", T0.plusSeconds(900), feed.toArray(Item[]::new));

		assertThat(saved).isEqualTo(new SaveResult(size - 1, 0));
		assertThat(outcomes).containsExactly(size - 1);
		assertThat(etag).isEqualTo("\"v1\"");
		assertThat(again).isEqualTo(new SaveResult(0, 0));
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT item_key) FROM item").query(Long.class).single())
			.isEqualTo(count())
			.isEqualTo(size - 1);
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT story_key) FROM item WHERE link IN ('https://d.fr/"
				+ (border - 2) + "')").query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item WHERE link IN ('https://d.fr/" + (border - 2) + "')")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private SaveResult save(String source, Instant seenAt, Item... items) {
		List<IdentifiedItem> identified = this.deduplicator.identify(List.of(items));
		return this.store.store(source, identified, seenAt, SourceStatus.unknown(source, "https://" + source + ".test/feed"));
	}

	private List<Story> latest() {
		return this.stories.latestStories(ItemQuery.latest(50));
	}

	private List<String> titles(ItemQuery query) {
		return this.stories.latestStories(query).stream().map((story) -> story.lead().title()).toList();
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
	}

	private static Item item(@Nullable String guid, String title, @Nullable String link, Instant published) {
		return new Item(guid, title, (link != null) ? URI.create(link) : null, "<p>" + title + "</p>", title,
				published, true, List.of());
	}

}

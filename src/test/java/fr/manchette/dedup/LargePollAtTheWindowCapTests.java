package fr.manchette.dedup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.manchette.editorial.EditorialStage;
import fr.manchette.normalize.Item;
import fr.manchette.pipeline.StoreStep;
import fr.manchette.pipeline.StoryEvents;
import fr.manchette.store.HeadlineEdits;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoredHeadlines;
import fr.manchette.support.StoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll of several slices ({@link StoreStep#SLICE}) when the story window is at the number of headlines it may
 * hold: its slices decide their stories as one slice would, with what the window held before the poll. Its first
 * slices' headlines do not push out the older headlines its last slice tells the story of; the cap holds again once
 * it is stored.
 */
@StoreTest
class LargePollAtTheWindowCapTests {

	private static final Instant T0 = StoreTest.NOW;

	/** Headlines the window may hold: fewer than it holds before the poll and the poll's first slice together. */
	private static final int CAP = 2_000;

	private static final int FILLERS = 1_500;

	/** Two slices and a half. */
	private static final int SIZE = 2 * StoreStep.SLICE + StoreStep.SLICE / 2;

	/** An item of the first slice that tells the older source's story, the oldest of the poll. */
	private static final int FIRST_TELLING = 5;

	/** An item of the third slice that tells it again, under a link of its own. */
	private static final int TOLD_AGAIN = 2 * StoreStep.SLICE + 13;

	/** An item of the third slice under the link of {@link #FIRST_TELLING}. */
	private static final int SAME_LINK = 2 * StoreStep.SLICE + 15;

	/** An item of the third slice that tells an older headline's story, which no item of the first slices tells. */
	private static final int ONLY_LATER = 2 * StoreStep.SLICE + 19;

	/** An item of the third slice of another story, of the same time. */
	private static final int OTHER_STORY = 2 * StoreStep.SLICE + 17;

	private static final String TOLD = "Le port de Tanger Med bat son record de conteneurs en novembre";

	private static final String TOLD_LATER = "Sécheresse : les barrages du Souss remplis à 12 % de leur capacité";

	@Autowired
	private ItemRepository items;

	@Autowired
	private StoredHeadlines headlines;

	@Autowired
	private HeadlineEdits edits;

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private StoryMatcher matcher;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private StoryEvents events;

	@Autowired
	private EditorialStage editorial;

	@Autowired
	private Clock clock;

	@Autowired
	private JdbcClient jdbc;

	private StoryWindow window;

	private StoreStep store;

	@BeforeEach
	void smallWindow() {
		this.window = new StoryWindow(Duration.ofHours(48), this.clock, CAP);
		this.store = new StoreStep(this.items, this.headlines, this.edits, this.statuses,
				new StoryAssigner(this.matcher, this.window), this.window, this.transaction, this.events,
				this.editorial);
	}

	@Test
	void aLargePollFindsTheOlderHeadlinesItsFirstSlicesWouldPushOutOfAFullWindow() {
		save("older", List.of(item("o-1", TOLD, "https://older.example/tanger-med", T0.minus(Duration.ofHours(40))),
				item("o-2", TOLD_LATER, "https://older.example/souss", T0.minus(Duration.ofHours(40)))));
		List<Item> fillers = new ArrayList<>();
		for (int i = 0; i < FILLERS; i++) {
			fillers.add(item("f-" + i, "Bulletin météo n° " + i + " : averses attendues sur la région " + i,
					"https://filler.example/" + i, T0.minus(Duration.ofHours(30)).plusSeconds(60L * i)));
		}
		save("filler", fillers);
		assertThat(this.window.size()).isEqualTo(FILLERS + 2);

		List<Item> poll = new ArrayList<>();
		for (int i = 0; i < SIZE; i++) {
			Instant old = T0.minus(Duration.ofHours(40)).plusSeconds(i);
			poll.add(switch (i) {
				case FIRST_TELLING -> item("a-" + i, TOLD, "https://a.example/tanger-med", old);
				case TOLD_AGAIN -> item("a-" + i, TOLD, "https://a.example/tanger-med-suite", old);
				case SAME_LINK -> item("a-" + i, "Tanger Med : le record en images", "https://a.example/tanger-med",
						old);
				case ONLY_LATER -> item("a-" + i, TOLD_LATER, "https://a.example/souss", old);
				case OTHER_STORY -> item("a-" + i, "Incendie dans un entrepôt de la zone franche de Kénitra",
						"https://a.example/kenitra", old);
				default -> item("a-" + i, "Archives n° " + i + " : le conseil municipal vote son budget",
						"https://a.example/" + i, T0.minus(Duration.ofHours(20)).plusSeconds(10L * i));
			});
		}
		assertThat(save("archives", poll)).isEqualTo(SIZE);

		String story = storyOf("o-1");
		// Told in the first slice and again in the third: one story, the older source's.
		assertThat(storyOf("a-" + FIRST_TELLING)).isEqualTo(story);
		assertThat(storyOf("a-" + TOLD_AGAIN)).isEqualTo(story);
		assertThat(storyOf("a-" + SAME_LINK)).isEqualTo(story);
		// Its first slices pushed no older headline out of the full window before its last slice found it.
		assertThat(storyOf("a-" + ONLY_LATER)).isEqualTo(storyOf("o-2"));
		// Two stories stay two.
		assertThat(storyOf("a-" + OTHER_STORY)).isNotEqualTo(story);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item WHERE story_key = ?").param(story).query(Long.class).single())
			.isEqualTo(4);
		// Once the poll is stored, the window holds no more than it may.
		assertThat(this.window.size()).isLessThanOrEqualTo(CAP);
	}

	private int save(String source, List<Item> items) {
		List<IdentifiedItem> identified = new Deduplicator().identify(items);
		return this.store
			.store(source, identified, T0, SourceStatus.unknown(source, "https://" + source + ".example/feed"))
			.inserted();
	}

	private String storyOf(String guid) {
		return this.jdbc.sql("SELECT story_key FROM item WHERE guid = ?").param(guid).query(String.class).single();
	}

	private static Item item(String guid, String title, String link, Instant published) {
		return new Item(guid, title, URI.create(link), "<p>" + title + "</p>", title, published, true, List.of());
	}

}

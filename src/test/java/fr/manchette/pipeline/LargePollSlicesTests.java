package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed of more items than a slice ({@link StoreStep#SLICE}), through the real pipeline and store: read, judged and
 * stored a slice at a time in one transaction, it must store what a poll of one slice would, no item lost or doubled
 * across a slice's border, and nothing of it when it fails in a later slice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "manchette.polling.enabled=false")
class LargePollSlicesTests {

	private static final Instant NOW = Instant.now();

	/** Two slices and a half. */
	private static final int SIZE = 2 * StoreStep.SLICE + StoreStep.SLICE / 2;

	/** An item of the second slice that lists again the guid of one of the first. */
	private static final int REPEAT = StoreStep.SLICE + 5;

	/** An item of the second slice under a guid of its own, with the link, headline and date of one of the first. */
	private static final int SECOND_GUID = StoreStep.SLICE + 7;

	/** The item of the first slice whose link {@link #SECOND_GUID} has. */
	private static final int FIRST_GUID = 3;

	/** An item of the third slice that the source's rule drops. */
	private static final int SPONSORED = 2 * StoreStep.SLICE + 11;

	/** An item of the third slice that tells the story of another source's item. */
	private static final int ECHO = 2 * StoreStep.SLICE + 13;

	/** An item of the third slice. */
	private static final int LATER = 2 * StoreStep.SLICE + 17;

	private static final String ECHOED = "Le port de Tanger Med bat son record de conteneurs en novembre";

	@RegisterExtension
	static WireMockExtension server = Sites.forEachTest((options) -> options.gzipDisabled(true));

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String url = "http://localhost:" + server.getPort();
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca")
			.source("archives", "Archives", url + "/archives", """
					drop:
					  - title: "re:^Publireportage"
					""")
			.source("rotating", "Guids tournants", url + "/rotating")
			.source("relisted", "Relistés", url + "/relisted")
			.source("sponsored", "Sponsorisés", url + "/sponsored", """
					drop:
					  - title: "re:^Publireportage"
					""")
			.source("failing", "Échec", url + "/failing")
			.source("wire", "Dépêches", url + "/wire"));
	}

	@Test
	void aFeedOfSeveralSlicesKeepsItsRepeatsOnceItsGuidsApartItsRulesAndItsStories() {
		serve("wire", feed("wire", 1, (i) -> item("w-1", ECHOED, "https://wire.example/tanger-med", 20)));
		assertThat(poll("wire").inserted()).isEqualTo(1);
		String archives = feed("archives", SIZE, (i) -> switch (i) {
			case REPEAT -> item("a-" + FIRST_GUID, "Le même guid, listé une seconde fois", "https://a.example/repeat", 5);
			case SECOND_GUID -> archive(FIRST_GUID, "a-other");
			case SPONSORED -> item("a-" + i, "Publireportage : les meilleures offres", "https://a.example/pub", 6);
			case ECHO -> item("a-" + i, ECHOED, "https://a.example/tanger-med", 10);
			default -> archive(i, "a-" + i);
		});
		serve("archives", archives);

		PollReport report = poll("archives");

		// All but the repeat and the sponsored item, each once; the validators saved with them.
		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(report.inserted()).isEqualTo(SIZE - 2);
		assertThat(count("archives")).isEqualTo(SIZE - 2);
		assertThat(this.statuses.find("archives").orElseThrow().etag()).isEqualTo("\"archives-v1\"");
		// The first of the repeated guid is kept, as in a poll of one slice.
		assertThat(titles("archives", "a-" + FIRST_GUID)).containsExactly(archiveTitle(FIRST_GUID));
		// One link under two guids: two items, not one taken over by the other, in one story.
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item WHERE source_id = 'archives' AND link = ?")
			.param(archiveLink(FIRST_GUID))
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT story_key) FROM item WHERE link = ?")
			.param(archiveLink(FIRST_GUID))
			.query(Long.class)
			.single()).isEqualTo(1);
		// The rule's drop is remembered, and the third slice's item joins the other source's story.
		assertThat(titles("archives", "a-" + SPONSORED)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM dropped_item WHERE source_id = 'archives'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT story_key) FROM item WHERE title = ?")
			.param(ECHOED)
			.query(Long.class)
			.single()).isEqualTo(1);

		// Fetched again whole (another ETag): nothing new, nothing doubled.
		server.stubFor(WireMock.get("/archives")
			.willReturn(aResponse().withHeader("ETag", "\"archives-v2\"").withBody(archives)));
		assertThat(poll("archives").inserted()).isZero();
		assertThat(count("archives")).isEqualTo(SIZE - 2);
	}

	@Test
	void aFeedWhoseGuidsChangeAtEveryFetchIsRecognisedInEverySlice() {
		serve("rotating", feed("rotating", SIZE, (i) -> archive(i, "session-1-" + i)));
		assertThat(poll("rotating").inserted()).isEqualTo(SIZE);

		serve("rotating", feed("rotating", SIZE, (i) -> archive(i, "session-2-" + i)));
		PollReport again = poll("rotating");

		assertThat(again.inserted()).isZero();
		assertThat(count("rotating")).isEqualTo(SIZE);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item WHERE source_id = 'rotating' AND guid LIKE 'session-1-%'")
			.query(Long.class)
			.single()).isEqualTo(SIZE);
	}

	@Test
	void aStoredItemListedInALaterSliceIsNotTakenOverByACopyUnderANewGuidInAnEarlierOne() {
		serve("relisted", feed("relisted", SIZE, (i) -> archive(i, "r-" + i)));
		assertThat(poll("relisted").inserted()).isEqualTo(SIZE);
		// One more item on top, in the first slice: the link, headline and date of an item of the third slice, under
		// a guid of its own; that one is still listed under its own guid.
		serve("relisted", feed("relisted", SIZE + 1,
				(i) -> (i == 0) ? archive(LATER, "r-copy") : archive(i - 1, "r-" + (i - 1))));

		PollReport again = poll("relisted");

		// As in a poll of one slice: two items under two guids, in one story, the stored one as it was.
		assertThat(again.inserted()).isEqualTo(1);
		assertThat(again.updated()).isZero();
		assertThat(titles("relisted", "r-copy")).containsExactly(archiveTitle(LATER));
		assertThat(titles("relisted", "r-" + LATER)).containsExactly(archiveTitle(LATER));
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT story_key) FROM item WHERE link = ?")
			.param(archiveLink(LATER))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(count("relisted")).isEqualTo(SIZE + 1);
	}

	@Test
	void aDroppedItemListedInALaterSliceIsNotTakenForACopyUnderANewGuidInAnEarlierOne() {
		serve("sponsored", feed("sponsored", SIZE, (i) -> (i == LATER) ? sponsored("s-" + i) : archive(i, "s-" + i)));
		assertThat(poll("sponsored").inserted()).isEqualTo(SIZE - 1);
		assertThat(dropped("sponsored")).isEqualTo(1);
		// The same on top, in the first slice, under a guid of its own; the dropped one still listed under its own.
		serve("sponsored", withSponsoredOnTop("s-"));

		// As in a poll of one slice: two items dropped, each remembered once however many polls list them.
		assertThat(poll("sponsored").inserted()).isZero();
		assertThat(dropped("sponsored")).isEqualTo(2);
		assertThat(poll("sponsored").inserted()).isZero();
		assertThat(dropped("sponsored")).isEqualTo(2);
		// Every guid changed: the stored items and the two dropped ones are found again, each once.
		serve("sponsored", withSponsoredOnTop("t-"));
		assertThat(poll("sponsored").inserted()).isZero();
		assertThat(dropped("sponsored")).isEqualTo(2);
		assertThat(count("sponsored")).isEqualTo(SIZE - 1);
	}

	/** The sponsored feed with a copy of its dropped item on top, every guid made with {@code prefix}. */
	private static String withSponsoredOnTop(String prefix) {
		return feed("sponsored", SIZE + 1, (i) -> switch (i) {
			case 0 -> sponsored(prefix + "copy");
			case LATER + 1 -> sponsored(prefix + LATER);
			default -> archive(i - 1, prefix + (i - 1));
		});
	}

	private static String sponsored(String guid) {
		return item(guid, "Publireportage : les meilleures offres de la semaine", "https://s.example/offres", 9);
	}

	@Test
	void aPollThatFailsInALaterSliceStoresNothingAndTheNextStoresEverythingOnce() {
		String failing = "Ce titre, le stockage le refuse";
		serve("failing", feed("failing", SIZE,
				(i) -> (i == ECHO) ? item("f-" + i, failing, "https://f.example/refus", 7) : archive(i, "f-" + i)));
		// A statement of the third slice fails: the two slices before it are written within the same transaction.
		this.jdbc.sql("ALTER TABLE item ADD CONSTRAINT refused_title CHECK (title <> '" + failing + "')").update();
		try {
			assertThat(poll("failing").outcome()).isEqualTo(PollOutcome.UNEXPECTED);
		}
		finally {
			this.jdbc.sql("ALTER TABLE item DROP CONSTRAINT refused_title").update();
		}
		assertThat(count("failing")).isZero();
		assertThat(this.statuses.find("failing").orElseThrow().etag()).isNull();

		PollReport next = poll("failing");

		assertThat(next.inserted()).isEqualTo(SIZE);
		assertThat(count("failing")).isEqualTo(SIZE);
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT item_key) FROM item WHERE source_id = 'failing'")
			.query(Long.class)
			.single()).isEqualTo(SIZE);
		assertThat(this.statuses.find("failing").orElseThrow().etag()).isEqualTo("\"failing-v1\"");
	}

	private static String archive(int i, String guid) {
		return item(guid, archiveTitle(i), archiveLink(i), 30 + i);
	}

	private static String archiveTitle(int i) {
		return "Archives n° " + i + " : le conseil municipal de la ville " + (i % 97) + " vote son budget";
	}

	private static String archiveLink(int i) {
		return "https://a.example/archives/" + i;
	}

	private static String item(String guid, String title, String link, int minutesAgo) {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(NOW.minusSeconds(60L * minutesAgo).atOffset(ZoneOffset.UTC));
		return "<item><title>" + title + "</title><link>" + link + "</link><guid isPermaLink=\"false\">" + guid
				+ "</guid><pubDate>" + date + "</pubDate><description>Le texte de l'article, en français.</description>"
				+ "</item>\n";
	}

	private static String feed(String id, int size, IntFunction<String> item) {
		List<String> items = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			items.add(item.apply(i));
		}
		return "<rss version=\"2.0\"><channel><title>" + id + "</title><link>https://" + id + ".example/</link>\n"
				+ String.join("", items) + "</channel></rss>";
	}

	private void serve(String id, String body) {
		server.stubFor(WireMock.get("/" + id)
			.willReturn(aResponse().withHeader("ETag", "\"" + id + "-v1\"").withBody(body)));
	}

	private PollReport poll(String id) {
		return this.ingestRun.run(this.feeds.get().source(id).orElseThrow());
	}

	private long count(String source) {
		return this.jdbc.sql("SELECT COUNT(*) FROM item WHERE source_id = ?").param(source).query(Long.class).single();
	}

	private long dropped(String source) {
		return this.jdbc.sql("SELECT COUNT(*) FROM dropped_item WHERE source_id = ?")
			.param(source)
			.query(Long.class)
			.single();
	}

	private List<String> titles(String source, String guid) {
		return this.jdbc.sql("SELECT title FROM item WHERE source_id = ? AND guid = ?")
			.params(source, guid)
			.query(String.class)
			.list();
	}

}

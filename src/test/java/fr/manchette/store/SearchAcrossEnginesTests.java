package fr.manchette.store;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.normalize.FoldedText;
import fr.manchette.normalize.Item;
import fr.manchette.normalize.ItemNormalizer;
import fr.manchette.parse.RawItem;
import fr.manchette.support.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code q} means the same on H2 and on PostgreSQL: seeded random items, made of French and Arabic words written in
 * the forms real feeds send (accents composed or not, capitals, ligatures, soft hyphens and zero-width characters,
 * apostrophes and hyphens of every kind, harakat and tatweel, Arabic-Indic figures, emoji), stored on both engines
 * through the real normalizer and repository, and searched with random queries in other forms: both engines give the
 * same items for every query, and the items whose title or summary a reader sees the query's words in.
 */
class SearchAcrossEnginesTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private static final URI FEED = URI.create("https://www.h24info.ma/feed/");

	/** Words as feeds write them, each with the forms a reader may type it in (the first is how feeds write it). */
	private static final String[][] WORDS = { { "été", "e\u0301te\u0301", "ÉTÉ", "ete" },
			{ "cœur", "coeur", "CŒUR", "Coeur" }, { "ﬁnance", "finance", "FINANCE" },
			{ "inter\u00ADnational", "international", "internat" }, { "l’ONU", "l'ONU", "onu", "L’onu" },
			{ "aujourd’hui", "aujourd'hui", "aujourd" }, { "Saint-Étienne", "Saint\u2011Étienne", "saint etienne" },
			{ "1\u202F400", "1 400" }, { "zéro\u200Bvirgule", "zerovirgule", "zéro" }, { "Ｍａｒｏｃ", "maroc", "MAR" },
			{ "économie", "econom", "ÉCONOMIE" }, { "Sénégal", "senegal", "SÉNÉ" },
			{ "العَرَبِيَّة", "العربية", "العربيه", "العرب" }, { "المغـــرب", "المغرب", "المغ" },
			{ "إبراهيم", "ابراهيم", "أبراهيم" }, { "ٱلله", "الله" }, { "مستشفى", "مستشفي", "مستشف" },
			{ "مدرسة", "مدرسه" }, { "٢٠٢٦", "2026", "۲۰۲۶" }, { "كأس", "كاس", "كَأْس" }, { "😀", "😀" },
			{ "👨\u200D👩\u200D👧", "👨" }, { "🇲🇦", "🇲🇦" },
			{ "bug\uD83D", "bug" }, { "\uDE00nul", "nul" }, { "ctrl\u0001\uFFFE", "ctrl" } };

	/** Letters that random words are made of, with what feeds put inside words. */
	private static final String LETTERS = "aeiouléèçàâtrsnm" + "ابتجدرسعلمنهوي" + "\u064E\u0650\u0640\u00AD\u200B";

	@Test
	void bothEnginesFindTheSameItemsForEveryQuery() {
		Random random = new Random(2026);
		List<Item> items = new ArrayList<>();
		ItemNormalizer normalizer = new ItemNormalizer();
		for (int i = 0; i < 300; i++) {
			RawItem raw = new RawItem("g" + i, text(random, 3 + random.nextInt(6)), "https://www.h24info.ma/" + i,
					"<p>" + text(random, random.nextInt(12)) + "</p>", T0.minusSeconds(60L * i), null, List.of());
			items.add(normalizer.normalize(raw, FEED, T0, ZoneOffset.UTC).orElseThrow());
		}
		Engine h2 = new Engine(NewStores.h2("search-across-engines"));
		Engine postgres = new Engine(LocalPostgres.get().newDatabase("search_across_engines"));
		try {
			h2.store(items);
			postgres.store(items);
			List<String> folded = items.stream()
				.map((item) -> FoldedText.fold(item.title() + " " + item.summaryText()))
				.toList();
			int narrowed = 0;
			for (int n = 0; n < 200; n++) {
				String query = query(random);
				List<String> found = h2.search(query);
				assertThat(postgres.search(query)).as("q=%s", query).isEqualTo(found);
				assertThat(found).as("q=%s", query).containsExactlyElementsOf(seen(items, folded, query));
				narrowed += (!found.isEmpty() && found.size() < items.size()) ? 1 : 0;
			}
			// Queries that tell items apart, not only ones that find all or nothing.
			assertThat(narrowed).isGreaterThan(130);
		}
		finally {
			h2.close();
			postgres.close();
		}
	}

	@Test
	void aQueryWithNoLetterOrFigureFindsNothingOnEitherEngine() {
		ItemNormalizer normalizer = new ItemNormalizer();
		List<Item> items = List.of(
				normalizer.normalize(new RawItem("fete", "Le Maroc en fête 🇲🇦 !", "https://www.h24info.ma/fete",
						"<p>« Dima Maghrib » 🎉</p>", T0, null, List.of()), FEED, T0, ZoneOffset.UTC).orElseThrow(),
				normalizer.normalize(new RawItem("but", "But ! 1-0", "https://www.h24info.ma/but", "", T0.minusSeconds(60),
						null, List.of()), FEED, T0, ZoneOffset.UTC).orElseThrow());
		Engine h2 = new Engine(NewStores.h2("search-no-words"));
		Engine postgres = new Engine(LocalPostgres.get().newDatabase("search_no_words"));
		try {
			h2.store(items);
			postgres.store(items);
			for (String query : List.of("🇲🇦", "🎉", "!", "« »", "-")) {
				assertThat(h2.search(query)).as("q=%s on H2", query).isEmpty();
				assertThat(postgres.search(query)).as("q=%s on PostgreSQL", query).isEmpty();
			}
			assertThat(h2.search("maroc")).hasSize(1);
			assertThat(postgres.search("1")).hasSize(1);
		}
		finally {
			h2.close();
			postgres.close();
		}
	}

	/** A title or summary: words of the list in a random form of theirs, and random words. */
	private static String text(Random random, int words) {
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < words; w++) {
			if (random.nextBoolean()) {
				String[] forms = WORDS[random.nextInt(WORDS.length)];
				text.append(forms[random.nextInt(forms.length)]);
			}
			else {
				for (int c = 1 + random.nextInt(6); c > 0; c--) {
					text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
				}
			}
			text.append(random.nextInt(5) == 0 ? ", " : " ");
		}
		return text.toString();
	}

	/** One or two words in any of their forms, or the start of a random word. */
	private static String query(Random random) {
		StringBuilder query = new StringBuilder();
		for (int w = 1 + random.nextInt(2); w > 0; w--) {
			String[] forms = WORDS[random.nextInt(WORDS.length)];
			query.append(forms[random.nextInt(forms.length)]).append(' ');
		}
		if (random.nextInt(4) == 0) {
			String word = text(random, 1).strip();
			query.append(word, 0, Math.min(word.length(), 1 + random.nextInt(4)));
		}
		return query.toString().strip();
	}

	/**
	 * The items, newest first, whose title or summary (folded) has the query's words as a reader reads them, as
	 * {@link Engine#search} gives them.
	 */
	private static List<String> seen(List<Item> items, List<String> folded, String query) {
		List<String> words = FoldedText.words(query);
		List<String> seen = new ArrayList<>();
		// A query of no words (an emoji alone) finds nothing: no item has all of them.
		for (int i = 0; i < items.size() && !words.isEmpty(); i++) {
			if (FoldedText.containsAll(folded.get(i), words)) {
				Item item = items.get(i);
				seen.add(item.guid() + " " + item.title() + " " + item.summaryText());
			}
		}
		return seen;
	}

	/** One engine's store, on one connection: the real repository, word index and lists. */
	private static final class Engine {

		private final SingleConnectionDataSource source;

		private final ItemRepository items;

		private final WordIndex index;

		private final StoryQueries queries;

		Engine(String url) {
			this.source = new SingleConnectionDataSource(url, "sa", "", true);
			KeyHashesUpgradeTests.migrate(this.source, null);
			JdbcClient jdbc = JdbcClient.create(this.source);
			NamedParameterJdbcTemplate batch = new NamedParameterJdbcTemplate(this.source);
			TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.source));
			this.index = new WordIndex(jdbc, transaction);
			KeyHashes hashes = new KeyHashes(jdbc, batch, transaction);
			this.items = new ItemRepository(jdbc, batch, new StoreChanges(Clock.fixed(T0, ZoneOffset.UTC), jdbc, transaction, false), this.index,
					hashes, new YoungStoreStatistics(batch), new HeadlineEdits(jdbc));
			ItemFilter filter = new ItemFilter(this.index);
			this.queries = new StoryQueries(jdbc, filter, new TopStories(jdbc, filter), hashes);
		}

		/** The items stored, the first half of them indexed: searches read the word index and its tail alike. */
		void store(List<Item> poll) {
			List<IdentifiedItem> identified = new Deduplicator().identify(poll);
			this.items.insert("h24", identified.stream()
				.map((item) -> new AssignedItem(item, StoryAssigner.sortAt(item, T0), item.fingerprint().storyKey()))
				.toList(), T0);
			this.index.indexNext(poll.size() / 2);
		}

		/** The items a list with this {@code q} shows, newest first: guid, title and summary. */
		List<String> search(String q) {
			return this.queries.stories(new ItemQuery(null, q, null, ItemQuery.MAX_LIMIT))
				.stream()
				.map(Story::lead)
				.map((item) -> item.guid() + " " + item.title() + " " + item.summaryText())
				.toList();
		}

		void close() {
			this.source.destroy();
		}

	}

}

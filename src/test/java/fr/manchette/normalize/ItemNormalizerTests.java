package fr.manchette.normalize;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.manchette.parse.BaseChain;
import fr.manchette.parse.RawItem;
import fr.manchette.parse.TitleType;
import fr.manchette.support.ParseThenNormalize;

import static org.assertj.core.api.Assertions.assertThat;

class ItemNormalizerTests {

	private static final URI FEED = URI.create("https://www.francetvinfo.fr/titres.rss");

	private static final Instant FETCHED_AT = Instant.parse("2025-05-16T18:00:00Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String SUMMARY = "<p>Le Premier ministre a annoncé, vendredi, un plan d’économies de "
			+ "40\u00A0milliards d’euros pour 2026. «\u00A0Nous devons agir maintenant\u00A0», a-t-il déclaré "
			+ "depuis Matignon, en promettant que les services publics seraient épargnés.</p>";

	private final ItemNormalizer normalizer = new ItemNormalizer();

	@Test
	void keepsFrenchTextWithItsAccentsAndTypography() {
		RawItem raw = raw("Budget 2026&nbsp;: «&#8239;l’effort sera partagé&#8239;», promet <b>Matignon</b>",
				"https://www.francetvinfo.fr/politique/budget.html#xtor=RSS-3-[lestitres]", SUMMARY, null,
				"ven., 16 mai 2025 19:35:00 +0200");
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.title())
			.isEqualTo("Budget 2026\u00A0: «\u202Fl’effort sera partagé\u202F», promet Matignon");
		assertThat(item.link()).isEqualTo(URI.create("https://www.francetvinfo.fr/politique/budget.html"));
		assertThat(item.summaryHtml())
			.contains("40\u00A0milliards d’euros", "«\u00A0Nous devons agir maintenant\u00A0»");
		assertThat(item.summaryText())
			.startsWith("Le Premier ministre a annoncé, vendredi, un plan d’économies de 40\u00A0milliards");
		assertThat(item.published()).isEqualTo(Instant.parse("2025-05-16T17:35:00Z"));
		assertThat(item.publishedKnown()).isTrue();
	}

	/** A feed that writes « été » as e + U+0301 gives what one that writes é gives: readers and searches expect NFC. */
	@Test
	void storesDecomposedTextComposed() {
		String decomposed = java.text.Normalizer.normalize("Été : les élèves d’Ifrane et l’إِبْرَاهِيمِيَّة",
				java.text.Normalizer.Form.NFD);
		RawItem raw = raw(decomposed, "https://www.francetvinfo.fr/a.html", "<p>" + decomposed + "</p>", null, null);
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		String composed = java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC);
		assertThat(item.title()).isEqualTo(composed).isNotEqualTo(decomposed);
		assertThat(item.summaryText()).isEqualTo(composed);
		assertThat(item.summaryHtml()).isEqualTo("<p>" + composed + "</p>");
	}

	@Test
	void takesTheTitleFromTheSummaryWhenTheTitleIsBlank() {
		RawItem raw = raw(" <b>\u00A0</b> ", "/a.html", SUMMARY, null, null);
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.title()).hasSizeLessThanOrEqualTo(120)
			.startsWith("Le Premier ministre a annoncé")
			.endsWith("…")
			.doesNotContain("  ");
		assertThat(item.title().charAt(item.title().length() - 2)).isNotEqualTo(' ');
	}

	@Test
	void dropsAnItemWithNeitherTitleNorSummary() {
		String pixelOnly = "<p> </p><img src=\"/p.gif\" width=\"1\">";
		RawItem raw = raw("  ", "https://www.francetvinfo.fr/a.html", pixelOnly, null, null);
		assertThat(this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS)).isEmpty();
	}

	@Test
	void takesTheLinkFromAPermalinkGuid() {
		RawItem raw = new RawItem("  https://www.francetvinfo.fr/sports/foot/psg.html#xtor=RSS-3  ", "Le PSG sacré",
				null, null, null, null, List.of());
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.guid()).isEqualTo("https://www.francetvinfo.fr/sports/foot/psg.html#xtor=RSS-3");
		assertThat(item.link()).isEqualTo(URI.create("https://www.francetvinfo.fr/sports/foot/psg.html"));
	}

	@Test
	void leavesTheLinkOutWhenTheGuidIsNotAUrl() {
		RawItem raw = new RawItem("tag:lemonde.fr,2025:article-6602", "Titre", null, null, null, null, List.of());
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.link()).isNull();
		assertThat(item.guid()).isEqualTo("tag:lemonde.fr,2025:article-6602");
	}

	@Test
	void turnsABlankGuidIntoNone() {
		RawItem raw = new RawItem(" \n ", "Titre", "https://www.francetvinfo.fr/a.html", null, null, null, List.of());
		assertThat(this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow().guid()).isNull();
	}

	/** What identifies an item before it is cleaned is what the cleaned item has: its guid and canonical link. */
	@Test
	void identifiesAnItemByTheGuidAndLinkItWillHave() {
		List<RawItem> raws = List.of(
				new RawItem("  https://www.francetvinfo.fr/sports/foot/psg.html#xtor=RSS-3  ", "Le PSG sacré", null,
						null, null, null, List.of()),
				new RawItem(" \n ", "Titre", "/a.html?utm_source=rss", null, null, null, List.of()),
				new RawItem("tag:lemonde.fr,2025:article-6602", "Titre", null, null, null, null, List.of()),
				new RawItem("x".repeat(2100), "Titre", "https://www.francetvinfo.fr/b.html", null, null, null,
						List.of()));
		for (RawItem raw : raws) {
			Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
			assertThat(this.normalizer.identity(raw, FEED))
				.isEqualTo(new ItemNormalizer.Identity(item.guid(), item.link()));
		}
		assertThat(this.normalizer.identity(raws.get(1), FEED).link())
			.isEqualTo(URI.create("https://www.francetvinfo.fr/a.html"));
	}

	@Test
	void fallsBackToTheFetchTimeWhenTheDateIsMissing() {
		RawItem raw = raw("Titre", "/a.html", null, null, "date inconnue");
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.published()).isEqualTo(FETCHED_AT);
		assertThat(item.publishedKnown()).isFalse();
	}

	/**
	 * Rome's date reading is lenient: it rolls an impossible date over (« 30 février » is read as 2 March, month 13 as
	 * the next year's January). A date as written is read here or not at all; the parser's date is taken only when the
	 * feed gave no text to read (JSON Feed's, already an instant).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2025-02-30T10:00:00Z", "2025-13-45T10:00:00Z", "Sun, 30 Feb 2025 10:00:00 GMT",
			"Mon, 45 Feb 2025 10:00:00 GMT", "ce matin" })
	void aDateTextThatIsNoDateLeavesTheItemUndated(String text) {
		Instant romeDate = Instant.parse("2025-03-02T10:00:00Z");
		RawItem raw = raw("Titre", "/a.html", null, romeDate, text);
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.published()).isEqualTo(FETCHED_AT);
		assertThat(item.publishedKnown()).isFalse();
	}

	/** The same through the parser, whose reading of these dates is Rome's (RSS's pubDate, Atom's published). */
	@Test
	void anImpossibleDateInAFeedLeavesItsItemUndated() throws Exception {
		String rss = "<rss version=\"2.0\"><channel><title>F</title><item><title>Un</title><link>https://fil.example/1</link>"
				+ "<pubDate>Mon, 45 Feb 2025 10:00:00 GMT</pubDate></item><item><title>Deux</title>"
				+ "<link>https://fil.example/2</link><pubDate>Fri, 16 May 2025 19:35:00 +0200</pubDate></item></channel></rss>";
		String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><entry><id>urn:x:1</id><title>Un</title>"
				+ "<link href=\"https://fil.example/1\"/><published>2025-02-30T10:00:00Z</published></entry></feed>";
		for (String feed : List.of(rss, atom)) {
			List<Item> items = new ParseThenNormalize(FEED, FETCHED_AT, PARIS).items(feed, null);
			assertThat(items.get(0).publishedKnown()).as(feed).isFalse();
			assertThat(items.get(0).published()).isEqualTo(FETCHED_AT);
		}
	}

	@Test
	void takesTheParsersDateWhenThereIsNoTextToRead() {
		Instant date = Instant.parse("2025-05-16T07:00:00Z");
		Item item = this.normalizer.normalize(raw("Titre", "/a.html", null, date, null), FEED, FETCHED_AT, PARIS)
			.orElseThrow();
		assertThat(item.published()).isEqualTo(date);
		assertThat(item.publishedKnown()).isTrue();
	}

	@Test
	void prefersTheDateAsWrittenToTheParsersReading() {
		// Rome reads a zone-less date in the JVM's zone; the feed's zone is the assumed one.
		Instant romeDate = Instant.parse("2025-05-16T19:35:00Z");
		RawItem raw = raw("Titre", "/a.html", null, romeDate, "2025-05-16T19:35:00");
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.published()).isEqualTo(Instant.parse("2025-05-16T17:35:00Z"));
	}

	@Test
	void clampsADateInTheFutureToTheFetchTime() {
		Instant tomorrow = FETCHED_AT.plus(Duration.ofDays(1));
		RawItem raw = raw("Titre", "/a.html", null, tomorrow, null);
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.published()).isEqualTo(FETCHED_AT);
		assertThat(item.publishedKnown()).isFalse();
	}

	@Test
	void keepsADateSlightlyAheadOfTheFetch() {
		Instant soon = FETCHED_AT.plus(Duration.ofMinutes(5));
		RawItem raw = raw("Titre", "/a.html", null, soon, null);
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.published()).isEqualTo(soon);
	}

	@Test
	void cleansCategoriesAndDropsDuplicates() {
		List<String> categories = List.of("Politique", " Politique ", "<b>Soci&eacute;t&eacute;</b>", "", "  ",
				"Société", "Économie");
		RawItem raw = new RawItem(null, "Titre", null, null, null, null, categories);
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.categories()).containsExactly("Politique", "Société", "Économie");
	}

	@Test
	void boundsWhatAFeedMaySendToWhatTheStoreHolds() {
		List<String> categories = new java.util.ArrayList<>();
		for (int i = 0; i < 500; i++) {
			categories.add("Catégorie " + i);
		}
		categories.add(0, "x".repeat(101));
		RawItem raw = new RawItem("g".repeat(5_000), "Titre", "https://www.francetvinfo.fr/" + "a".repeat(5_000),
				null, null, null, categories);

		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();

		assertThat(item.categories()).hasSize(10).first().isEqualTo("Catégorie 0");
		assertThat(item.guid()).hasSize(2000);
		assertThat(item.link()).isNull();
	}

	/**
	 * The README's word, for a feed's date as written: more than 10 minutes after the fetch (20:00 in Paris), a date
	 * of 1970 or before, or a day that does not exist, is no date: the item is dated when fetched.
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			Fri, 16 May 2025 20:10:00 +0200        | 2025-05-16T18:10:00Z
			Fri, 16 May 2025 20:10:01 +0200        | 2025-05-16T18:00:00Z
			ven., 16 mai 2025 20:09 +0200          | 2025-05-16T18:09:00Z
			Thu, 01 Jan 2099 00:00:00 GMT          | 2025-05-16T18:00:00Z
			Sun, 20 Jul 1969 20:17:40 GMT          | 2025-05-16T18:00:00Z
			1970-01-01T00:00:00Z                   | 2025-05-16T18:00:00Z
			31 février 2025 10:00                  | 2025-05-16T18:00:00Z
			Sat, 31 Feb 2025 10:00:00 +0100        | 2025-05-16T18:00:00Z
			2025-13-01T10:00:00Z                   | 2025-05-16T18:00:00Z
			""")
	void readsAFeedsDateOrTakesTheFetchTimeForOneThatCannotBe(String written, Instant published) {
		RawItem raw = raw("Titre", "/a.html", null, null, written);

		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();

		assertThat(item.published()).isEqualTo(published);
		assertThat(item.publishedKnown()).isEqualTo(!published.equals(FETCHED_AT));
	}

	@Test
	void treatsAnEpochDateAsMissing() {
		RawItem raw = raw("Titre", null, null, Instant.EPOCH, "Thu, 01 Jan 1970 00:00:00 GMT");

		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();

		assertThat(item.published()).isEqualTo(FETCHED_AT);
		assertThat(item.publishedKnown()).isFalse();
	}

	@Test
	void capsTheTitle() {
		String title = "Très long titre ".repeat(200);
		Item item = this.normalizer.normalize(raw(title, null, null, null, null), FEED, FETCHED_AT, PARIS)
			.orElseThrow();
		assertThat(item.title()).hasSizeLessThanOrEqualTo(1000).endsWith(" Très…");
	}

	@Test
	void capsTheSummaryAndKeepsItWellFormed() {
		String paragraph = "<p>Les <b>négociations</b> sur la dette reprennent à Bruxelles, selon "
				+ "<a href=\"/europe/\">nos informations</a>.</p>";
		RawItem raw = raw("Titre", null, paragraph.repeat(2_000), null, null);
		Item item = this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow();
		assertThat(item.summaryHtml()).hasSizeLessThanOrEqualTo(100_000).startsWith("<p>Les <b>négociations</b>")
			.endsWith("</p>");
		assertThat(new HtmlCleaner().clean(item.summaryHtml(), FEED)).isEqualTo(item.summaryHtml());
		assertThat(item.summaryText()).hasSizeLessThanOrEqualTo(500).endsWith("…");
	}

	/**
	 * A title is read as its feed declares it: text as written (an Atom title of type text), markup as HTML (type
	 * html), and an RSS title's formatting left out while a tag it names stays.
	 */
	@Test
	void readsEachTitleAsItsFeedDeclaresIt() {
		String lesson = "Cours de HTML : la balise <p> et l'entité &amp; expliquées";
		assertThat(title(lesson, TitleType.TEXT)).isEqualTo(lesson);
		assertThat(title(lesson, TitleType.HTML)).isEqualTo("Cours de HTML : la balise et l'entité & expliquées");
		assertThat(title("<b>Faille XSS</b> : la balise <script> reste dangereuse", TitleType.UNSAID))
			.isEqualTo("Faille XSS : la balise <script> reste dangereuse");
	}

	private String title(String title, TitleType type) {
		RawItem raw = new RawItem(null, title, "https://cours.example/p", null, null, null, List.of(), BaseChain.NONE,
				BaseChain.NONE, null, null, type);
		return this.normalizer.normalize(raw, FEED, FETCHED_AT, PARIS).orElseThrow().title();
	}

	private static RawItem raw(@Nullable String title, @Nullable String link, @Nullable String summaryHtml,
			@Nullable Instant published, @Nullable String publishedText) {
		return new RawItem(null, title, link, summaryHtml, published, publishedText, List.of());
	}

}

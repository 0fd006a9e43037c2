package fr.manchette.parse;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import fr.manchette.config.TickerSelectors;
import fr.manchette.fetch.FeedFetcher;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchRequest;
import fr.manchette.normalize.TitleText;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TickerPageParser} on fixture pages served by WireMock and fetched by the real {@link FeedFetcher}, so that
 * the Content-Type header plays its part in the charset. "Now" is pinned: 16 May 2025, 20:45 in Casablanca, 21:45 in
 * Paris.
 */
@WireMockTest
class TickerPageParserTests {

	private static final Instant NOW = Instant.parse("2025-05-16T19:45:00Z");

	private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final TickerSelectors SIDEBAR = new TickerSelectors("ul.fil-info > li", "a", null, "span.heure",
			null, null, null, null, null, CASABLANCA);

	private static final TickerSelectors DEPECHES = new TickerSelectors("article.depeche", "h2", null, "time",
			"p.date", "p.chapo", "figure", null, null, PARIS);

	private final FeedFetcher fetcher = new FeedFetcher("Manchette/test", Clock.systemUTC());

	private final TickerPageParser parser = new TickerPageParser();

	private String base;

	@BeforeEach
	void base(WireMockRuntimeInfo wiremock) {
		this.base = wiremock.getHttpBaseUrl();
	}

	@Test
	void sidebarTickerTimesAreTodayInTheSourceZoneOrYesterdayWhenLaterThanNow() throws Exception {
		TickerPage page = parse("ticker-sidebar-hhmm.html", "text/html; charset=utf-8", SIDEBAR);

		assertThat(page.title()).isEqualTo("Le Fil — Actualités du Maroc");
		assertThat(page.entries()).extracting(TickerEntry::timeText)
			.containsExactly("19:35", "19h00", "18:35", "23:50", null, "17:10");
		assertThat(page.entries()).extracting(TickerEntry::published)
			.containsExactly(Instant.parse("2025-05-16T18:35:00Z"), Instant.parse("2025-05-16T18:00:00Z"),
					Instant.parse("2025-05-16T17:35:00Z"), Instant.parse("2025-05-15T22:50:00Z"), null,
					Instant.parse("2025-05-16T16:10:00Z"));
	}

	@Test
	void sidebarTickerLinksAreAbsoluteAndALinkToThePageItselfIsNone() throws Exception {
		TickerPage page = parse("ticker-sidebar-hhmm.html", "text/html; charset=utf-8", SIDEBAR);

		assertThat(page.entries()).extracting(TickerEntry::link)
			.containsExactly(this.base + "/sport/ounahi-joueur-annee.html?utm_source=fil&utm_medium=sidebar",
					this.base + "/economie/marchica-atalayoun.html",
					"https://autre.example/international/faim-onu.html", this.base + "/societe/veille.html",
					this.base + "/culture/sans-heure.html", null);
	}

	@Test
	void sidebarTickerTitlesKeepFrenchTypographyAndSkipItemsWithoutOne() throws Exception {
		TickerPage page = parse("ticker-sidebar-hhmm.html", "text/html; charset=utf-8", SIDEBAR);

		assertThat(page.entries()).hasSize(6);
		assertThat(text(page.entries().get(1).titleHtml()))
			.isEqualTo("Marchica Med investit 1,4\u00a0milliard pour Atalayoun à Nador");
		assertThat(text(page.entries().get(2).titleHtml()))
			.isEqualTo("La faim progresse, l’aide recule\u00a0: 2025 s’annonce sombre selon l’ONU");
	}

	@Test
	void frenchDatesAreReadWithTheirTimesInTheSourceZone() throws Exception {
		TickerPage page = parse("ticker-french-dates.html", "text/html", DEPECHES);

		assertThat(page.entries()).extracting(TickerEntry::dateText)
			.containsExactly("Publié le 16 mai 2025 à 19h35", "Publié le 3 FÉVR. 2025 à 08h05",
					"Publié le 1er janvier 2025", "Hier à 23h10", null);
		assertThat(page.entries()).extracting(TickerEntry::published)
			.containsExactly(Instant.parse("2025-05-16T17:35:00Z"), Instant.parse("2025-02-03T07:05:00Z"),
					Instant.parse("2024-12-31T23:00:00Z"), Instant.parse("2025-05-15T21:10:00Z"),
					Instant.parse("2025-05-16T16:00:00Z"));
	}

	@Test
	void withoutATimeElementATimeAloneInTheDateElementIsReadAsATime() throws Exception {
		// One element shows "19:35" for today's items and a date for older ones: the operator may call it date.
		TickerSelectors dateOnly = new TickerSelectors("ul.fil-info > li", "a", null, null, "span.date", null, null,
				null, null, CASABLANCA);

		TickerPage page = parse("ticker-time-in-date-element.html", "text/html; charset=utf-8", dateOnly);

		assertThat(page.entries()).extracting(TickerEntry::published)
			.containsExactly(Instant.parse("2025-05-16T18:35:00Z"), Instant.parse("2025-05-16T17:05:00Z"),
					Instant.parse("2025-05-15T22:10:00Z"), null);
	}

	@Test
	void timeInsideTheTitleIsReadAndLeftOutOfIt() throws Exception {
		TickerEntry machine = parse("ticker-french-dates.html", "text/html", DEPECHES).entries().get(4);

		assertThat(machine.timeText()).isEqualTo("18h00");
		assertThat(machine.publishedText()).isEqualTo("2025-05-16T18:00:00+02:00");
		assertThat(text(machine.titleHtml())).isEqualTo("Une heure que la page écrit aussi pour les machines");
	}

	@Test
	void linksSummariesAndLazyImagesAreResolvedAgainstTheBaseHref() throws Exception {
		TickerEntry carburants = parse("ticker-french-dates.html", "text/html", DEPECHES).entries().get(0);

		assertThat(carburants.link()).isEqualTo("https://www.exemple.fr/depeches/2025/05/16/carburants-baisse");
		assertThat(carburants.summaryHtml()).contains("<em>troisième</em>")
			.contains("href=\"https://www.exemple.fr/economie/prix\"");
		assertThat(carburants.image()).isEqualTo("https://www.exemple.fr/img/carburants.jpg");
		assertThat(carburants.toRawItem().summaryHtml())
			.startsWith("<p><img src=\"https://www.exemple.fr/img/carburants.jpg\" alt=\"\"></p>");
	}

	/** As in a feed's summaries: the lazy address over a placeholder, else the widest of a srcset. */
	@Test
	void lazyImagesShowTheirRealAddressNotThePlaceholder() throws Exception {
		List<TickerEntry> entries = parse("ticker-french-dates.html", "text/html", DEPECHES).entries();

		assertThat(entries).extracting(TickerEntry::image)
			.containsExactly("https://www.exemple.fr/img/carburants.jpg", "https://www.exemple.fr/img/neige.jpg",
					"https://www.exemple.fr/img/an-960.jpg", null, null);
	}

	@Test
	void windows1252PageServedAsSuchComesOutRight() throws Exception {
		TickerSelectors breves = new TickerSelectors("#fil .breve", "a", null, "span.heure", null, null, null, null,
				null, PARIS);

		TickerPage page = parse("ticker-windows1252.html", "text/html; charset=windows-1252", breves);

		assertThat(page.title()).isEqualTo("Fil info — Économie");
		assertThat(page.entries()).extracting((entry) -> text(entry.titleHtml())).containsExactly(
				"L’œuf à 2\u00a0€\u00a0: «\u00a0du jamais vu\u00a0» selon les éleveurs",
				"Le café coûte désormais 1,20\u00a0€ au comptoir");
		assertThat(page.entries()).extracting(TickerEntry::published)
			.containsExactly(Instant.parse("2025-05-16T08:15:00Z"), Instant.parse("2025-05-16T07:40:00Z"));
	}

	@Test
	void windows1252PageThatOnlySaysSoInItsMetaComesOutRight() throws Exception {
		TickerSelectors breves = new TickerSelectors("#fil .breve", "a", PARIS);

		TickerPage page = parse("ticker-windows1252.html", "text/html", breves);

		assertThat(text(page.entries().get(1).titleHtml())).isEqualTo("Le café coûte désormais 1,20\u00a0€ au comptoir");
	}

	@Test
	void pageWhoseMarkupChangedIsAnErrorNamingTheSelector() throws Exception {
		assertThatExceptionOfType(FeedParseException.class)
			.isThrownBy(() -> parse("ticker-markup-changed.html", "text/html; charset=utf-8", SIDEBAR))
			.withMessage("selector `ul.fil-info > li` matched nothing")
			.satisfies((ex) -> assertThat(ex.isNotAFeed()).isFalse());
	}

	@Test
	void anEmptyPageIsAnErrorSayingSoNotBlamingTheSelector() {
		stubFor(get("/empty").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody(" \r\n")));

		assertThatExceptionOfType(FeedParseException.class).isThrownBy(() -> parse(this.base + "/empty", SIDEBAR))
			.withMessage("empty body")
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ParseFailureKind.PARSE_ERROR));
	}

	@Test
	void itemsWithoutTitlesAreAnErrorNamingTheTitleSelector() throws Exception {
		TickerSelectors wrongTitle = new TickerSelectors("div.live-feed > div.entry", "h3", CASABLANCA);

		assertThatExceptionOfType(FeedParseException.class)
			.isThrownBy(() -> parse("ticker-markup-changed.html", "text/html", wrongTitle))
			.withMessage("selector `h3` (title) matched nothing in the 2 items of `div.live-feed > div.entry`");
	}

	@Test
	void theTitleIsTheFirstElementTheSelectorMatchesThatHasText() throws Exception {
		// Each item's first <a> is its thumbnail's: `title: a` means the headline's link, as the operator sees it.
		TickerPage page = parse("ticker-thumbnail-links.html", "text/html; charset=utf-8", SIDEBAR);

		assertThat(page.entries()).extracting(TickerEntry::titleHtml)
			.containsExactly("Le Maroc prêt pour le Mondial 2030", "Nador West Med ouvrira en 2027");
		assertThat(page.entries()).extracting(TickerEntry::link)
			.containsExactly(this.base + "/sport/mondial-2030.html", this.base + "/economie/port-nador.html");
		assertThat(page.entries()).extracting(TickerEntry::published)
			.containsExactly(Instant.parse("2025-05-16T18:35:00Z"), Instant.parse("2025-05-16T18:00:00Z"));
	}

	/**
	 * A page is parsed once: a tag it shows as text (its {@code &lt;script&gt;}) is text, and the title keeps every word
	 * the page shows, as it shows it; what is struck out or never shown stays out.
	 */
	@Test
	void aTitleKeepsTheTextThePageShows() throws Exception {
		stubFor(get("/balises").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody("""
					<ul class="fil-info">
					  <li><a href="/1">Faille XSS\u00a0: la balise &lt;script&gt; reste dangereuse</a></li>
					  <li><a href="/2">Le &amp;lt;b&amp;gt; s’écrit &amp;eacute; et x&lt;y</a></li>
					  <li><a href="/3"><b>Prix</b>\u00a0: <s>12\u00a0€</s> 15\u00a0€<script>alert(1)</script></a></li>
					</ul>
					""")));

		ParsedFeed feed = parse(this.base + "/balises", SIDEBAR).asFeed();

		assertThat(feed.items()).extracting((item) -> TitleText.title(item.title(), item.titleType())).containsExactly(
				"Faille XSS\u00a0: la balise <script> reste dangereuse", "Le &lt;b&gt; s’écrit &eacute; et x<y",
				"Prix\u00a0: 15\u00a0€");
	}

	@Test
	void pageAsAFeedGivesRawItemsForTheNextStages() throws Exception {
		ParsedFeed feed = parse("ticker-sidebar-hhmm.html", null, SIDEBAR).asFeed();

		assertThat(feed.format()).isEqualTo("html");
		assertThat(feed.items()).hasSize(6);
		RawItem first = feed.items().get(0);
		assertThat(first.guid()).isNull();
		assertThat(first.published()).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
		assertThat(first.publishedText()).isNull();
		assertThat(first.summaryHtml()).isNull();
	}

	private TickerPage parse(String fixture, String contentType, TickerSelectors select) throws Exception {
		serve("/" + fixture, fixture, contentType);
		return parse(this.base + "/" + fixture, select);
	}

	private TickerPage parse(String url, TickerSelectors select) throws FeedParseException {
		Fetched fetched = (Fetched) this.fetcher.fetch(new FetchRequest(URI.create(url), null, null,
				Duration.ofSeconds(5), 1_000_000, FetchRequest.PAGE));
		return this.parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl(), select, NOW);
	}

	private void serve(String path, String fixture, String contentType) throws IOException {
		byte[] body = new ClassPathResource(fixture, getClass()).getContentAsByteArray();
		var response = aResponse().withBody(body);
		if (contentType != null) {
			response.withHeader("Content-Type", contentType);
		}
		stubFor(get(path).willReturn(response));
	}

	/** The title's text, tags dropped, entities decoded and no-break spaces kept (the normalizer's job, roughly). */
	private static String text(String html) {
		return Jsoup.parseBodyFragment(html).body().wholeText().strip();
	}

}

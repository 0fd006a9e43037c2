package fr.manchette.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * JSON Feed 1.0 and 1.1 through {@link FeedParser}, one fixture per version or quirk, into the same records as RSS
 * and Atom. Cleaning what they hold is the normalizer's, as for the other formats.
 */
class JsonFeedReaderTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void readsJsonFeed10() throws Exception {
		ParsedFeed feed = parse("jsonfeed-1.0.json", "application/json");
		assertThat(feed.format()).isEqualTo("json_1.0");
		assertThat(feed.title()).isEqualTo("La Dépêche du Léman – Fil info");
		assertThat(feed.link()).isEqualTo("https://www.depeche-leman.example/");
		assertThat(feed.updatePeriod()).isNull();
		BaseChain home = new BaseChain(List.of("https://www.depeche-leman.example/"));
		// A JSON Feed's title is read as an RSS title is: publishing tools write both from the same HTML titles.
		assertThat(feed.items()).extracting(RawItem::titleType).containsOnly(TitleType.UNSAID);
		assertThat(feed.items())
			.usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language", "titleType")
			.containsExactly(
				new RawItem("https://www.depeche-leman.example/2025/05/16/cgn-greve",
						"Grève à la CGN : les bateaux restent à quai samedi",
						"https://www.depeche-leman.example/2025/05/16/cgn-greve",
						"<p>Les <strong>bateaux Belle Époque</strong> ne navigueront pas ce week-end.</p>"
								+ "<script>alert(1)</script>",
						Instant.parse("2025-05-16T17:35:00Z"), "2025-05-16T19:35:00+02:00",
						List.of("Transports", "Social"), home, home),
				// content_text is plain text: escaped, so that "< 30" is not read as a tag.
				new RawItem("depeche-leman-8812", "Évian : « Un festival à taille humaine »",
						"https://www.depeche-leman.example/2025/05/16/evian-festival",
						"La programmation 2025 mise sur les artistes &lt; 30 ans &amp; les têtes d’affiche.",
						Instant.parse("2025-05-16T17:00:00Z"), "2025-05-16T17:00:00Z", List.of(), home, home));
	}

	@Test
	void readsJsonFeed11WithAuthorsSummaryAndExternalUrl() throws Exception {
		ParsedFeed feed = parse("jsonfeed-1.1-authors.json", "application/feed+json");
		assertThat(feed.format()).isEqualTo("json_1.1");
		assertThat(feed.title()).isEqualTo("Radio Garonne");
		// The summary first, as RSS's description before content:encoded; date_modified when nothing was published.
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::link, RawItem::summaryHtml, RawItem::published,
				RawItem::publishedText, RawItem::categories)
			.containsExactly(
					tuple("rg-2025-0516-1", "https://www.radio-garonne.example/flash/tisseo-greve.html",
							"Perturbations attendues sur l’ensemble du réseau Tisséo.",
							Instant.parse("2025-05-16T06:45:00Z"), "2025-05-16T08:45:00+02:00",
							List.of("Transports")),
					tuple("rg-2025-0516-2", "https://www.ladepeche.example/article/2025/05/16/stade-toulousain.html",
							"À lire chez nos confrères.", Instant.parse("2025-05-16T05:00:00Z"),
							"2025-05-16T07:00:00+02:00", List.of()));
	}

	/**
	 * {@code image}, else {@code banner_image}: the picture leads a summary that shows none, as an RSS item's, and
	 * resolves against the same base.
	 */
	@Test
	void anItemsImageLeadsItsSummary() throws Exception {
		ParsedFeed feed = parse("jsonfeed-images.json", null);
		assertThat(feed.items()).extracting(RawItem::summaryHtml)
			.containsExactly("<p><img src=\"https://images-garonne.example/1.jpg\" alt=\"\"></p><p>Le texte.</p>",
					"<p><img src=\"/2-bandeau.jpg\" alt=\"\"></p>Le résumé.",
					"<figure><img src=\"https://images-garonne.example/3.jpg\"></figure>",
					"<p><img src=\"https://images-garonne.example/4.jpg\" alt=\"\"></p>", "Un nombre.");
		assertThat(feed.items().get(1).summaryBase().references()).containsExactly("https://images-garonne.example/");
	}

	@Test
	void itemsWithoutIdHaveNoGuidAsRssItemsWithoutOne() throws Exception {
		ParsedFeed feed = parse("jsonfeed-missing-id.json", null);
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title, RawItem::link)
			.containsExactly(
					tuple(null, "Éboulement sur la RN90 : la route rouverte ce soir",
							"https://www.courrier-alpes.example/faits-divers/eboulement-rn90.html"),
					tuple(null, "Incendie à Moûtiers : aucun blessé", null));
	}

	@Test
	void keepsRelativeUrlsWithTheHomePageAsTheirBase() throws Exception {
		ParsedFeed feed = parse("jsonfeed-html-only.json", "application/feed+json; charset=utf-8");
		BaseChain home = new BaseChain(List.of("https://carnet.croix-rousse.example/blog/"));
		assertThat(feed.items()).singleElement().satisfies((item) -> {
			assertThat(item.title()).isNull();
			assertThat(item.link()).isEqualTo("notes/41.html");
			assertThat(item.summaryHtml()).startsWith("<p>Marché de la Croix-Rousse");
			assertThat(item.linkBase()).isEqualTo(home);
			assertThat(item.summaryBase()).isEqualTo(home);
		});
	}

	@Test
	void theFeedUrlIsTheBaseWhenThereIsNoHomePage() throws Exception {
		String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Le Fil\","
				+ "\"feed_url\":\"https://fil.example/flux/feed.json\",\"items\":[{\"id\":\"1\",\"url\":\"a.html\"}]}";
		assertThat(parse(json).items()).singleElement()
			.extracting(RawItem::linkBase)
			.isEqualTo(new BaseChain(List.of("https://fil.example/flux/feed.json")));
	}

	@Test
	void readsValuesOfTheWrongTypeAsNothingWithoutFailing() throws Exception {
		ParsedFeed feed = parse("jsonfeed-wrong-types.json", "application/json");
		assertThat(feed.format()).isEqualTo("json_1.1");
		assertThat(feed.title()).isNull();
		assertThat(feed.link()).isNull();
		// A string, a null, a number and an array in items are no items; the three objects are.
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title, RawItem::link, RawItem::summaryHtml,
				RawItem::published, RawItem::publishedText, RawItem::categories)
			.containsExactly(
					// An id given as a number is its digits (the spec asks readers to coerce it); a url that is an
					// object is none, so the external_url stands in; a date as a number is no RFC 3339 date.
					tuple("8812", null, "https://fil.example/2025/bilan.html", "Le bilan de l’année.", null, null,
							List.of("Bilan")),
					tuple(null, null, null, null, null, "vendredi dernier", List.of("Politique")),
					tuple(null, "Municipales : l’opposition fait front", "https://fil.example/2025/municipales.html",
							null, Instant.parse("2025-05-16T17:35:00Z"), "2025-05-16T19:35:00+02:00", List.of()));
	}

	@Test
	void refusesNestingDeeperThanAFeedNeeds() throws Exception {
		FeedParseException ex = refusal(bytes("jsonfeed-deep-nesting.json"), "application/feed+json");
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).startsWith("JSON refused, beyond the limits of a feed")
			.contains("" + JsonFeedReader.MAX_DEPTH);
	}

	@Test
	void refusesAStringLongerThanAnyArticle() {
		String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Le Fil\",\"items\":[{\"id\":\"1\","
				+ "\"content_html\":\"" + "a".repeat(JsonFeedReader.MAX_STRING + 1) + "\"}]}";
		FeedParseException ex = refusal(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).startsWith("JSON refused, beyond the limits of a feed").contains("String value length");
	}

	@Test
	void jsonThatIsNotAJsonFeedIsNotAFeed() throws Exception {
		FeedParseException ex = refusal(bytes("jsonfeed-not-a-feed.json"), "application/json");
		assertThat(ex.isNotAFeed()).isTrue();
		assertThat(ex.getMessage()).isEqualTo("JSON without a JSON Feed version (https://jsonfeed.org/version/…)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"https://example.org/version/1.1\"", "\"2.0\"", "1.1", "null",
			"{\"url\":\"https://jsonfeed.org/version/1.1\"}" })
	void anotherVersionIsNotAFeed(String version) {
		String json = "{\"version\":" + version + ",\"title\":\"Le Fil\",\"items\":[{\"id\":\"1\",\"title\":\"Un\"}]}";
		FeedParseException ex = refusal(json.getBytes(StandardCharsets.UTF_8), "application/json");
		assertThat(ex.isNotAFeed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[{\"version\":\"https://jsonfeed.org/version/1.1\"}]", "\"un flux\"", "42", "null" })
	void jsonThatIsNotAnObjectIsNotAFeed(String json) {
		FeedParseException ex = refusal(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
		assertThat(ex.isNotAFeed()).isTrue();
		assertThat(ex.getMessage()).isEqualTo("JSON that is not an object, not a JSON Feed");
	}

	@Test
	void itemsThatAreNotAnArrayAreAParseError() throws Exception {
		FeedParseException ex = refusal(bytes("jsonfeed-items-not-an-array.json"), null);
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).isEqualTo("a JSON Feed whose items are not an array");
	}

	@Test
	void aJsonFeedWithoutItemsIsAParseError() {
		byte[] body = "{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"Le Fil\"}"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(refusal(body, null).getMessage()).isEqualTo("a JSON Feed whose items are not an array");
	}

	@Test
	void anEmptyJsonFeedHasNoItems() throws Exception {
		assertThat(parse("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Le Fil\",\"items\":[]}").items())
			.isEmpty();
	}

	@Test
	void keepsTheWholeItemsOfATruncatedBody() throws Exception {
		ParsedFeed feed = parse("jsonfeed-truncated.json", "application/json");
		assertThat(feed.items()).extracting(RawItem::guid)
			.containsExactly("https://www.depeche-leman.example/2025/05/16/cgn-greve");
		assertThat(feed.endedEarly()).isTrue();
	}

	@Test
	void aWholeDocumentBrokenAfterAnItemKeepsItButDidNotEndEarly() throws Exception {
		// A comma missing between the items, then the document closes: broken, not cut.
		ParsedFeed feed = parse("""
				{"version": "https://jsonfeed.org/version/1.1", "items": [
				  {"id": "un", "title": "Un"}
				  {"id": "deux", "title": "Deux"}
				]}""");
		assertThat(feed.items()).extracting(RawItem::guid).containsExactly("un");
		assertThat(feed.endedEarly()).isFalse();
	}

	@Test
	void aDocumentWithoutVersionIsNotAFeedWhenItIsWhole() {
		byte[] body = "{\"items\": [{\"id\": \"un\", \"title\": \"Un\"}], \"title\": \"Le Fil\"}"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(refusal(body, "application/feed+json").isNotAFeed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [",
			"{\"version\": \"https://jsonfeed.org/version/1.1\" \"items\": []}", "{ un flux }" })
	void malformedJsonIsAParseError(String json) {
		FeedParseException ex = refusal(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).startsWith("not well-formed JSON: ");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "application/json", "application/feed+json", "text/plain", "text/html",
			"application/octet-stream" })
	void recognisesAJsonFeedByItsBodyWhateverTheServerSays(@Nullable String contentType) throws Exception {
		byte[] body = ("\uFEFF\n  " + new String(bytes("jsonfeed-1.0.json"), StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.parser.parse(body, contentType).format()).isEqualTo("json_1.0");
	}

	@Test
	void readsXmlServedAsJsonAsXml() throws Exception {
		assertThat(parse("rss20-minimal.xml", "application/json").format()).isEqualTo("rss_2.0");
	}

	@Test
	void decodesWindows1252BytesInAJsonFeed() throws Exception {
		byte[] body = new String(bytes("jsonfeed-1.0.json"), StandardCharsets.UTF_8)
			.getBytes(java.nio.charset.Charset.forName("windows-1252"));
		assertThat(this.parser.parse(body, "application/json").title()).isEqualTo("La Dépêche du Léman – Fil info");
	}

	@Test
	void keepsTheFirstTenThousandOfAHundredThousandItems() throws Exception {
		StringBuilder json = new StringBuilder(
				"{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Le Fil\",\"items\":[");
		for (int i = 0; i < 100_000; i++) {
			json.append((i > 0) ? "," : "").append("{\"id\":\"fil-").append(i).append("\",\"title\":\"Dépêche n°");
			json.append(i).append("\"}");
		}
		json.append("]}");
		ParsedFeed feed = parse(json.toString());
		assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS).hasSize(10_000);
		assertThat(feed.items().get(0)).extracting(RawItem::guid, RawItem::title)
			.containsExactly("fil-0", "Dépêche n°0");
		assertThat(feed.items().get(9_999).guid()).isEqualTo("fil-9999");
	}

	private ParsedFeed parse(String json) throws FeedParseException {
		return this.parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
	}

	private ParsedFeed parse(String fixture, @Nullable String contentType) throws IOException, FeedParseException {
		return this.parser.parse(bytes(fixture), contentType);
	}

	private FeedParseException refusal(byte[] body, @Nullable String contentType) {
		FeedParseException ex = catchThrowableOfType(FeedParseException.class,
				() -> this.parser.parse(body, contentType));
		assertThat(ex).as("FeedParseException").isNotNull();
		return ex;
	}

	private byte[] bytes(String fixture) throws IOException {
		return new ClassPathResource(fixture, getClass()).getContentAsByteArray();
	}

}

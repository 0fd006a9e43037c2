package fr.manchette.publish;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.config.TickerSelectors;
import fr.manchette.store.StoredItem;
import fr.manchette.support.AtomSchema;
import fr.manchette.support.FeedsFiles;
import fr.manchette.store.Story;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static fr.manchette.support.FeedsFiles.source;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merged feeds, checked by parsers and validators other than the Rome that wrote them. The Atom test reads the
 * RELAX NG schema of {@code ../shared/corpus/schemas/atom.rnc} ({@link AtomSchema}), and is skipped when that corpus
 * is not next to the project.
 */
class MergedFeedWriterTests {

	private static final Instant T0 = Instant.parse("2025-05-16T18:35:00Z");

	private static final FeedLinks LINKS = new FeedLinks("http://localhost:8080/feed.atom?category=sport",
			"http://localhost:8080/");

	private final CurrentFeeds feeds = new CurrentFeeds(FeedsFiles.inZone("Africa/Casablanca",
			source("hespress-fr", "Hespress FR", "sport"), source("le360", "Le360", null)));

	private final MergedFeedWriter writer = new MergedFeedWriter(this.feeds);

	private final List<Story> stories = List.of(
			new Story(item(1, "hespress-fr", "Azzedine Ounahi sacré joueur de l’année au Panathinaïkos",
					"https://fr.hespress.com/sport/ounahi.html", "<p>Le milieu <strong>marocain</strong> &amp; ses fans.</p>",
					T0), List.of(item(2, "le360", "Ounahi joueur de l’année", "https://le360.ma/sport/ounahi.html", "", T0.plusSeconds(60)))),
			new Story(item(3, "le360", "Carburants\u00a0: « baisse » de 10 centimes <à> la pompe", null, "", T0.minusSeconds(3600)),
					List.of()));

	@Test
	void atomIsValidAgainstTheRfc4287Schema() throws Exception {
		String atom = this.writer.atom(this.stories, LINKS, T0, PageFilters.NONE);

		assertThat(AtomSchema.errors(atom)).isEmpty();
		assertThat(AtomSchema.errors(this.writer.atom(this.stories, LINKS, T0, PageFilters.NONE.ranked(true)))).isEmpty();
		assertThat(AtomSchema.errors(this.writer.atom(List.of(), LINKS, T0, PageFilters.NONE))).isEmpty();
	}

	/**
	 * RFC 4287 §4.1.1: an entry without an alternate link must have content, a rule of the schema's Schematron part,
	 * which Jing leaves out. An item without a link has its summary as content, an empty one if it has none.
	 */
	@Test
	void atomEntryWithoutALinkHasItsSummaryAsContent() throws Exception {
		List<Story> withoutLinks = List.of(
				new Story(item(4, "le360", "Bourse de Casablanca : clôture en hausse", null,
						"<p>Le MASI gagne 0,5 %.</p>", T0), List.of()),
				this.stories.get(0), this.stories.get(1));
		Document atom = dom(this.writer.atom(withoutLinks, LINKS, T0, PageFilters.NONE));
		NodeList entries = atom.getElementsByTagNameNS(ATOM, "entry");

		Element summarized = (Element) entries.item(0);
		assertThat(links(summarized)).isEmpty();
		assertThat(text(summarized, "content")).isEqualTo("<p>Le MASI gagne 0,5 %.</p>");
		assertThat(summarized.getElementsByTagNameNS(ATOM, "summary").getLength()).isZero();
		Element linked = (Element) entries.item(1);
		assertThat(linked.getElementsByTagNameNS(ATOM, "content").getLength()).isZero();
		assertThat(text(linked, "summary")).contains("<strong>marocain</strong>");
		Element bare = (Element) entries.item(2);
		assertThat(links(bare)).isEmpty();
		assertThat(bare.getElementsByTagNameNS(ATOM, "content").getLength()).isOne();
		assertThat(AtomSchema.errors(this.writer.atom(withoutLinks, LINKS, T0, PageFilters.NONE))).isEmpty();
	}

	@Test
	void atomCarriesSourcesRelatedLinksAndDatesInRfc3339() throws Exception {
		Document atom = dom(this.writer.atom(this.stories, LINKS, T0, PageFilters.NONE));
		Element first = (Element) atom.getElementsByTagNameNS(ATOM, "entry").item(0);

		assertThat(text(first, "title")).isEqualTo("Azzedine Ounahi sacré joueur de l’année au Panathinaïkos");
		assertThat(text(first, "published")).isEqualTo("2025-05-16T18:35:00Z");
		assertThat(text(first, "id")).startsWith("urn:manchette:item:hespress-fr:");
		assertThat(links(first)).containsExactly("alternate https://fr.hespress.com/sport/ounahi.html",
				"related https://le360.ma/sport/ounahi.html");
		Element source = (Element) first.getElementsByTagNameNS(ATOM, "source").item(0);
		assertThat(text(source, "title")).isEqualTo("Hespress FR");
		assertThat(((Element) first.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"))
			.isEqualTo("sport");
		Element second = (Element) atom.getElementsByTagNameNS(ATOM, "entry").item(1);
		assertThat(text(second, "title")).isEqualTo("Carburants\u00a0: « baisse » de 10 centimes <à> la pompe");
	}

	@Test
	void rssHasWhatRss20RequiresAndRfc822Dates() throws Exception {
		Document rss = dom(this.writer.rss(this.stories, LINKS, T0, PageFilters.NONE));
		Element channel = (Element) rss.getElementsByTagName("channel").item(0);
		NodeList items = rss.getElementsByTagName("item");

		assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		assertThat(text(channel, "title")).isEqualTo("Manchette");
		assertThat(text(channel, "link")).isEqualTo("http://localhost:8080/");
		assertThat(text(channel, "description")).isNotBlank();
		assertThat(items.getLength()).isEqualTo(2);
		Element first = (Element) items.item(0);
		assertThat(ZonedDateTime.parse(text(first, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
			.isEqualTo(T0);
		Element source = (Element) first.getElementsByTagName("source").item(0);
		assertThat(source.getAttribute("url")).isEqualTo("https://hespress-fr.example/feed");
		assertThat(source.getTextContent()).isEqualTo("Hespress FR");
		assertThat(((Element) first.getElementsByTagName("guid").item(0)).getAttribute("isPermaLink"))
			.isEqualTo("false");
		assertThat(text(first, "description")).contains("<strong>marocain</strong> &amp; ses fans", "Aussi dans",
				"href=\"https://le360.ma/sport/ounahi.html\"");
		assertThat(((Element) items.item(1)).getElementsByTagName("link").getLength()).isZero();
		// Readers show Dublin Core's creator as the item's author (RSS's own author is an e-mail address): the source.
		assertThat(first.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator").item(0).getTextContent())
			.isEqualTo("Hespress FR");
		assertThat(((Element) items.item(1)).getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator")
			.item(0)
			.getTextContent()).isEqualTo("Le360");
	}

	/**
	 * A reader subscribed to several lists of one service shows each by its title: a narrowed list says what it
	 * holds (the category as feeds.yml writes it, the sources' names, the words, the languages), in every format.
	 */
	@Test
	void aNarrowedListSaysWhatItHoldsInItsTitle() throws Exception {
		PageFilters narrowed = new PageFilters(List.of("le360"), "SPORT", "maroc", true, List.of("fr"), "2025-05-16",
				"10");
		String title = "Manchette — À la une — sport · Le360 · « maroc » · fr";

		assertThat(text(dom(this.writer.rss(this.stories, LINKS, T0, narrowed)).getDocumentElement(), "title"))
			.isEqualTo(title);
		assertThat(text(dom(this.writer.atom(this.stories, LINKS, T0, narrowed)).getDocumentElement(), "title"))
			.isEqualTo(title);
		assertThat(JsonMapper.builder()
			.build()
			.readTree(new JsonFeedWriter(this.feeds, JsonMapper.builder().build()).json(this.stories, LINKS, narrowed))
			.get("title")
			.asString()).isEqualTo(title);
		PageFilters many = new PageFilters(List.of("le360", "hespress-fr", "medias24", "h24"), null, null);
		assertThat(text(dom(this.writer.atom(this.stories, LINKS, T0, many)).getDocumentElement(), "title"))
			.isEqualTo("Manchette — 4 sources");
		// Since and the limit say when and how many, not what: the whole list's title.
		assertThat(text(dom(this.writer.atom(this.stories, LINKS, T0,
				new PageFilters(List.of(), null, null, false, List.of(), "2025-05-16", "10")))
			.getDocumentElement(), "title")).isEqualTo("Manchette");
	}

	@Test
	void jsonFeedReadsBackAsJsonFeed11() {
		String json = new JsonFeedWriter(this.feeds, JsonMapper.builder().build()).json(this.stories, LINKS, PageFilters.NONE);
		JsonNode feed = JsonMapper.builder().build().readTree(json);

		assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.get("title").asString()).isEqualTo("Manchette");
		assertThat(feed.get("items")).hasSize(2);
		JsonNode first = feed.get("items").get(0);
		assertThat(first.get("id").asString()).startsWith("urn:manchette:item:hespress-fr:");
		assertThat(first.get("url").asString()).isEqualTo("https://fr.hespress.com/sport/ounahi.html");
		assertThat(first.get("date_published").asString()).isEqualTo("2025-05-16T18:35:00Z");
		assertThat(first.get("authors").get(0).get("name").asString()).isEqualTo("Hespress FR");
		assertThat(first.get("_manchette").get("also_in").get(0).asString()).isEqualTo("le360");
		assertThat(feed.get("items").get(1).has("url")).isFalse();
	}

	@Test
	void jsonFeedLeavesOutASummaryThatSaysNothing() {
		StoredItem bare = new StoredItem(5, "le360", "key5", "story5", "guid5", "https://le360.ma/5",
				"Bourse de Casablanca : clôture en hausse", "", "", List.of(), T0, true, T0, T0, T0);
		String json = new JsonFeedWriter(this.feeds, JsonMapper.builder().build())
			.json(List.of(new Story(bare, List.of()), this.stories.get(0)), LINKS, PageFilters.NONE);
		JsonNode items = JsonMapper.builder().build().readTree(json).get("items");

		assertThat(items.get(0).has("summary")).isFalse();
		assertThat(items.get(0).has("content_html")).isTrue();
		assertThat(items.get(1).get("summary").asString()).isNotBlank();
	}

	/**
	 * What Atom and RSS say of a story in their summary, JSON Feed says in its content: the other sources that told it
	 * (« Aussi dans : »), and ranked à la une, how many did, in a feed titled as the others are.
	 */
	@Test
	void jsonFeedSaysWhatAtomAndRssSayOfAStoryAndOfTheTopStories() {
		JsonFeedWriter writer = new JsonFeedWriter(this.feeds, JsonMapper.builder().build());

		JsonNode latest = JsonMapper.builder().build().readTree(writer.json(this.stories, LINKS, PageFilters.NONE));
		assertThat(latest.get("items").get(0).get("content_html").asString()).startsWith("<p>Le milieu")
			.contains("Aussi dans : <a href=\"https://le360.ma/sport/ounahi.html\">Le360</a>")
			.doesNotContain("Repris par");

		JsonNode une = JsonMapper.builder().build().readTree(writer.json(this.stories, LINKS, PageFilters.NONE.ranked(true)));
		assertThat(une.get("title").asString()).isEqualTo("Manchette — À la une");
		assertThat(une.get("description").asString()).isEqualTo(this.writer.atom(this.stories, LINKS, T0, PageFilters.NONE.ranked(true))
			.replaceFirst("(?s).*<subtitle type=\"text\">([^<]+)</subtitle>.*", "$1"));
		assertThat(une.get("items").get(0).get("content_html").asString()).contains("Repris par 2 sources. Aussi dans : ");
	}

	@Test
	void jsonFeedDatesAreToTheSecondAsTheOtherFeedsAreEvenForAnItemDatedWhenFirstSeen() {
		// An undated item takes the time it was first seen, to the microsecond.
		Instant seen = T0.plusNanos(123_456_000);
		List<Story> undated = List.of(new Story(item(4, "le360", "Sans date", null, "", seen), List.of()));

		JsonNode item = JsonMapper.builder()
			.build()
			.readTree(new JsonFeedWriter(this.feeds, JsonMapper.builder().build()).json(undated, LINKS, PageFilters.NONE))
			.get("items")
			.get(0);

		assertThat(item.get("date_published").asString()).isEqualTo("2025-05-16T18:35:00Z");
	}

	@Test
	void jsonFeedHubsKeepTheirKeysInOneOrderFromOneStartToTheNext() {
		FeedLinks links = new FeedLinks(LINKS.self(), LINKS.site(), List.of("https://hub.example/"));

		assertThat(new JsonFeedWriter(this.feeds, JsonMapper.builder().build()).json(this.stories, links, PageFilters.NONE))
			.contains("\"hubs\":[{\"type\":\"WebSub\",\"url\":\"https://hub.example/\"}]");
	}

	@Test
	void atomAndRssLeaveOutWhatXmlCannotCarry() throws Exception {
		// What a feed can hand on: a lone surrogate or U+FFFF from a JSON Feed's escapes, U+FFFF from an entity an
		// RSS feed escaped twice, a control character. Stored as read, Rome refused the whole merged feed (a 500
		// for every reader) until the item left it.
		String unfit = "\uD800\uFFFE\uFFFF\u0001";
		StoredItem lead = new StoredItem(9, "le360", "key9", "story9", "guid9", "https://le360.ma/x.html",
				"Titre " + unfit + "net 😀", "<p>Résumé " + unfit + "net</p>", "Résumé", List.of("cat" + unfit),
				T0, true, T0, T0, T0);
		List<Story> stories = List.of(new Story(lead, List.of()));

		Element entry = (Element) dom(this.writer.atom(stories, LINKS, T0, PageFilters.NONE)).getElementsByTagNameNS(ATOM, "entry")
			.item(0);
		assertThat(text(entry, "title")).isEqualTo("Titre net 😀");
		assertThat(text(entry, "summary")).isEqualTo("<p>Résumé net</p>");
		assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"))
			.isEqualTo("cat");

		Element item = (Element) dom(this.writer.rss(stories, LINKS, T0, PageFilters.NONE)).getElementsByTagName("item").item(0);
		assertThat(text(item, "title")).isEqualTo("Titre net 😀");
		assertThat(text(item, "description")).isEqualTo("<p>Résumé net</p>");
		assertThat(text(item, "category")).isEqualTo("cat");
	}

	/**
	 * A type html source has no feed: the source a reader could follow is the merged feed of its items here, as the
	 * OPML lists it, and its page is the source's alternate link, never given as a feed.
	 */
	@Test
	void aPageSourceIsGivenAsTheFeedOfItsItemsHere() throws Exception {
		Source page = new Source("fil-info", "Le Fil", URI.create("https://fil.example/fil-info"), "sport",
				Duration.ofMinutes(15), true, SourceType.HTML, new TickerSelectors("li", "a", ZoneId.of("Africa/Casablanca")),
				false);
		MergedFeedWriter pages = new MergedFeedWriter(new CurrentFeeds(FeedsFiles.inZone("Africa/Casablanca", page)));
		List<Story> stories = List.of(new Story(item(5, "fil-info", "Ounahi joueur de l’année",
				"https://fil.example/sport/ounahi.html", "", T0), List.of()));

		String atom = pages.atom(stories, LINKS, T0, PageFilters.NONE);
		Element origin = (Element) dom(atom).getElementsByTagNameNS(ATOM, "source").item(0);
		assertThat(links(origin)).containsExactlyInAnyOrder("self http://localhost:8080/feed.atom?source=fil-info",
				"alternate https://fil.example/fil-info");
		assertThat(AtomSchema.errors(atom)).isEmpty();
		Element rssSource = (Element) dom(pages.rss(stories, LINKS, T0, PageFilters.NONE)).getElementsByTagName("source").item(0);
		assertThat(rssSource.getAttribute("url")).isEqualTo("http://localhost:8080/feed.rss?source=fil-info");
	}

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static List<String> links(Element entry) {
		List<String> links = new ArrayList<>();
		NodeList nodes = entry.getElementsByTagNameNS(ATOM, "link");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element link = (Element) nodes.item(i);
			if (link.getParentNode() == entry) {
				links.add(link.getAttribute("rel") + " " + link.getAttribute("href"));
			}
		}
		return links;
	}

	private static String text(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS("*", name);
		return nodes.item(0).getTextContent();
	}

	private static Document dom(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}


	private static StoredItem item(long id, String source, String title, String link, String summary, Instant at) {
		return new StoredItem(id, source, "key" + id, "story", "guid" + id, link, title, summary, title,
				List.of(), at, true, at, at, at);
	}

}

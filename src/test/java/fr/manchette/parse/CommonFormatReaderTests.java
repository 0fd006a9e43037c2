package fr.manchette.parse;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jdom2.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link CommonFormatReader}: whatever it reads, it reads as Rome does ({@link FeedParser#readWithRome(Document)} on
 * the same document), and what it cannot read so is left to Rome.
 */
class CommonFormatReaderTests {

	private static final Path CORPUS = Path.of("..", "shared", "corpus");

	private static final String CHANNEL = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
			+ " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Le Fil</title>"
			+ "<link>https://fil.example/</link><language>fr</language>";

	private static final String FEED = "<feed xmlns=\"http://www.w3.org/2005/Atom\""
			+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><title>Le Fil</title>"
			+ "<link href=\"https://fil.example/\"/>";

	private final FeedParser parser = new FeedParser();

	@ParameterizedTest
	@ValueSource(strings = { "rss20-minimal.xml", "rss2-french-cdata.xml", "rss2-missing-dates.xml",
			"rss2-missing-guid.xml", "rss2-named-zones.xml", "rss2-relative-links.xml", "rss2-websub-hub.xml",
			"rss2-double-encoded-utf8.xml", "rss2-windows1252-declared-utf8.xml",
			"rss2-latin1-prolog.xml", "atom10-french.xml", "atom10-websub-hub.xml", "rss2-pictures-given-apart.xml",
			"atom10-pictures-given-apart.xml" })
	void readsTheFixturesOfBothFormatsAsRomeDoes(String fixture) throws Exception {
		assertReadAsRome(new ClassPathResource(fixture, getClass()).getContentAsByteArray());
	}

	/**
	 * Every RSS 2.0 or Atom 1.0 file of the shared corpus next to the project, when it is there: French feeds and
	 * the feed-parser test suite's odd ones.
	 */
	@Test
	void readsEveryFeedOfTheCorpusItReadsAsRomeDoes() throws Exception {
		List<Path> files = corpus();
		int read = 0;
		for (Path file : files) {
			byte[] body = Files.readAllBytes(file);
			Document document = document(body);
			if (document != null && CommonFormatReader.read(document) != null) {
				assertThat(this.parser.parse(body, null)).as(file.toString()).isEqualTo(romes(body));
				read++;
			}
		}
		// Half the corpus is RSS 2.0 or Atom 1.0 (the feed-parser suite holds many Atom 0.3 and RSS 0.9x files).
		assertThat(read).isGreaterThanOrEqualTo(files.size() / 3);
	}

	@Test
	void takesTheValuesRomeTakesFromAnRssItem() throws Exception {
		ParsedFeed feed = assertReadAsRome(CHANNEL
				// An empty link is none, and the permalink guid does not stand in for it.
				+ "<item><title> Un </title><link></link><guid>https://fil.example/1</guid></item>"
				// A missing link is the permalink guid, which isPermaLink="false" is not.
				+ "<item><title>Deux</title><guid>https://fil.example/2</guid></item>"
				+ "<item><title>Trois</title><guid isPermaLink=\"false\">https://fil.example/3</guid></item>"
				+ "<item><title>Quatre</title><guid isPermaLink=\"TRUE\">https://fil.example/4</guid></item>"
				// Dublin Core's creator before the author, its date before the pubDate, unless unreadable.
				+ "<item><title>Cinq</title><author>a@fil.example (A)</author><dc:creator>B</dc:creator>"
				+ "<pubDate>Tue, 10 Jun 2025 08:15:00 +0200</pubDate><dc:date>2025-06-11T08:00:00Z</dc:date></item>"
				+ "<item><title>Six</title><author>a@fil.example (A)</author><dc:creator> </dc:creator>"
				+ "<pubDate>Tue, 10 Jun 2025 08:15:00 +0200</pubDate><dc:date>hier</dc:date></item>"
				+ "<item><title>Sept</title><author>a@fil.example (A)</author>"
				+ "<pubDate>10 Jun 2025 08:15 CEST</pubDate></item>"
				// Blank categories out, repeats of a name and domain out, the same name in another domain kept.
				+ "<item><category>Sport</category><category> </category><category>Sport</category>"
				+ "<category domain=\"x\">Sport</category><category>Rugby</category></item>"
				// Markup in a description is written out, text unescaped; content:encoded when it is blank.
				+ "<item><description>Le <b xmlns=\"\">match</b> &amp; <![CDATA[<i>la fête</i>]]></description></item>"
				+ "<item><description> </description><content:encoded>&lt;p&gt;Tout&lt;/p&gt;</content:encoded></item>"
				+ "</channel></rss>");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::link, RawItem::author)
			.startsWith(tuple(" Un ", null, null),
					tuple("Deux", "https://fil.example/2", null),
					tuple("Trois", null, null),
					tuple("Quatre", "https://fil.example/4", null),
					tuple("Cinq", null, "B"),
					tuple("Six", null, null),
					tuple("Sept", null, "a@fil.example (A)"));
		assertThat(feed.items().get(7).categories()).containsExactly("Sport", "Sport", "Rugby");
		assertThat(feed.items().get(8).summaryHtml()).isEqualTo("Le <b>match</b> & <i>la fête</i>");
		assertThat(feed.items().get(9).summaryHtml()).isEqualTo("<p>Tout</p>");
	}

	@Test
	void readsRssWithoutVersionOrWithALongerOneAsRss2() throws Exception {
		assertThat(assertReadAsRome("<rss><channel><title>Le Fil</title><item><title>Un</title></item></channel></rss>")
			.format()).isEqualTo("rss_2.0");
		assertReadAsRome("<rss version=\" 2.0.1 \"><channel><item><title>Un</title></item></channel></rss>");
	}

	@Test
	void takesTheValuesRomeTakesFromAnAtomEntry() throws Exception {
		ParsedFeed feed = assertReadAsRome(FEED + "<link rel=\"self\" href=\"https://fil.example/atom\"/>"
				+ "<dc:language>fr-BE</dc:language>"
				// Text is escaped, XHTML written out (Atom's namespace left out); summary before content.
				+ "<entry><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Un <b>gras</b></div>"
				+ "</title><summary>a &lt; b</summary><content type=\"html\">&lt;p&gt;Non&lt;/p&gt;</content>"
				+ "<link rel=\"related\" href=\"https://ailleurs.example/\"/><link href=\"https://fil.example/1\"/>"
				+ "</entry>"
				+ "<entry><title type=\"xhtml\"><div>Deux</div></title><summary type=\"xhtml\"><p>Résumé</p></summary>"
				// A first alternate link (a blank rel is one) without address gives way to the next whose rel is
				// "alternate" or none, not to a blank one.
				+ "<link rel=\" \"/><link rel=\"\" href=\"https://fil.example/vide\"/>"
				+ "<link rel=\"alternate\" href=\"https://fil.example/2\"/></entry>"
				// An author without a name is none, and hides Dublin Core's creator.
				+ "<entry><title>Trois</title><author><email>x@fil.example</email></author>"
				+ "<dc:creator>C</dc:creator><updated>2025-06-10T08:00:00Z</updated>"
				+ "<dc:date>2025-06-09T08:00:00Z</dc:date><category term=\"Sport\"/><category label=\"Sans\"/>"
				+ "<category term=\"Sport\"/></entry>"
				+ "<entry><title>Quatre</title><dc:creator>D</dc:creator><published>lundi</published>"
				+ "<updated>2025-06-10T08:00:00+02:00</updated></entry>" + "</feed>");
		assertThat(feed.link()).isEqualTo("https://fil.example/atom");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::link, RawItem::author)
			.containsExactly(tuple("<div xmlns=\"http://www.w3.org/1999/xhtml\">Un <b>gras</b></div>",
					"https://fil.example/1", null), tuple("<div>Deux</div>", "https://fil.example/2", null),
					tuple("Trois", null, null),
					tuple("Quatre", null, "D"));
		assertThat(feed.items().get(0).summaryHtml()).isEqualTo("a &lt; b");
		assertThat(feed.items().get(0).language()).isEqualTo("fr-BE");
		assertThat(feed.items().get(2).categories()).containsExactly("Sport", "Sport");
	}

	/**
	 * An Atom title's type as Rome reads it: text when it says so or says nothing, markup when html or xhtml, or when
	 * it holds elements whatever it says; an RSS title says none.
	 */
	@Test
	void takesTheTypeOfEachTitleAsRomeDoes() throws Exception {
		ParsedFeed atom = assertReadAsRome(FEED + "<entry><title type=\"text\">Cours de HTML : la balise &lt;p&gt; et"
				+ " l'entité &amp;amp; expliquées</title></entry><entry><title>La balise &lt;script&gt;</title></entry>"
				+ "<entry><title type=\"html\">&lt;b&gt;Gras&lt;/b&gt;</title></entry>"
				+ "<entry><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Un <b>gras</b></div>"
				+ "</title></entry><entry><title type=\"text\">Le 2<sup>e</sup> tour</title></entry></feed>");
		assertThat(atom.items()).extracting(RawItem::title, RawItem::titleType)
			.containsExactly(tuple("Cours de HTML : la balise <p> et l'entité &amp; expliquées", TitleType.TEXT),
					tuple("La balise <script>", TitleType.TEXT), tuple("<b>Gras</b>", TitleType.HTML),
					tuple("<div xmlns=\"http://www.w3.org/1999/xhtml\">Un <b>gras</b></div>", TitleType.HTML),
					tuple("Le 2<sup xmlns=\"http://www.w3.org/2005/Atom\">e</sup> tour", TitleType.HTML));
		ParsedFeed rss = assertReadAsRome(CHANNEL + "<item><title>La balise &lt;script&gt;</title></item>"
				+ "<item><title>Le 2<sup>e</sup> tour</title></item><item><dc:title>&lt;b&gt;Un&lt;/b&gt;</dc:title>"
				+ "</item></channel></rss>");
		assertThat(rss.items()).extracting(RawItem::title, RawItem::titleType)
			.containsExactly(tuple("La balise <script>", TitleType.UNSAID), tuple("Le 2<sup>e</sup> tour", TitleType.HTML),
					tuple("<b>Un</b>", TitleType.UNSAID));
	}

	@ParameterizedTest
	@ValueSource(strings = { "<rss version=\"0.91\"><channel><item><title>Un</title></item></channel></rss>",
			"<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\"><channel><item/></channel></rss>",
			"<rss version=\"2.0\"><channel><item/></channel><channel><item/></channel></rss>",
			"<rss version=\"2.0\" xmlns:x=\"urn:x\"><channel><item/><x:item/></channel></rss>",
			"<rss version=\"2.0\"><channel><cloud port=\"quatre-vingts\"/><item/></channel></rss>",
			"<rss version=\"2.0\"><channel><skipHours><hour>midi</hour></skipHours><item/></channel></rss>",
			"<rss version=\"2.0\"><item/></rss>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
					+ "<sy:updateFrequency>souvent</sy:updateFrequency><entry/></feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><link rel=\"self\"/><entry/></feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:x=\"urn:x\"><entry/><x:entry/></feed>",
			"<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\"><entry/></feed>" })
	void leavesToRomeWhatItMightReadOtherwise(String xml) throws Exception {
		assertThat(CommonFormatReader.read(SafeXml.parse(xml))).isNull();
	}

	@Test
	void aChannelThatRomeFailsOnIsReadByRomeWithoutWhatItFailsOn() throws Exception {
		String refused = "<rss version=\"2.0\"><channel><title>Le Fil</title><cloud port=\"quatre-vingts\"/>"
				+ "<item><title>Un</title></item></channel></rss>";
		String read = "<rss version=\"2.0\"><channel><title>Le Fil</title><item><title>Un</title></item></channel></rss>";
		assertThat(this.parser.parse(refused.getBytes(StandardCharsets.UTF_8), null))
			.isEqualTo(romes(read.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void keepsTheFirstItemsOfAHugeFeedOnly() throws Exception {
		StringBuilder xml = new StringBuilder(CHANNEL);
		for (int i = 0; i < FeedParser.MAX_ITEMS + 500; i++) {
			xml.append("<item><title>N° ").append(i).append("</title><guid>g").append(i).append("</guid></item>");
		}
		ParsedFeed feed = this.parser.parse(xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8),
				null);
		assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS);
		assertThat(feed.items().get(FeedParser.MAX_ITEMS - 1).guid()).isEqualTo("g" + (FeedParser.MAX_ITEMS - 1));
	}

	@ParameterizedTest
	@MethodSource("hostile")
	void hostileDocumentsAreRefusedBeforeAnyReading(String xml) {
		FeedParseException ex = refusal(xml.getBytes(StandardCharsets.UTF_8));
		assertThat(ex.kind()).isEqualTo(ParseFailureKind.PARSE_ERROR);
	}

	static Stream<String> hostile() {
		return Stream.of(
				"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + CHANNEL
						+ "<item><title>&xxe;</title></item></channel></rss>",
				"<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
						+ FEED + "<entry><title>&b;</title></entry></feed>",
				"<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://127.0.0.1:1/evil.dtd\">" + CHANNEL
						+ "<item><title>&evil;</title></item></channel></rss>",
				// Malformed beyond repair: no element ever closes.
				"<rss version=\"2.0\"><channel><item><title>Un<item><title>Deux");
	}

	@Test
	void aMalformedDocumentRepairedIsReadAsRomeReadsTheRepair() throws Exception {
		byte[] body = (CHANNEL + "<item><title>Tom & Jerry</title><link>https://fil.example/1</link></item>"
				+ "</channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
		Document repaired = LenientXml.recover(SafeXml.prepare(FeedText.decode(body, null)), true).tree();
		ParsedFeed feed = this.parser.parse(body, null);
		assertThat(feed).isEqualTo(FeedParser.readWithRome(repaired));
		assertThat(feed.format()).isEqualTo("rss_2.0");
		assertThat(feed.items()).extracting(RawItem::title).containsExactly("Tom & Jerry");
	}

	@Test
	void windows1252BytesDeclaredUtf8AreReadAsTheirCharacters() throws Exception {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + CHANNEL
				+ "<item><title>L’été à Agen</title><category>Société</category></item></channel></rss>")
			.getBytes(Charset.forName("windows-1252"));
		ParsedFeed feed = assertReadAsRome(body);
		assertThat(feed.items().get(0).title()).isEqualTo("L’été à Agen");
		assertThat(feed.items().get(0).categories()).containsExactly("Société");
	}

	private ParsedFeed assertReadAsRome(String xml) throws Exception {
		return assertReadAsRome(xml.getBytes(StandardCharsets.UTF_8));
	}

	/** Reads the body with the parser and with Rome alone, each from its own document, and asserts the same feed. */
	private ParsedFeed assertReadAsRome(byte[] body) throws Exception {
		Document document = document(body);
		assertThat(document).isNotNull();
		assertThat(CommonFormatReader.read(document)).as("read without Rome").isNotNull();
		ParsedFeed feed = this.parser.parse(body, null);
		assertThat(feed).isEqualTo(romes(body));
		return feed;
	}

	private static ParsedFeed romes(byte[] body) throws FeedParseException {
		Document document = document(body);
		assertThat(document).isNotNull();
		return FeedParser.readWithRome(document);
	}

	/** The document the parser reads from a body without DOCTYPE, or null (anything else is not compared here). */
	private static @Nullable Document document(byte[] body) {
		Document document = SafeXml.parseUnprepared(FeedText.decode(body, null));
		if (document == null || !FeedParser.ROOTS.contains(document.getRootElement().getName())) {
			return null;
		}
		FeedParser.prepare(document);
		return document;
	}

	private FeedParseException refusal(byte[] body) {
		FeedParseException ex = catchThrowableOfType(FeedParseException.class, () -> this.parser.parse(body, null));
		assertThat(ex).as("FeedParseException").isNotNull();
		return ex;
	}

	private static List<Path> corpus() throws IOException {
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(CORPUS)) {
			return files;
		}
		try (Stream<Path> walk = Files.walk(CORPUS)) {
			walk.filter(Files::isRegularFile)
				.filter((file) -> file.toString().matches(".*\\.(xml|rss|atom)"))
				.sorted()
				.forEach(files::add);
		}
		return files;
	}

}

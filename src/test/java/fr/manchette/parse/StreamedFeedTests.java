package fr.manchette.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link StreamedRss} and {@link StreamedAtom}: what they read, they read as the tree's way does ({@link FeedParser#parse(byte[], String,
 * boolean)} without them, on the same bytes); what they may not read so, they leave to the tree, hostile documents
 * first.
 */
class StreamedFeedTests {

	private static final Path CORPUS = Path.of("..", "shared", "corpus");

	private static final String RSS = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
			+ " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:atom=\"http://www.w3.org/2005/Atom\""
			+ " xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\" xmlns:media=\"http://search.yahoo.com/mrss/\""
			+ " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">";

	private static final String CHANNEL = RSS + "<channel>\n  <title> Le Fil </title>\n"
			+ "  <link>https://fil.example/</link><language>fr</language>";

	private static final String ITEM = "<item><title>Un</title><link>https://fil.example/1</link></item>";

	private static final String FEED = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\" fr \""
			+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:a=\"http://www.w3.org/2005/Atom\""
			+ " xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication\">";

	private static final String ENTRY = "<entry><title>Un</title><link href=\"https://fil.example/1\"/></entry>";

	private final FeedParser parser = new FeedParser();

	@Test
	void readsTheValuesOfEveryAtomElementAsTheTreeDoes() throws Exception {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + FEED
				+ "<title type=\"html\"> Le &lt;b&gt;Fil&lt;/b&gt; </title><dc:language>fr-FR</dc:language>"
				+ "<link rel=\"alternate\" href=\"https://fil.example/\"/><link rel=\"self\" href=\"https://fil.example/atom\"/>"
				+ "<link rel=\"hub\" href=\"https://hub.example/\"/><sy:updatePeriod>daily</sy:updatePeriod>"
				+ "<sy:updateFrequency>4</sy:updateFrequency><author><name>Le Fil</name></author>"
				+ "<entry xml:lang=\"de\"><title> Un &amp; deux </title><id> urn:1 </id>"
				+ "<link rel=\"enclosure\" href=\"https://fil.example/1.mp3\"/><link a:rel=\"alternate\" href=\" \"/>"
				+ "<link href=\"https://fil.example/1\"/><category term=\"Sport\"/><category/>"
				+ "<author><email>a@fil.example</email><name>Une</name><name>Deux</name></author><author><name>Trois</name></author>"
				+ "<dc:creator>Quatre</dc:creator><updated>2026-12-04T10:00:00Z</updated>"
				+ "<published>demain</published><dc:date>2026-12-03T10:00:00Z</dc:date>"
				+ "<summary>a &lt; b</summary><content type=\"html\"><![CDATA[<p>Tout</p>]]></content></entry>"
				+ "<entry><title>Deux</title><link rel=\"alternate\" a:href=\"https://fil.example/2\"/>"
				+ "<author><uri>https://fil.example/</uri></author><dc:creator>Cinq</dc:creator><language> es </language>"
				+ "<summary type=\"text\"> </summary><content>Le texte</content></entry>"
				+ "<entry><title type=\"text/html\">Trois</title><dc:creator>Six</dc:creator>"
				+ "<link rel=\"related\" href=\"https://fil.example/r\"/></entry>"
				+ "</feed>";
		ParsedFeed feed = assertReadAsTheTreeReads(xml, true);
		assertThat(feed.items()).hasSize(3);
		assertThat(feed.self()).isEqualTo("https://fil.example/atom");
		assertThat(feed.items().get(0).author()).isEqualTo("Une");
		assertThat(feed.items().get(1).language()).isEqualTo("es");
		assertThat(feed.items().get(2).language()).isEqualTo("fr");
	}

	/**
	 * An Atom title's type, read without a tree as the tree reads it: text when it says so or says nothing, markup when
	 * html; an RSS title says none.
	 */
	@Test
	void readsWhatEachTitleIsDeclaredAsTheTreeDoes() throws Exception {
		String atom = FEED + "<entry><title type=\"text\">Cours de HTML : la balise &lt;p&gt; et l'entité &amp;amp;"
				+ " expliquées</title></entry><entry><title>La balise &lt;script&gt; reste</title></entry>"
				+ "<entry><title type=\"html\">&lt;b&gt;Gras&lt;/b&gt; et &amp;amp;</title></entry></feed>";
		assertThat(assertReadAsTheTreeReads(atom, true).items()).extracting(RawItem::title, RawItem::titleType)
			.containsExactly(tuple("Cours de HTML : la balise <p> et l'entité &amp; expliquées", TitleType.TEXT),
					tuple("La balise <script> reste", TitleType.TEXT), tuple("<b>Gras</b> et &amp;", TitleType.HTML));
		String rss = CHANNEL + "<item><title>Faille XSS : la balise &lt;script&gt; reste dangereuse</title></item>"
				+ "</channel></rss>";
		assertThat(assertReadAsTheTreeReads(rss, true).items()).extracting(RawItem::title, RawItem::titleType)
			.containsExactly(tuple("Faille XSS : la balise <script> reste dangereuse", TitleType.UNSAID));
	}

	/** Bases on the feed, the entry, its links, summary and content: chained as the tree's reader chains them. */
	@Test
	void chainsTheBasesOfAnAtomEntryAsTheTreeDoes() throws Exception {
		String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://fil.example/a/\">"
				+ "<entry xml:base=\" b/ \"><title>Un</title><link xml:base=\"c/\" href=\"d.html\"/>"
				+ "<summary xml:base=\"../e/\">Le résumé</summary><content xml:base=\"f/\">Le texte</content></entry>"
				+ "<entry xml:base=\"\"><title>Deux</title><link href=\"/g\"/><content xml:base=\"h/\">Tout</content></entry>"
				+ "</feed>";
		ParsedFeed feed = assertReadAsTheTreeReads(xml, true);
		assertThat(feed.items().get(0).linkBase().references()).containsExactly("https://fil.example/a/", "b/", "c/");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Le <b>Fil</b></div></title></feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>Un</title><content type=\"application/xhtml+xml\">x</content></entry></feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><summary>Un <b>gras</b></summary></entry></feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><x:entry xmlns:x=\"urn:x\"><title>Un</title></x:entry></feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
					+ "<sy:updateFrequency>x</sy:updateFrequency></feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><link rel=\"self\"/>" + ENTRY + "</feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><author><name>Un<b/></name></author></entry></feed>",
			"<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\"><entry><title>Un</title></entry></feed>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>Un</title></entry>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>Un</title><author><uri><x xml:base=\"y/\"/></uri></author></entry></feed>" })
	void leavesToTheTreeTheAtomItMayNotReadAsTheTreeDoes(String xml) throws Exception {
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		assertThat(readsWithoutTree(body)).isFalse();
		assertSameOutcome(body);
	}

	@Test
	void leavesToTheTreeAnAtomFeedOfMoreEntriesThanThoseKept() throws Exception {
		StringBuilder xml = new StringBuilder(FEED);
		for (int i = 0; i <= FeedParser.MAX_ITEMS; i++) {
			xml.append("<entry><title>").append(i).append("</title></entry>");
		}
		byte[] body = xml.append("</feed>").toString().getBytes(StandardCharsets.UTF_8);
		assertThat(readsWithoutTree(body)).isFalse();
		assertThat(this.parser.parse(body, null).items()).hasSize(FeedParser.MAX_ITEMS);
		assertSameOutcome(body);
	}

	@Test
	void readsTheValuesOfEveryElementAsTheTreeDoes() throws Exception {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + CHANNEL
				+ "<ttl> 30 </ttl><sy:updatePeriod>hourly</sy:updatePeriod>"
				+ "<atom:link rel=\"hub self\" href=\" https://hub.example/ \"/><atom:link rel=\"hub\" href=\"https://hub.example/\"/>"
				+ "<image><title>Logo</title><url>https://fil.example/logo.png</url><link>https://fil.example/</link></image>"
				+ "<item rdf:about=\"urn:un\"><title> Un &amp; l&#8217;autre </title><link> https://fil.example/1 </link>"
				+ "<description>Texte <!-- coupé --> en <![CDATA[<b>deux</b>]]> morceaux</description>"
				+ "<category>Sport</category><category domain=\"x\">Sport</category><category>Sport</category>"
				+ "<category>  </category><dc:creator>Une</dc:creator><author>a@fil.example (A)</author>"
				+ "<pubDate>Fri, 04 Dec 2026 23:53:13 +0100</pubDate><dc:date>2026-12-04T10:00:00Z</dc:date>"
				+ "<content:encoded><![CDATA[<p>Tout</p>]]></content:encoded>"
				+ "<media:group><media:title>Photo</media:title></media:group><dc:language> de </dc:language></item>"
				// A permalink guid stands in for the link, a blank link is none, a guid that is no permalink is not.
				+ "<item><title>Deux</title><link>  </link><guid>https://fil.example/2</guid></item>"
				+ "<item><title>Trois</title><guid isPermaLink=\"false\">urn:3</guid><published> </published>"
				+ "<updated>2026-12-03T10:00:00Z</updated><description type=\"text/plain\"></description></item>"
				+ "<item><title>Quatre</title><guid isPermaLink=\"TRUE\"> https://fil.example/4 </guid>"
				+ "<pubDate>demain</pubDate></item>"
				+ "</channel></rss>";
		ParsedFeed feed = assertReadAsTheTreeReads(xml, true);
		assertThat(feed.items()).hasSize(4);
		assertThat(feed.hubs()).containsExactly("https://hub.example/");
		assertThat(feed.self()).isEqualTo("https://hub.example/");
		assertThat(feed.items().get(0).summaryHtml()).isEqualTo("Texte  en <b>deux</b> morceaux");
		assertThat(feed.items().get(0).categories()).containsExactly("Sport", "Sport");
	}

	/**
	 * An item's picture given apart, as the tree's reader finds it: the first in document order, in a media:group but
	 * not deeper nor in another element, and of an image only; the item's own enclosure, not a namespaced one.
	 */
	@Test
	void takesThePictureOfAnItemAsTheTreeDoes() throws Exception {
		String xml = CHANNEL + "<item><title>Un</title><description>Le texte</description>"
				+ "<media:group><media:content url=\"https://fil.example/1.mp4\"/><media:title>Un</media:title></media:group>"
				+ "<x><media:thumbnail url=\"https://fil.example/pas-ici.jpg\"/></x>"
				+ "<media:content url=\"https://fil.example/1.webp\"><media:thumbnail url=\"https://fil.example/pas-ici.jpg\"/>"
				+ "</media:content></item>"
				+ "<item><title>Deux</title><atom:enclosure url=\"https://fil.example/pas-ici.jpg\" type=\"image/jpeg\"/>"
				+ "<enclosure url=\"https://fil.example/2.mp3\" type=\"audio/mpeg\"/>"
				+ "<media:group><media:thumbnail url=\" \"/><media:content medium=\"image\" url=\"https://fil.example/2\"/>"
				+ "</media:group><enclosure url=\"https://fil.example/pas-ici.jpg\" type=\"image/jpeg\"/></item>"
				+ "<item><title>Trois</title><description>&lt;img src=\"a.jpg\"&gt;</description>"
				+ "<enclosure url=\"https://fil.example/3.jpg\" type=\" Image/JPEG \"/></item>"
				+ "</channel></rss>";
		ParsedFeed feed = assertReadAsTheTreeReads(xml, true);
		assertThat(feed.items()).extracting(RawItem::summaryHtml)
			.containsExactly("<p><img src=\"https://fil.example/1.webp\" alt=\"\"></p>Le texte",
					"<p><img src=\"https://fil.example/2\" alt=\"\"></p>", "<img src=\"a.jpg\">");
		String atom = FEED + "<entry><title>Un</title><link rel=\"enclosure\" type=\"video/mp4\" href=\"https://fil.example/1.mp4\"/>"
				+ "<a:link rel=\"enclosure\" type=\"image/png\" href=\"https://fil.example/1.png\"/></entry>"
				+ "<entry><title>Deux</title><media:group xmlns:media=\"http://search.yahoo.com/mrss/\"><media:thumbnail"
				+ " url=\"https://fil.example/2.jpg\"/></media:group><summary>Le texte</summary></entry></feed>";
		feed = assertReadAsTheTreeReads(atom, true);
		assertThat(feed.items()).extracting(RawItem::summaryHtml)
			.containsExactly("<p><img src=\"https://fil.example/1.png\" alt=\"\"></p>",
					"<p><img src=\"https://fil.example/2.jpg\" alt=\"\"></p>Le texte");
	}

	/** The fixtures of the parser's tests of pictures are read without a tree, as the tree reads them. */
	@ParameterizedTest
	@ValueSource(strings = { "rss2-pictures-given-apart.xml", "atom10-pictures-given-apart.xml" })
	void readsTheFixturesOfPicturesAsTheTreeDoes(String fixture) throws Exception {
		assertReadAsTheTreeReads(new ClassPathResource(fixture, getClass()).getContentAsByteArray(), true);
	}

	/** Only a root that may be read is tried: each attempt that fails costs a parser's setup. */
	@Test
	void triesOnlyTheReaderThatTheRootNames() throws Exception {
		assertThat(rootName("\n\n<?xml version=\"1.0\"?>\n<!-- un commentaire -->\n<rss\nversion=\"2.0\">")).isEqualTo("rss");
		assertThat(rootName("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")).isEqualTo("feed");
		assertThat(rootName("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">")).isEqualTo("atom:feed");
		assertThat(rootName("<rdf:RDF>")).isEqualTo("rdf:RDF");
		assertThat(rootName("<!DOCTYPE rss [<!ENTITY a \"b\">]><rss>")).isNull();
		assertThat(rootName("<rss")).isNull();
		assertThat(rootName("<!-- Description: <b>gras</b> --><?xml-stylesheet href=\"a<b\"?> <feed>")).isEqualTo("feed");
		// Atom 0.3 has a feed root too, in another namespace: not tried.
		assertThat(readsWithoutTree("<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\"><title>Un</title></feed>"
			.getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	private static String rootName(String xml) {
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		return SafeXml.rootName(FeedText.utf8Start(body, null, body.length + 1));
	}

	@Test
	void readsAnEmptyChannelAndAFeedWithoutDeclaration() throws Exception {
		assertReadAsTheTreeReads(RSS + "<channel/></rss>", true);
		assertReadAsTheTreeReads("<rss><channel><title>Sans version</title>" + ITEM + "</channel></rss>", true);
		assertReadAsTheTreeReads("<rss version=\" 2.01 \"><channel>" + ITEM + "</channel><extra/></rss>", true);
	}

	/** Windows-1252 bytes in a body declared UTF-8 are decoded as the tree's way decodes them. */
	@Test
	void readsMixedBytesAsTheTreeDoes() throws Exception {
		byte[] start = (CHANNEL + "<item><title>L").getBytes(StandardCharsets.UTF_8);
		byte[] end = ("t\u00e9 " + "</title></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + 1 + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		body[start.length] = (byte) 0x92;
		System.arraycopy(end, 0, body, start.length + 1, end.length);
		assertReadAsTheTreeReads(body, true);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// Another format or version, or a dialect Rome reads otherwise.
			"<feed><title>Atom sans espace de noms</title></feed>",
			"<rss version=\"0.91\"><channel>" + ITEM + "</channel></rss>",
			"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><channel/></rdf:RDF>",
			"<rss version=\"2.0\"/>",
			"<rss version=\"2.0\"><channel>" + ITEM + "</channel><channel>" + ITEM + "</channel></rss>",
			RSS + "<atom:channel>" + ITEM + "</atom:channel></rss>",
			RSS + "<channel><atom:item><title>Un</title></atom:item></channel></rss>",
			RSS + "<channel>" + ITEM + "<cloud domain=\"x\" port=\"x\"/></channel></rss>",
			RSS + "<channel><skipHours><hour>x</hour></skipHours>" + ITEM + "</channel></rss>",
			// Bases and languages of XML in scope of nothing read here.
			RSS + "<channel><image xml:base=\"https://fil.example/a/\"><url>b.png</url></image>" + ITEM
					+ "</channel></rss>",
			RSS + "<channel><item><media:group><media:content xml:base=\"/b/\" url=\"c\"/></media:group></item>"
					+ "</channel></rss>",
			"<rss version=\"2.0\"><x xml:base=\"/a/\"/><channel>" + ITEM + "</channel></rss>",
			"<rss version=\"2.0\"><channel><item><content:encoded xml:lang=\"en\">x</content:encoded></item></channel></rss>",
			RSS + "<channel><image xml:lang=\"en\"><url>b.png</url></image>" + ITEM + "</channel></rss>",
			// Markup in a text that is read: written out as XML, or left out of the text, by the tree's readers.
			RSS + "<channel><item><title>Un</title><description>Un <b>gras</b></description></item></channel></rss>",
			RSS + "<channel><title>Le <i>Fil</i></title>" + ITEM + "</channel></rss>",
			RSS + "<channel><item><guid>urn:<x/>1</guid></item></channel></rss>",
			// Not well-formed: the tree's way has its recovery.
			RSS + "<channel><item><title>Un & deux</title></item></channel></rss>",
			RSS + "<channel>" + ITEM + "</channel>",
			"<?xml version=\"1.1\"?>" + RSS + "<channel>" + ITEM + "</channel></rss>" })
	void leavesToTheTreeWhatItMayNotReadAsTheTreeDoes(String xml) throws Exception {
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		assertThat(readsWithoutTree(body)).isFalse();
		assertSameOutcome(body);
	}

	/**
	 * Bases on the root, the channel, an item and its link, guid, description and content: chained as the tree's reader
	 * chains them, blank ones changing nothing, the content's base that of the first element named encoded.
	 */
	@Test
	void chainsTheBasesOfAnRssItemAsTheTreeDoes() throws Exception {
		String xml = "<rss version=\"2.0\" xml:base=\"https://fil.example/a/\""
				+ " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:x=\"urn:x\">"
				+ "<channel xml:base=\" b/ \"><title>Le Fil</title>"
				+ "<item xml:base=\"c/\"><title>Un</title><link xml:base=\"d/\">e.html</link>"
				+ "<description xml:base=\"../f/\">Le &lt;b&gt;résumé&lt;/b&gt;</description>"
				+ "<description xml:base=\"g/\">Un autre</description>"
				+ "<x:encoded xml:base=\"h/\">x</x:encoded><content:encoded xml:base=\"i/\">Le texte</content:encoded></item>"
				+ "<item xml:base=\"\"><title>Deux</title><guid xml:base=\"/j/\">k</guid>"
				+ "<description> </description><content:encoded xml:base=\"l/\">Tout</content:encoded></item>"
				+ "<item><title>Trois</title><guid isPermaLink=\"false\">urn:3</guid><link>/m</link></item>"
				+ "</channel></rss>";
		ParsedFeed feed = assertReadAsTheTreeReads(xml, true);
		assertThat(feed.items().get(0).linkBase().references()).containsExactly("https://fil.example/a/", "b/", "c/",
				"d/");
		assertThat(feed.items().get(0).summaryBase().references()).containsExactly("https://fil.example/a/", "b/",
				"c/", "../f/");
		assertThat(feed.items().get(1).linkBase().references()).containsExactly("https://fil.example/a/", "b/", "/j/");
		assertThat(feed.items().get(1).summaryBase().references()).containsExactly("https://fil.example/a/", "b/",
				"l/");
		assertThat(feed.items().get(2).linkBase().references()).containsExactly("https://fil.example/a/", "b/");
	}

	/** The language of the root, the channel or the item, the nearest not blank, when the item has no language element. */
	@Test
	void takesTheXmlLanguageInScopeOfAnRssItemAsTheTreeDoes() throws Exception {
		String xml = "<rss version=\"2.0\" xml:lang=\" en \" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
				+ "<channel xml:lang=\"fr\"><language>de</language>"
				+ "<item xml:lang=\"ar\"><title>Un</title></item><item xml:lang=\" \"><title>Deux</title></item>"
				+ "<item xml:lang=\"ar\"><title>Trois</title><dc:language> es </dc:language></item>"
				+ "<item><title>Quatre</title><language> </language></item></channel></rss>";
		ParsedFeed feed = assertReadAsTheTreeReads(xml, true);
		assertThat(feed.items()).extracting(RawItem::language).containsExactly("ar", "fr", "es", "fr");
		String rootOnly = "<rss version=\"2.0\" xml:lang=\" en \"><channel>" + ITEM + "</channel></rss>";
		assertThat(assertReadAsTheTreeReads(rootOnly, true).items().get(0).language()).isEqualTo("en");
	}

	@Test
	void leavesToTheTreeAFeedOfMoreItemsThanThoseKept() throws Exception {
		StringBuilder xml = new StringBuilder(RSS + "<channel>");
		for (int i = 0; i <= FeedParser.MAX_ITEMS; i++) {
			xml.append("<item><title>").append(i).append("</title></item>");
		}
		ParsedFeed feed = assertReadAsTheTreeReads(xml.append("</channel></rss>").toString(), false);
		assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS);
	}

	/** Entities declared, external or expanding, are refused by the tree's way: never read, never expanded here. */
	@ParameterizedTest
	@ValueSource(strings = {
			"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + RSS
					+ "<channel><item><title>&xxe;</title></item></channel></rss>",
			"<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
					+ "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + RSS
					+ "<channel><item><title>&c;</title></item></channel></rss>",
			"<!-- un commentaire --><!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/rss.dtd\">" + RSS
					+ "<channel><item><title>&eacute;</title></item></channel></rss>",
			RSS + "<channel><item><title>Un</title></item></channel></rss><!DOCTYPE rss [<!ENTITY x \"y\">]>",
			RSS + "<channel><item><title>&undefined;</title></item></channel></rss>" })
	void neverReadsADocumentWithADoctypeOrAnEntity(String xml) throws Exception {
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		assertThat(readsWithoutTree(body)).isFalse();
		assertSameOutcome(body);
	}

	/** Every feed of the shared corpus next to the project, when it is there: the same outcome either way. */
	@Test
	void readsEveryFeedOfTheCorpusAsTheTreeDoes() throws Exception {
		if (!Files.isDirectory(CORPUS)) {
			return;
		}
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(CORPUS)) {
			walk.filter(Files::isRegularFile)
				.filter((file) -> file.toString().matches(".*\\.(xml|rss|atom)"))
				.sorted()
				.forEach(files::add);
		}
		int read = 0;
		int pictures = 0;
		for (Path file : files) {
			byte[] body = Files.readAllBytes(file);
			Object outcome = assertSameOutcome(body);
			if (readsWithoutTree(body)) {
				read++;
			}
			if (outcome instanceof ParsedFeed feed) {
				pictures += (int) feed.items().stream().filter((item) -> item.summaryHtml() != null
						&& item.summaryHtml().startsWith("<p><img src=")).count();
			}
		}
		// Most RSS 2.0 and Atom 1.0 files of the corpus, some 1 350 among its 2 000.
		assertThat(read).isGreaterThanOrEqualTo(files.size() / 3);
		// The pictures given apart, read alike: the 108 of Le Monde, Le Figaro, Libération, franceinfo and France 24
		// in real-fr alone.
		assertThat(pictures).isGreaterThanOrEqualTo(108);
	}

	private ParsedFeed assertReadAsTheTreeReads(String xml, boolean withoutTree) throws Exception {
		return assertReadAsTheTreeReads(xml.getBytes(StandardCharsets.UTF_8), withoutTree);
	}

	private ParsedFeed assertReadAsTheTreeReads(byte[] body, boolean withoutTree) throws Exception {
		assertThat(readsWithoutTree(body)).as("read without a tree").isEqualTo(withoutTree);
		ParsedFeed feed = this.parser.parse(body, null);
		assertThat(feed).isEqualTo(this.parser.parse(body, null, false));
		return feed;
	}

	/** The same feed, or the same refusal, with or without the reading without a tree; the feed, or the refusal. */
	private Object assertSameOutcome(byte[] body) {
		Object withoutTree;
		Object tree;
		try {
			withoutTree = this.parser.parse(body, null);
		}
		catch (FeedParseException ex) {
			withoutTree = ex.kind() + " " + ex.getMessage();
		}
		try {
			tree = this.parser.parse(body, null, false);
		}
		catch (FeedParseException ex) {
			tree = ex.kind() + " " + ex.getMessage();
		}
		assertThat(withoutTree).isEqualTo(tree);
		return withoutTree;
	}

	private static boolean readsWithoutTree(byte[] body) {
		FeedText.Utf8Start start = FeedText.utf8Start(body, null, body.length + 1);
		return start != null && FeedParser.streamedFeed(start) != null;
	}

}

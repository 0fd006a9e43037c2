package fr.manchette.parse;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * {@link FeedParser}, with one fixture per format or quirk. Titles hold U+00A0 before {@code : ? !} and inside
 * guillemets, as French typography wants; it is written {@code \u00a0} here so that it can be seen.
 */
class FeedParserTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final FeedParser parser = new FeedParser();

	@Test
	void parsesRss2WithCdataEntitiesAndCategories() throws Exception {
		ParsedFeed feed = parse("rss2-french-cdata.xml");
		assertThat(feed.format()).isEqualTo("rss_2.0");
		assertThat(feed.title()).isEqualTo("La Gazette du Rhône – À la une");
		assertThat(feed.link()).isEqualTo("https://www.gazette-rhone.example/");
		assertThat(feed.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language")
			.containsExactly(
				new RawItem("gazette-rhone-2025-06-10-municipales-4521",
						"Municipales\u00a0: «\u00a0On ne lâchera rien\u00a0», promet l’opposition",
						"https://www.gazette-rhone.example/politique/municipales-opposition-4521.html",
						"<p>La liste d’union a présenté son programme <strong>dimanche</strong> &amp; lundi.</p>",
						Instant.parse("2025-06-10T06:15:00Z"), "Tue, 10 Jun 2025 08:15:00 +0200",
						List.of("Politique", "Élections")),
				new RawItem("gazette-rhone-2025-06-10-canicule-4522",
						"Canicule\u00a0: la préfecture relève l’alerte & ferme les parcs",
						"https://www.gazette-rhone.example/meteo/canicule-alerte-4522.html",
						"<p>Les températures dépasseront 38\u00a0°C jeudi.</p>", Instant.parse("2025-06-10T09:42:30Z"),
						"Tue, 10 Jun 2025 11:42:30 +0200", List.of("Météo")),
				new RawItem("gazette-rhone-2025-06-09-tour-4519",
						"Tour de France\u00a0: qui pour succéder à Pogačar\u00a0? Allez les Bleus\u00a0!",
						"https://www.gazette-rhone.example/sport/tour-de-france-4519.html",
						"Les cœurs battent déjà à Lyon.", Instant.parse("2025-06-09T20:05:00Z"),
						"Mon, 09 Jun 2025 22:05:00 +0200", List.of()));
	}

	@Test
	void keepsDateTextAsWrittenAndParsesNamedZonesAndTwoDigitYears() throws Exception {
		ParsedFeed feed = parse("rss2-named-zones.xml");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::published, RawItem::publishedText)
			.containsExactly(
					tuple("zone-cet", Instant.parse("2025-01-15T17:30:00Z"), "Wed, 15 Jan 2025 18:30:00 CET"),
					tuple("zone-cest", Instant.parse("2025-06-10T12:30:00Z"), "Tue, 10 Jun 2025 14:30:00 CEST"),
					tuple("zone-gmt", Instant.parse("2025-06-10T09:00:00Z"), "Tue, 10 Jun 2025 09:00:00 GMT"),
					tuple("zone-est", Instant.parse("2025-06-10T12:45:00Z"), "Tue, 10 Jun 2025 07:45:00 EST"),
					// CET is +01:00 whatever the season: the letters say standard time.
					tuple("zone-cet-in-summer", Instant.parse("2025-08-02T21:00:00Z"),
							"Sat, 02 Aug 2025 22:00:00 CET"),
					tuple("two-digit-year", Instant.parse("2025-02-10T11:40:04Z"), "Mon, 10 Feb 25 12:40:04 +0100"),
					// Rome reads English names only: the text is kept for the normalizer to try.
					tuple("french-day-names", null, "mar., 10 juin 2025 14:30:00 +0200"));
		assertThat(feed.items().get(5).title()).isEqualTo("Chambéry\u00a0: «\u00a0zone bleue\u00a0» élargie dès lundi");
	}

	@Test
	void itemWithoutGuidHasNoGuidRatherThanItsLink() throws Exception {
		ParsedFeed feed = parse("rss2-missing-guid.xml");
		assertThat(feed.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language")
			.containsExactly(
				new RawItem(null, "Éboulement sur la RN90\u00a0: la route rouverte ce soir",
						"https://www.courrier-alpes.example/faits-divers/eboulement-rn90.html",
						"Les travaux de sécurisation s’achèvent.", Instant.parse("2025-06-12T15:20:00Z"),
						"Thu, 12 Jun 2025 17:20:00 +0200", List.of()),
				new RawItem(null, "Incendie à Moûtiers\u00a0: aucun blessé", null,
						"Les pompiers sont intervenus vers 3\u00a0h du matin.", Instant.parse("2025-06-12T07:05:00Z"),
						"Thu, 12 Jun 2025 09:05:00 +0200", List.of()));
	}

	@Test
	void itemWithoutDateHasNeitherInstantNorTextEvenWhenTheChannelHasOne() throws Exception {
		ParsedFeed feed = parse("rss2-missing-dates.xml");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title, RawItem::published, RawItem::publishedText)
			.containsExactly(tuple("culture-8841", "Festival d’Annecy\u00a0: le palmarès", null, null),
					tuple("culture-8842", "Le musée Savoisien rouvre ses portes", null, null));
	}

	@Test
	void keepsRelativeLinksAsWritten() throws Exception {
		ParsedFeed feed = parse("rss2-relative-links.xml");
		assertThat(feed.link()).isEqualTo("https://www.echo-valdemarne.example/");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::link)
			.containsExactly(tuple("echo-1", "/politique/article-1.html"), tuple("echo-2", "vie-locale/article-2.html"),
					tuple("echo-3", "../sport/article-3.html?utm_source=rss"));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "text/xml", "application/rss+xml", "text/html", "text/xml; charset=ISO-8859-1" })
	void decodesLatin1DeclaredInTheProlog(@Nullable String contentType) throws Exception {
		byte[] body = transcoded("rss2-latin1-prolog.xml", StandardCharsets.ISO_8859_1);
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("\uFFFD");
		ParsedFeed feed = this.parser.parse(body, contentType);
		assertThat(feed.title()).isEqualTo("Le Petit Républicain du Périgord");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::summaryHtml)
			.containsExactly(
					tuple("Élysée\u00a0: le président reçu à Périgueux",
							"Visite éclair à la préfecture, déjeuner à la mairie."),
					tuple("Sarlat\u00a0: ça bouchonne déjà à l'entrée de la ville", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/xml; charset=windows-1252", "application/rss+xml;charset=Windows-1252" })
	void decodesWindows1252NamedOnlyInTheContentType(String contentType) throws Exception {
		byte[] body = transcoded("rss2-windows1252-header-only.xml", WINDOWS_1252);
		// ’ œ € are where windows-1252 differs from ISO-8859-1
		assertThat(body).contains((byte) 0x92, (byte) 0x9C, (byte) 0x80, (byte) 0xAB, (byte) 0xBB);
		ParsedFeed feed = this.parser.parse(body, contentType);
		assertThat(feed.title()).isEqualTo("Le Journal de l’Œuvre");
		assertThat(feed.items()).extracting(RawItem::title)
			.containsExactly("Carburants\u00a0: le gazole à 1,89\u00a0€, «\u00a0du jamais vu\u00a0» selon l’UFC",
					"Le cœur du Vieux-Lille rendu aux piétons");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "text/xml", "application/rss+xml", "text/xml; charset=utf-8" })
	void decodesUtf8WithBomAndNoDeclaredEncoding(@Nullable String contentType) throws Exception {
		byte[] feed = withoutDeclaredEncoding("rss2-french-cdata.xml").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[feed.length + 3];
		body[0] = (byte) 0xEF;
		body[1] = (byte) 0xBB;
		body[2] = (byte) 0xBF;
		System.arraycopy(feed, 0, body, 3, feed.length);
		ParsedFeed parsed = this.parser.parse(body, contentType);
		assertThat(parsed.title()).isEqualTo("La Gazette du Rhône – À la une");
		assertThat(parsed.items()).hasSize(3);
		assertThat(parsed.items().get(0).title())
			.isEqualTo("Municipales\u00a0: «\u00a0On ne lâchera rien\u00a0», promet l’opposition");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "text/xml", "text/html", "application/xml" })
	void decodesUtf8WhenNeitherPrologNorContentTypeNamesACharset(@Nullable String contentType) throws Exception {
		byte[] body = withoutDeclaredEncoding("rss2-french-cdata.xml").getBytes(StandardCharsets.UTF_8);
		ParsedFeed feed = this.parser.parse(body, contentType);
		assertThat(feed.title()).isEqualTo("La Gazette du Rhône – À la une");
		assertThat(feed.items().get(2).title())
			.isEqualTo("Tour de France\u00a0: qui pour succéder à Pogačar\u00a0? Allez les Bleus\u00a0!");
	}

	@Test
	void parsesFeedWithBlankLinesBeforeTheXmlDeclaration() throws Exception {
		byte[] feed = bytes("rss20-minimal.xml");
		byte[] body = new byte[feed.length + 3];
		body[0] = '\n';
		body[1] = '\r';
		body[2] = '\n';
		System.arraycopy(feed, 0, body, 3, feed.length);
		assertThat(this.parser.parse(body, null).items()).extracting(RawItem::title)
			.containsExactly("Le Voyage à Nantes dévoile son parcours");
	}

	/**
	 * A title with markup that the feed did not escape: Rome reads only the text between the elements (« Le 2 tour »);
	 * the markup is kept for normalize to read its text, whichever way the format is read (RSS 2.0, 0.91 and 1.0).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "<rss version=\"2.0\"><channel><title>F</title><item>",
			"<rss version=\"0.91\"><channel><title>F</title><link>https://fil.example/</link><description>d</description><item>",
			"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
					+ "<channel rdf:about=\"https://fil.example/\"><title>F</title></channel><item rdf:about=\"https://fil.example/1\">" })
	void keepsTheTextOfElementsInATitle(String start) throws Exception {
		String end = start.startsWith("<rdf") ? "</item></rdf:RDF>" : "</item></channel></rss>";
		String xml = start + "<title>Le 2<sup>e</sup> tour des r\u00e9gionales <b>A &amp; B</b></title>"
				+ "<link>https://fil.example/1</link>" + end;
		ParsedFeed feed = this.parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
		assertThat(feed.items()).extracting((item) -> new fr.manchette.normalize.ItemNormalizer()
			.normalize(item, java.net.URI.create("https://fil.example/feed"), Instant.now(), java.time.ZoneOffset.UTC)
			.orElseThrow()
			.title()).containsExactly("Le 2e tour des r\u00e9gionales A & B");
	}

	/**
	 * Atom 1.0 text typed text or html, or not typed, that holds elements instead of escaped markup (invalid Atom, and
	 * not rare): read as text, the words inside the elements were lost (« Un  penché », an empty summary). The markup
	 * is kept as HTML, whichever reader reads the feed (the tree's, or Rome's for a feed with the syndication module).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>",
			"<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
					+ "<title>F</title><sy:updatePeriod>hourly</sy:updatePeriod>" })
	void keepsTheTextOfElementsInAtomText(String start) throws Exception {
		String entry = "<entry><id>urn:x:%d</id><link href=\"https://fil.example/%d\"/>%s</entry>";
		String xml = start + entry.formatted(1, 1, "<title>Un <i>titre</i> pench\u00e9</title>"
				+ "<summary type=\"html\"><p>Le <b>texte</b> &amp; la suite</p></summary>")
				+ entry.formatted(2, 2, "<title type=\"html\">Deux</title><content type=\"html\"><p>Tout le <em>contenu</em></p></content>")
				+ entry.formatted(3, 3, "<title type=\"text\">Trois</title><summary>avant <b>gras</b> apr\u00e8s</summary>")
				+ entry.formatted(4, 4, "<title>Quatre</title><summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
						+ "<p>D\u00e9j\u00e0 <b>XHTML</b></p></div></summary>")
				+ "</feed>";
		List<fr.manchette.normalize.Item> items = this.parser.parse(xml.getBytes(StandardCharsets.UTF_8), null)
			.items()
			.stream()
			.map((item) -> new fr.manchette.normalize.ItemNormalizer()
				.normalize(item, java.net.URI.create("https://fil.example/feed"), Instant.now(), java.time.ZoneOffset.UTC)
				.orElseThrow())
			.toList();
		assertThat(items).extracting(fr.manchette.normalize.Item::title)
			.containsExactly("Un titre pench\u00e9", "Deux", "Trois", "Quatre");
		assertThat(items).extracting(fr.manchette.normalize.Item::summaryHtml)
			.containsExactly("<p>Le <b>texte</b> &amp; la suite</p>", "<p>Tout le <em>contenu</em></p>",
					"avant <b>gras</b> apr\u00e8s", "<p>D\u00e9j\u00e0 <b>XHTML</b></p>");
	}

	/** A title of text alone is Rome's, to the character. */
	@Test
	void keepsATitleOfTextAsRomeReadsIt() throws Exception {
		String xml = "<rss version=\"0.91\"><channel><title>F</title><link>https://fil.example/</link><description>d"
				+ "</description><item><title>A &amp; B &lt;i&gt;</title><link>https://fil.example/1</link></item></channel></rss>";
		assertThat(this.parser.parse(xml.getBytes(StandardCharsets.UTF_8), null).items()).extracting(RawItem::title)
			.containsExactly("A & B <i>");
	}

	@Test
	void parsesRss091WithNetscapeDoctypeWithoutFetchingIt() throws Exception {
		ParsedFeed feed = parse("rss091-netscape-doctype.xml");
		// Rome tells the Netscape flavour (rss_0.91N) by its DOCTYPE, which SafeXml has dropped.
		assertThat(feed.format()).isEqualTo("rss_0.91U");
		assertThat(feed.title()).isEqualTo("Le Canard du Berry");
		assertThat(feed.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language")
			.containsExactly(
				new RawItem(null, "Bourges\u00a0: la cathédrale illuminée tout l’été",
						"https://www.canard-berry.example/bourges-cathedrale.html",
						"Le spectacle son et lumière revient dès le <b>21 juin</b>.", null, null, List.of()),
				new RawItem(null, "Vierzon\u00a0: la fonderie rachetée par un groupe italien",
						"https://www.canard-berry.example/vierzon-fonderie.html", null, null, null, List.of()));
	}

	@Test
	void parsesMinimalRss092WithAnUntitledItem() throws Exception {
		ParsedFeed feed = parse("rss092-minimal.xml");
		assertThat(feed.format()).isEqualTo("rss_0.92");
		assertThat(feed.title()).isEqualTo("Radio Garonne – Flash info");
		assertThat(feed.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language")
			.containsExactly(
				new RawItem(null, "Toulouse\u00a0: grève des bus jeudi",
						"https://www.radio-garonne.example/flash/greve-tisseo.html",
						"Perturbations attendues sur l’ensemble du réseau.", null, null, List.of("Transports")),
				new RawItem(null, null, null, "Pas de titre pour ce flash\u00a0: le Capitole fermé au public mardi.",
						null, null, List.of()));
	}

	@Test
	void parsesMinimalRss20() throws Exception {
		ParsedFeed feed = parse("rss20-minimal.xml");
		assertThat(feed.format()).isEqualTo("rss_2.0");
		assertThat(feed.title()).isEqualTo("Brèves de Nantes");
		assertThat(feed.link()).isEqualTo("https://www.breves-nantes.example/");
		assertThat(feed.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language")
			.containsExactly(
				new RawItem(null, "Le Voyage à Nantes dévoile son parcours", null, null, null, null, List.of()));
	}

	@Test
	void parsesRss10WithDcDateAndRdfAboutAsGuid() throws Exception {
		ParsedFeed feed = parse("rdf-rss10.xml");
		assertThat(feed.format()).isEqualTo("rss_1.0");
		assertThat(feed.title()).isEqualTo("La Lettre bretonne");
		assertThat(feed.link()).isEqualTo("https://www.lettre-bretonne.example/");
		assertThat(feed.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language")
			.containsExactly(
				new RawItem("https://www.lettre-bretonne.example/spip.php?article1201",
						"Rennes\u00a0: le métro ligne b fête ses deux ans",
						"https://www.lettre-bretonne.example/spip.php?article1201",
						"Plus de 100\u00a0000 voyageurs par jour.", Instant.parse("2024-09-20T06:30:00Z"),
						"2024-09-20T08:30:00+02:00", List.of()),
				// Rome types RSS 1.0 descriptions text/plain, but like RSS 2.0 ones they carry escaped HTML.
				new RawItem("https://www.lettre-bretonne.example/spip.php?article1202",
						"Brest\u00a0: la Tall Ships Race fera escale en 2025",
						"https://www.lettre-bretonne.example/spip.php?article1202",
						"<p>Escale du <strong>10 au 13 juillet</strong>.</p>", Instant.parse("2024-09-19T17:45:12Z"),
						"2024-09-19T17:45:12Z", List.of()));
	}

	@Test
	void parsesAtom10TextAndHtmlConstructs() throws Exception {
		ParsedFeed feed = parse("atom10-french.xml");
		assertThat(feed.format()).isEqualTo("atom_1.0");
		assertThat(feed.title()).isEqualTo("Le Greffe libre – carnet d’un avocat");
		// Rome 2 gives the rel="self" link as the feed's link, before the alternate one.
		assertThat(feed.link()).isEqualTo("https://blog.greffe-libre.example/feed/atom");
		// Links stay as written, each with the xml:base in scope (the entry's own one inside the feed's): the document's
		// address, which the chain is relative to, is for the normalizer to know.
		BaseChain feedBase = new BaseChain(List.of("https://blog.greffe-libre.example/"));
		BaseChain entryBase = new BaseChain(
				List.of("https://blog.greffe-libre.example/", "https://autre.greffe-libre.example/archives/"));
		// An Atom title is text unless typed html or xhtml.
		assertThat(feed.items()).extracting(RawItem::titleType)
			.containsExactly(TitleType.HTML, TitleType.TEXT, TitleType.TEXT, TitleType.TEXT);
		assertThat(feed.items())
			.usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language", "titleType")
			.containsExactly(
				new RawItem("tag:blog.greffe-libre.example,2025:billet-301",
						"La <em>présomption d’innocence</em>\u00a0: mode d’emploi", "billets/presomption-innocence.html",
						"<p>Un principe <strong>constitutionnel</strong>, rappelé par l’article 9-1 du Code civil.</p>",
						Instant.parse("2025-06-12T07:00:00Z"), "2025-06-12T09:00:00+02:00",
						List.of("Justice", "Libertés publiques"), feedBase, feedBase),
				new RawItem("tag:blog.greffe-libre.example,2025:billet-300",
						"Honoraires\u00a0: 5 < 10, et c’est tout\u00a0?", "/billets/honoraires.html",
						"Le barème &lt;b&gt; n’existe pas &amp; ne peut exister.", Instant.parse("2025-06-10T18:30:00Z"),
						"2025-06-10T18:30:00Z", List.of(), feedBase, feedBase),
				new RawItem("tag:blog.greffe-libre.example,2025:billet-299", "Une audience à la cour d’appel de Douai",
						"2025/audience-douai.html", "<p>Récit d’une journée à Douai.</p>",
						Instant.parse("2025-06-08T05:15:00Z"), "2025-06-08T07:15:00+02:00", List.of(), entryBase,
						entryBase),
				// No type attribute means text (RFC 4287 section 3.1.1).
				new RawItem("tag:blog.greffe-libre.example,2025:billet-298", "Loyers\u00a0: l’encadrement prolongé à Lille",
						"https://blog.greffe-libre.example/billets/loyers-lille.html",
						"Pour un T2 &lt; 800&nbsp;€ par mois, rien ne change.", Instant.parse("2025-06-05T10:00:00Z"),
						"2025-06-05T12:00:00+02:00", List.of(), feedBase, feedBase));
	}

	/**
	 * What each title is, as its element declares it: an Atom 1.0 title is text when typed text or not typed, markup
	 * when typed html; an Atom 0.3 title is markup when typed text/html, and says nothing otherwise (its xml mode
	 * writes its text out escaped); an RSS title says nothing.
	 */
	@Test
	void saysWhatEachTitleIsDeclared() throws Exception {
		String atom10 = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Cours</title>"
				+ "<entry><title type=\"text\">Cours de HTML : la balise &lt;p&gt; et l'entité &amp;amp; expliquées"
				+ "</title></entry><entry><title type=\"html\">&lt;b&gt;Gras&lt;/b&gt;</title></entry></feed>";
		String atom03 = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Cours</title>"
				+ "<entry><title type=\"text/html\" mode=\"escaped\">&lt;b&gt;Gras&lt;/b&gt;</title></entry>"
				+ "<entry><title>Le 2 &lt; 3</title></entry></feed>";
		String rss = "<rss version=\"2.0\"><channel><title>Cours</title>"
				+ "<item><title>Faille XSS : la balise &lt;script&gt; reste dangereuse</title></item></channel></rss>";
		assertThat(this.parser.parse(atom10.getBytes(StandardCharsets.UTF_8), null).items())
			.extracting(RawItem::title, RawItem::titleType)
			.containsExactly(tuple("Cours de HTML : la balise <p> et l'entité &amp; expliquées", TitleType.TEXT),
					tuple("<b>Gras</b>", TitleType.HTML));
		assertThat(this.parser.parse(atom03.getBytes(StandardCharsets.UTF_8), null).items())
			.extracting(RawItem::title, RawItem::titleType)
			.containsExactly(tuple("<b>Gras</b>", TitleType.HTML), tuple("Le 2 &lt; 3", TitleType.UNSAID));
		for (boolean withoutTree : new boolean[] { true, false }) {
			assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, withoutTree).items())
				.extracting(RawItem::title, RawItem::titleType)
				.containsExactly(tuple("Faille XSS : la balise <script> reste dangereuse", TitleType.UNSAID));
		}
	}

	@Test
	void parsesAtom03WithIssuedAsThePublicationDate() throws Exception {
		ParsedFeed feed = parse("atom03.xml");
		assertThat(feed.format()).isEqualTo("atom_0.3");
		assertThat(feed.title()).isEqualTo("Les Carnets de Montmartre");
		assertThat(feed.link()).isEqualTo("https://carnets-montmartre.example/");
		assertThat(feed.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("author", "language")
			.containsExactly(
				new RawItem("tag:carnets-montmartre.example,2005:42", "Le Sacré-Cœur sous la neige",
						"https://carnets-montmartre.example/2005/03/sacre-coeur-neige.html",
						"Quelques photos prises au lever du jour &lt; 7 h.", Instant.parse("2005-03-01T07:30:00Z"),
						"2005-03-01T08:30:00+01:00", List.of()),
				new RawItem("tag:carnets-montmartre.example,2005:41", "Rue Lepic\u00a0: le marché du dimanche",
						"https://carnets-montmartre.example/2005/02/rue-lepic.html", null,
						Instant.parse("2005-02-27T10:00:00Z"), "2005-02-27T11:00:00+01:00", List.of()));
	}

	@Test
	void dropsControlCharactersFromTitles() throws Exception {
		String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Le Fil</title>"
				+ "<link>https://le-fil.example/</link><description>Dépêches</description><item>"
				+ "<title>Budget\u0001 2026\u000B\u00a0: le vote solennel \u001Freporté</title>"
				+ "<guid isPermaLink=\"false\">fil-1</guid></item></channel></rss>";
		ParsedFeed feed = this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title)
			.containsExactly(tuple("fil-1", "Budget 2026\u00a0: le vote solennel reporté"));
	}

	@Test
	void refusesExternalEntityToALocalFileWithoutReadingIt() throws Exception {
		FeedParseException ex = refusal(bytes("xxe-file.xml"), "application/rss+xml");
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).contains("DOCTYPE").doesNotContain("root:");
	}

	@Test
	void refusesParameterEntityToARemoteDtd() throws Exception {
		FeedParseException ex = refusal(bytes("xxe-parameter-entity.xml"), null);
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).contains("DOCTYPE");
	}

	@Test
	void dropsBareExternalDtdSoItsEntitiesStayUndeclared() throws Exception {
		FeedParseException ex = refusal(bytes("xxe-external-dtd.xml"), null);
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).startsWith("not well-formed XML").contains("\"xxe\"");
	}

	@Test
	void refusesBillionLaughs() throws Exception {
		FeedParseException ex = refusal(bytes("billion-laughs.xml"), null);
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).contains("DOCTYPE");
	}

	@Test
	void htmlPageIsNotAFeed() throws Exception {
		FeedParseException ex = refusal(bytes("html-page.html"), "text/html; charset=UTF-8");
		assertThat(ex.isNotAFeed()).isTrue();
		assertThat(ex.getMessage()).isEqualTo("an HTML page, not a feed");
	}

	@Test
	void feedWhoseFirstItemHoldsAWholePageInCdataIsAFeed() throws Exception {
		String rss = "<rss version=\"2.0\"><channel><title>Le Fil</title><item><title>Une</title><description><![CDATA["
				+ "<!DOCTYPE html><html><body><p>Le texte</p></body></html>]]></description></item></channel></rss>";
		assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml").items())
			.extracting(RawItem::title)
			.containsExactly("Une");
	}

	@Test
	void xhtmlPageIsNotAFeed() throws Exception {
		FeedParseException ex = refusal(bytes("xhtml-page.xml"), "application/xhtml+xml");
		assertThat(ex.isNotAFeed()).isTrue();
		assertThat(ex.getMessage()).isEqualTo("XML whose root is <html>, not RSS or Atom");
	}

	@Test
	void xmlWithAnotherRootIsNotAFeed() {
		byte[] body = "<?xml version=\"1.0\"?>\n<foo><bar>Élysée</bar></foo>".getBytes(StandardCharsets.UTF_8);
		FeedParseException ex = refusal(body, "application/xml");
		assertThat(ex.isNotAFeed()).isTrue();
		assertThat(ex.getMessage()).isEqualTo("XML whose root is <foo>, not RSS or Atom");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\n\t \r\n" })
	void emptyOrBlankBodyIsNotAFeed(String body) {
		FeedParseException ex = refusal(body.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
		assertThat(ex.isNotAFeed()).isTrue();
		assertThat(ex.getMessage()).isEqualTo("empty body");
	}

	@Test
	void decodesWindows1252BytesDeclaredUtf8() throws Exception {
		byte[] body = transcoded("rss2-windows1252-declared-utf8.xml", WINDOWS_1252);
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("\uFFFD")
			.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		ParsedFeed feed = this.parser.parse(body, "application/rss+xml; charset=UTF-8");
		assertThat(feed.title()).isEqualTo("L’Écho de la préfecture");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::summaryHtml, RawItem::categories)
			.containsExactly(
					tuple("Élysée, préfète, cœur, l’État\u00a0: qui décide\u00a0?",
							"La préfète répond à «\u00a0l’Élysée\u00a0».", List.of("Société")),
					tuple("Marché de Noël\u00a0: le vin chaud à 4\u00a0€", null, List.of()));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "text/xml", "text/xml; charset=ISO-8859-1" })
	void decodesWindows1252BytesDeclaredIso88591(@Nullable String contentType) throws Exception {
		byte[] body = transcoded("rss2-latin1-declared-windows1252-bytes.xml", WINDOWS_1252);
		assertThat(body).contains((byte) 0x92, (byte) 0x9C, (byte) 0x80, (byte) 0xAB, (byte) 0xBB, (byte) 0x8C);
		ParsedFeed feed = this.parser.parse(body, contentType);
		assertThat(feed.title()).isEqualTo("La Voix de l’Œuvre");
		assertThat(feed.items()).extracting(RawItem::title)
			.containsExactly("«\u00a0Le cœur n’y est plus\u00a0»\u00a0: l’abonnement passe à 12\u00a0€");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/xml; charset=ISO-8859-1", "application/rss+xml; charset=windows-1252" })
	void decodesUtf8ServedWithASingleByteCharset(String contentType) throws Exception {
		ParsedFeed feed = this.parser.parse(bytes("rss2-french-cdata.xml"), contentType);
		assertThat(feed.title()).isEqualTo("La Gazette du Rhône – À la une");
		assertThat(feed.items().get(0).title())
			.isEqualTo("Municipales\u00a0: «\u00a0On ne lâchera rien\u00a0», promet l’opposition");
	}

	@Test
	void decodesUtf16WithItsByteOrderMarkWhateverTheContentTypeSays() throws Exception {
		String text = new String(bytes("rss20-minimal.xml"), StandardCharsets.UTF_8)
			.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
		byte[] body = text.getBytes(StandardCharsets.UTF_16);
		assertThat(body[0]).isEqualTo((byte) 0xFE);
		ParsedFeed feed = this.parser.parse(body, "text/xml; charset=ISO-8859-1");
		assertThat(feed.title()).isEqualTo("Brèves de Nantes");
	}

	@Test
	void repairsDoubleEncodedUtf8AndLeavesRightTextAlone() throws Exception {
		ParsedFeed feed = parse("rss2-double-encoded-utf8.xml");
		assertThat(feed.title()).isEqualTo("Actualité à la Une");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title)
			.containsExactly(tuple("fil-1", "Élysée, préfète, cœur, l’État"),
					tuple("fil-2", "São Tomé-et-Príncipe\u00a0: l’archipel élit son président"),
					tuple("fil-3", "Tour\u00a0: Pogačar s’envole, l’équipe exulte"),
					tuple("fil-4", "«\u00a0IRMÃ E O MAR\u00a0», un film brésilien primé à Cannes"),
					tuple("fil-5", "Les cœurs de l’été\u00a0: «\u00a0c’est décidé\u00a0»"));
		assertThat(feed.items().get(0).summaryHtml())
			.isEqualTo("<p>La préfète a reçu les élus à l’Hôtel de ville, « enfin ».</p>");
		assertThat(feed.items().get(0).categories()).containsExactly("Société");
	}

	@Test
	void recoversUndefinedHtmlEntities() throws Exception {
		ParsedFeed feed = parse("rss2-html-entities.xml");
		assertThat(feed.title()).isEqualTo("Le Républicain lorrain");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title, RawItem::link, RawItem::summaryHtml)
			.containsExactly(
					tuple("rl-1", "L’État\u00a0: «\u00a0cœur\u00a0» de la réforme…",
							"https://www.republicain-lorrain.example/politique/reforme.html?id=12&rub=3",
							"<p>À Metz, l’école s’agrandit.</p>"),
					// &amp;eacute; was text and stays text; a CDATA section is HTML the cleaner will decode.
					tuple("rl-2", "Cours\u00a0: &eacute; s’écrit é, et <b> n’est pas une balise", null,
							"<p>Caf&eacute; &amp; croissant</p>"));
	}

	@Test
	void recoversUnescapedAmpersandAndLessThan() throws Exception {
		ParsedFeed feed = parse("rss2-unescaped-ampersand-and-lt.xml");
		assertThat(feed.title()).isEqualTo("Marchés & Finances");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::link)
			.containsExactly(
					tuple("5 < 10\u00a0: Marks & Spencer ferme 10 magasins",
							"https://www.marches-finances.example/article?id=7&utm_source=rss"),
					tuple("Le CAC 40 <3 000 points\u00a0? Pas encore", null));
	}

	@Test
	void recoversControlCharactersAndEntitiesTogether() throws Exception {
		String rss = "<rss version=\"2.0\"><channel><title>Le Fil</title><item><title>Budget\u0001 2026&nbsp;: "
				+ "le vote \u001Freport&eacute;</title><guid>fil-1</guid></item></channel></rss>";
		assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null).items()).extracting(RawItem::title)
			.containsExactly("Budget 2026\u00a0: le vote reporté");
	}

	@Test
	void keepsAnEntityNeitherXmlNorHtmlDefinesAsText() throws Exception {
		String rss = "<rss version=\"2.0\"><channel><title>Le Fil</title><item><title>Fusion &xyz; annoncée</title>"
				+ "<guid>fil-1</guid></item></channel></rss>";
		assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null).items()).extracting(RawItem::title)
			.containsExactly("Fusion &xyz; annoncée");
	}

	@Test
	void recoversTheWholeItemsOfATruncatedRssFeed() throws Exception {
		ParsedFeed feed = parse("rss2-truncated.xml");
		assertThat(feed.title()).isEqualTo("La Dépêche du Midi – Toulouse");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title, RawItem::link, RawItem::published)
			.containsExactly(
					tuple("dm-1", "Capitole\u00a0: la place rendue aux piétons",
							"https://www.depeche-midi.example/toulouse/capitole.html",
							Instant.parse("2025-06-10T06:15:00Z")),
					tuple("dm-2", "Stade Toulousain\u00a0: un 23e Bouclier de Brennus",
							"https://www.depeche-midi.example/sport/brennus.html",
							Instant.parse("2025-06-10T07:00:00Z")));
	}

	@Test
	void recoversTheWholeEntriesOfATruncatedAtomFeed() throws Exception {
		ParsedFeed feed = parse("atom10-truncated.xml");
		assertThat(feed.format()).isEqualTo("atom_1.0");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title)
			.containsExactly(tuple("tag:carnet-greffier.example,2025:12", "Audience de rentrée à Rennes"),
					tuple("tag:carnet-greffier.example,2025:11", "Le greffe numérique, deux ans après"));
	}

	@Test
	void recoversEveryItemAroundAStartTagThatLostItsAngleBracket() throws Exception {
		ParsedFeed feed = parse("rss2-missing-angle-bracket.xml");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::summaryHtml)
			.containsExactly(tuple("qn-1", "Les moules-frites restent reines."), tuple("qn-2", null),
					tuple("qn-3", "Plus de 50\u00a0000 carnavaleux."));
	}

	@Test
	void recoversAFeedWhoseXmlDeclarationComesAfterAComment() throws Exception {
		String rss = "<!-- généré par SPIP -->\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<rss version=\"2.0\"><channel><title>Le Fil</title><item><title>Élysée</title>"
				+ "<guid>fil-1</guid></item></channel></rss>";
		assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null).items()).extracting(RawItem::title)
			.containsExactly("Élysée");
	}

	@Test
	void recoversUndeclaredNamespacePrefixesWithTheirUsualMeaning() throws Exception {
		String rss = "<rss version=\"2.0\"><channel><title>Le Fil</title><item><title>Élysée</title>"
				+ "<dc:date>2025-06-10T08:15:00+02:00</dc:date><guid>fil-1</guid><ext:note>x</ext:note></item>"
				+ "</channel></rss>";
		ParsedFeed feed = this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.items()).extracting(RawItem::title, RawItem::published)
			.containsExactly(tuple("Élysée", Instant.parse("2025-06-10T06:15:00Z")));
	}

	@Test
	void rssWithoutChannelReadsTheItemsUnderItsRoot() throws Exception {
		ParsedFeed feed = this.parser.parse("<rss version=\"2.0\"><title>Le Fil</title><item><title>Seul</title></item></rss>"
			.getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.title()).isEqualTo("Le Fil");
		assertThat(feed.items()).extracting(RawItem::title).containsExactly("Seul");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<rss version=\"2.1\">", "<rss version=\"3.0\">", "<rss version=\"\">",
			"<rss xmlns=\"http://backend.userland.com/rss2\" version=\"2.0\">",
			"<rss xmlns=\"http://backend.userland.com/rss\">" })
	void rssOfAVersionOrNamespaceRomeDoesNotKnowIsReadAsRss20(String root) throws Exception {
		ParsedFeed feed = this.parser.parse((root + "<channel><title>Le Fil</title><item><title>Une</title>"
				+ "<link>https://exemple.fr/une</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.title()).isEqualTo("Le Fil");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::link)
			.containsExactly(tuple("Une", "https://exemple.fr/une"));
	}

	@Test
	void emptyRssIsAFeedWithoutItems() throws Exception {
		assertThat(this.parser.parse("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n</rss>"
			.getBytes(StandardCharsets.UTF_8), "application/rss+xml").items()).isEmpty();
	}

	@Test
	void feedTruncatedInItsFirstItemIsAParseError() {
		byte[] body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Le Fil</title><item><title>Coup"
			.getBytes(StandardCharsets.UTF_8);
		FeedParseException ex = refusal(body, null);
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).startsWith("not well-formed XML");
	}

	@Test
	void decodesHtmlEntitiesUnderTheNetscapeDoctypeThatDefinesThem() throws Exception {
		String rss = new String(bytes("rss091-netscape-doctype.xml"), StandardCharsets.UTF_8)
			.replace("la cathédrale illuminée", "la cath&eacute;drale illumin&eacute;e");
		assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null).items().get(0).title())
			.isEqualTo("Bourges\u00a0: la cathédrale illuminée tout l’été");
	}

	@Test
	void brokenFeedWithABareDoctypeIsNotRebuilt() throws Exception {
		String rss = new String(bytes("rss091-netscape-doctype.xml"), StandardCharsets.UTF_8);
		byte[] body = rss.substring(0, rss.indexOf("Vierzon")).getBytes(StandardCharsets.UTF_8);
		assertThat(refusal(body, null).getMessage()).startsWith("not well-formed XML");
	}

	@Test
	void doctypeWithDeclarationsIsRefusedEvenWhenTheRestIsBroken() {
		byte[] body = ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY titre \"Élysée\">]><rss version=\"2.0\">"
				+ "<channel><title>&titre;</title><item><title>&titre; &eacute;</title></item><item><title>Coup")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(refusal(body, null).getMessage())
			.isEqualTo("DOCTYPE with entity declarations refused (XXE and entity bombs)");
	}

	@Test
	void doctypeHiddenBehindACommentIsNotRecovered() {
		byte[] body = ("<?xml version=\"1.0\"?><!-- <rss> -->"
				+ "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel>"
				+ "<title>Le Fil</title><item><title>&xxe;</title></item></channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
		FeedParseException ex = refusal(body, null);
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).startsWith("not well-formed XML").contains("DOCTYPE").doesNotContain("root:");
	}

	@Test
	void entityDeclarationOutsideADoctypeIsNotRecovered() {
		byte[] body = ("<rss version=\"2.0\"><channel><title>Le Fil</title><!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
				+ "<item><title>&xxe;</title></item></channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
		FeedParseException ex = refusal(body, null);
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).startsWith("not well-formed XML").doesNotContain("root:");
	}

	@Test
	void parsesAFiveMegabyteTitle() throws Exception {
		String title = "Élysée\u00a0: ".repeat(5 * 1024 * 1024 / 10) + "fin";
		String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Le Fil</title>"
				+ "<item><title>" + title + "</title><guid>fil-1</guid></item></channel></rss>";
		assertThat(rss.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(5 * 1024 * 1024);
		ParsedFeed feed = this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.items()).singleElement().satisfies((item) -> {
			assertThat(item.guid()).isEqualTo("fil-1");
			assertThat(item.title()).isEqualTo(title);
		});
	}

	@Test
	void keepsTheFirstTenThousandOfAHundredThousandItems() throws Exception {
		StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
				+ "<title>Le Fil</title><link>https://fil.example/</link><description>Dépêches</description>");
		for (int i = 0; i < 100_000; i++) {
			rss.append("<item><title>Dépêche n°").append(i).append("</title>");
			rss.append("<guid>fil-").append(i).append("</guid></item>");
		}
		rss.append("</channel></rss>");
		ParsedFeed feed = this.parser.parse(rss.toString().getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.title()).isEqualTo("Le Fil");
		assertThat(feed.items()).hasSize(FeedParser.MAX_ITEMS).hasSize(10_000);
		assertThat(feed.items().get(0)).extracting(RawItem::guid, RawItem::title)
			.containsExactly("fil-0", "Dépêche n°0");
		assertThat(feed.items().get(9_999).guid()).isEqualTo("fil-9999");
	}

	@Test
	void readsTheUpdatePeriodFromTtl() throws Exception {
		String rss = new String(bytes("rss20-minimal.xml"), StandardCharsets.UTF_8)
			.replace("</link>", "</link><ttl>30</ttl>");
		assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null).updatePeriod())
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void readsTheUpdatePeriodFromTheSyndicationModule() throws Exception {
		String rss = new String(bytes("rss20-minimal.xml"), StandardCharsets.UTF_8)
			.replace("<rss version=\"2.0\">",
					"<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">")
			.replace("</link>", "</link><sy:updatePeriod>\n\thourly\t</sy:updatePeriod>"
					+ "<sy:updateFrequency>2</sy:updateFrequency>");
		assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null).updatePeriod())
			.isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void hasNoUpdatePeriodWhenTheFeedSaysNone() throws Exception {
		assertThat(parse("rss20-minimal.xml").updatePeriod()).isNull();
		assertThat(parse("atom10-french.xml").updatePeriod()).isNull();
	}

	/**
	 * A UTF-8 body is read by the XML parser as it is decoded when its start settles the checks; a prolog longer than
	 * that start, blank lines before the declaration, or a DOCTYPE after a long comment send it the text way, which
	 * gives the same feed or the same refusal.
	 */
	@Test
	void readsAUtf8BodyTheSameWhereverItsPrologEnds() throws Exception {
		String items = "<item><title>L’été</title><guid>g</guid></item>".repeat(200);
		String feed = "<rss version=\"2.0\"><channel><title>Le Fil</title>" + items + "</channel></rss>";
		ParsedFeed expected = this.parser.parse(feed.getBytes(StandardCharsets.UTF_8), null);
		assertThat(expected.items()).hasSize(200);
		String longComment = "<!-- " + "é".repeat(3000) + " -->";
		for (String prolog : List.of("<?xml version=\"1.0\"?>", "\n\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
				"<?xml version=\"1.0\"?>" + longComment, "\uFEFF<?xml version=\"1.0\"?>",
				"<?xml version=\"1.0\"" + " ".repeat(3000) + "?>", "<!DOCTYPE rss SYSTEM \"rss.dtd\">")) {
			assertThat(this.parser.parse((prolog + feed).getBytes(StandardCharsets.UTF_8), null)).as(prolog)
				.isEqualTo(expected);
		}
		String hidden = "<?xml version=\"1.0\"?>" + longComment + "<!DOCTYPE rss [<!ENTITY e \"x\">]>";
		assertThat(refusal((hidden + feed).getBytes(StandardCharsets.UTF_8), null).getMessage())
			.contains("entity declarations refused");
	}

	/**
	 * Media RSS and enclosures: the item's first picture, in document order, leads a summary that shows none, as the
	 * tree's way reads it too; audio and video are no pictures.
	 */
	@Test
	void aPictureGivenApartLeadsTheSummaryOfAnRssItem() throws Exception {
		ParsedFeed feed = parse("rss2-pictures-given-apart.xml");
		assertThat(feed).isEqualTo(this.parser.parse(bytes("rss2-pictures-given-apart.xml"), null, false));
		String summary = "Un résumé.";
		assertThat(feed.items()).extracting(RawItem::summaryHtml)
			.containsExactly(lead("https://img.quotidien-loire.example/1.jpg") + summary,
					lead("https://img.quotidien-loire.example/2.JPG?w=644&amp;h=322") + summary,
					lead("https://img.quotidien-loire.example/3") + summary,
					lead("https://img.quotidien-loire.example/4.webp") + summary,
					lead("https://img.quotidien-loire.example/5.jpg") + summary,
					lead("https://img.quotidien-loire.example/6.png") + summary, summary,
					"<P><IMG SRC=\"https://img.quotidien-loire.example/8.jpg\"></P><p>Un résumé.</p>",
					lead("https://img.quotidien-loire.example/9.jpg"), lead("images/10.jpg") + summary);
		// A relative picture resolves against the summary's base, here the root's xml:base.
		assertThat(feed.items().get(9).summaryBase().references()).containsExactly("https://www.quotidien-loire.example/");
	}

	@Test
	void aPictureGivenApartLeadsTheSummaryOfAnAtomEntry() throws Exception {
		ParsedFeed feed = parse("atom10-pictures-given-apart.xml");
		assertThat(feed).isEqualTo(this.parser.parse(bytes("atom10-pictures-given-apart.xml"), null, false));
		assertThat(feed.items()).extracting(RawItem::summaryHtml)
			.containsExactly(lead("https://carnet-images.example/1.jpg") + "a &lt; b", "Écouter.",
					lead("https://carnet-images.example/3.jpg") + "<p>La vidéo.</p>",
					"<Img src=\"https://carnet-images.example/4.png\">");
	}

	/** A picture's address is an attribute's value in the summary: whatever it holds stays inside it. */
	@Test
	void aPictureAddressStaysInsideItsAttribute() throws Exception {
		String rss = "<rss version=\"2.0\"><channel><item><title>Un</title><enclosure type=\"image/jpeg\""
				+ " url=\"https://fil.example/1.jpg?a=&quot; onerror=&quot;x&gt;&lt;script&gt;\"/></item></channel></rss>";
		assertThat(this.parser.parse(rss.getBytes(StandardCharsets.UTF_8), null).items().get(0).summaryHtml())
			.isEqualTo(lead("https://fil.example/1.jpg?a=&quot; onerror=&quot;x&gt;&lt;script&gt;"));
	}

	private static String lead(String src) {
		return "<p><img src=\"" + src + "\" alt=\"\"></p>";
	}

	private ParsedFeed parse(String fixture) throws IOException, FeedParseException {
		return this.parser.parse(bytes(fixture), null);
	}

	private FeedParseException refusal(byte[] body, @Nullable String contentType) {
		FeedParseException ex = catchThrowableOfType(FeedParseException.class,
				() -> this.parser.parse(body, contentType));
		assertThat(ex).as("FeedParseException").isNotNull();
		return ex;
	}

	private String withoutDeclaredEncoding(String fixture) throws IOException {
		String text = new String(bytes(fixture), StandardCharsets.UTF_8).replace(" encoding=\"UTF-8\"", "");
		assertThat(text).startsWith("<?xml version=\"1.0\"?>");
		return text;
	}

	/** The fixture is kept in UTF-8 so that editors and git leave it alone; the test makes the real bytes. */
	private byte[] transcoded(String fixture, Charset charset) throws IOException {
		return new String(bytes(fixture), StandardCharsets.UTF_8).getBytes(charset);
	}

	private byte[] bytes(String fixture) throws IOException {
		return new ClassPathResource(fixture, getClass()).getContentAsByteArray();
	}

}

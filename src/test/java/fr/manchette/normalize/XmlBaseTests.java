package fr.manchette.normalize;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.manchette.parse.FeedParser;
import fr.manchette.support.ParseThenNormalize;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code xml:base} (XML Base, RFC 3986 section 5.2) through {@link FeedParser} and {@link ItemNormalizer}: each level
 * (feed or channel, entry or item, the link or content element itself) relative to its parent's base, the document's
 * address (after redirects) outermost. Every case of the tables is run in Atom and in RSS, where xml:base is as legal
 * as anywhere else in XML.
 */
class XmlBaseTests {

	/** Where the feed was fetched from, after redirects: the outermost base. */
	private static final URI DOCUMENT = URI.create("http://127.0.0.1:8089/feeds/journal-de-lyon.xml");

	private static final Instant FETCHED_AT = Instant.parse("2025-05-16T18:00:00Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/**
	 * One case a line: what it shows | base of the feed (RSS: channel) | of the entry (RSS: item) | of the link
	 * element | the link as written | the link expected. An empty column is no xml:base (no link in the last one);
	 * {@code ''} is an empty xml:base.
	 */
	private static final String LINK_CASES = """
			entry base an absolute path inside an absolute feed base | https://www.journaldelyon.fr/ | /sport/ | | ol-nantes-3-0.html | https://www.journaldelyon.fr/sport/ol-nantes-3-0.html
			no base: the document's address | | | | sport/a.html | http://127.0.0.1:8089/feeds/sport/a.html
			feed base absolute | https://www.journaldelyon.fr/ | | | sport/a.html | https://www.journaldelyon.fr/sport/a.html
			entry base absolute, over the feed's | https://www.journaldelyon.fr/ | https://sport.journaldelyon.fr/ol/ | | a.html | https://sport.journaldelyon.fr/ol/a.html
			entry base a relative path | https://www.journaldelyon.fr/actu/ | sport/ | | a.html | https://www.journaldelyon.fr/actu/sport/a.html
			entry base with ../ | https://www.journaldelyon.fr/actu/sport/ | ../culture/ | | a.html | https://www.journaldelyon.fr/actu/culture/a.html
			link with more ../ than the path has | https://www.journaldelyon.fr/actu/ | | | ../../../a.html | https://www.journaldelyon.fr/a.html
			dot segments in a base | https://www.journaldelyon.fr/a/./b/../sport/ | | | x.html | https://www.journaldelyon.fr/a/sport/x.html
			query-only link: the base's path, its own query | https://www.journaldelyon.fr/index.php?rubrique=sport | | | ?article=42 | https://www.journaldelyon.fr/index.php?article=42
			query-only entry base: the path stays the feed's | https://www.journaldelyon.fr/archives/index.php | ?annee=2024 | | article.php?id=3 | https://www.journaldelyon.fr/archives/article.php?id=3
			fragment-only link: the base itself | https://www.journaldelyon.fr/sport/ol-nantes.html | | | #commentaires | https://www.journaldelyon.fr/sport/ol-nantes.html
			fragment-only link without a base: none, not the feed's address | | | | #commentaires |
			fragment dropped from a relative link | https://www.journaldelyon.fr/sport/ | | | ol-nantes.html#commentaires | https://www.journaldelyon.fr/sport/ol-nantes.html
			base with a fragment: the fragment plays no part | https://www.journaldelyon.fr/sport/#une | | | a.html | https://www.journaldelyon.fr/sport/a.html
			empty entry base changes nothing | https://www.journaldelyon.fr/sport/ | '' | | a.html | https://www.journaldelyon.fr/sport/a.html
			empty feed base: the document's address | '' | | | a.html | http://127.0.0.1:8089/feeds/a.html
			absolute base on the link element | https://www.journaldelyon.fr/ | /actu/ | https://archives.journaldelyon.fr/2024/ | a.html | https://archives.journaldelyon.fr/2024/a.html
			relative base on the link element | https://www.journaldelyon.fr/ | /actu/ | sport/ | a.html | https://www.journaldelyon.fr/actu/sport/a.html
			base without a trailing slash names a file | https://www.journaldelyon.fr/sport | | | a.html | https://www.journaldelyon.fr/a.html
			base with an empty path | https://www.journaldelyon.fr | | | a.html | https://www.journaldelyon.fr/a.html
			three levels, all relative to the document | /archives/ | 2024/ | sport/ | a.html | http://127.0.0.1:8089/archives/2024/sport/a.html
			three levels inside an absolute feed base | https://www.journaldelyon.fr/ | actu/ | sport/ | a.html | https://www.journaldelyon.fr/actu/sport/a.html
			network-path link takes the base's scheme | https://www.journaldelyon.fr/ | | | //static.journaldelyon.fr/a.html | https://static.journaldelyon.fr/a.html
			network-path entry base | https://www.journaldelyon.fr/ | //m.journaldelyon.fr/sport/ | | a.html | https://m.journaldelyon.fr/sport/a.html
			absolute link ignores every base | https://www.journaldelyon.fr/ | /sport/ | | https://www.leprogres.fr/a.html | https://www.leprogres.fr/a.html
			a base that is no http(s) URL is skipped | urn:x-journal:lyon | | | /sport/a.html | http://127.0.0.1:8089/sport/a.html
			""";

	/**
	 * One case a line: what it shows | base of the feed | of the entry | of the summary or content element | a link
	 * and a picture inside its HTML | both expected.
	 */
	private static final String CONTENT_CASES = """
			no base: the document's address | | | | photos/ol.jpg | http://127.0.0.1:8089/feeds/photos/ol.jpg
			content inherits the entry's base | https://www.journaldelyon.fr/ | /sport/ | | photos/ol.jpg | https://www.journaldelyon.fr/sport/photos/ol.jpg
			content's own absolute base | https://www.journaldelyon.fr/ | /sport/ | https://photos.journaldelyon.fr/2025/ | ol.jpg | https://photos.journaldelyon.fr/2025/ol.jpg
			content's own relative base | https://www.journaldelyon.fr/ | /sport/ | ol/ | a.jpg | https://www.journaldelyon.fr/sport/ol/a.jpg
			content's base with ../ | https://www.journaldelyon.fr/ | /sport/ol/ | ../culture/ | a.jpg | https://www.journaldelyon.fr/sport/culture/a.jpg
			absolute path inside content | https://www.journaldelyon.fr/sport/ | | | /img/a.jpg | https://www.journaldelyon.fr/img/a.jpg
			query-only reference inside content | https://www.journaldelyon.fr/sport/page.php?id=1 | | | ?id=2 | https://www.journaldelyon.fr/sport/page.php?id=2
			""";

	private final ParseThenNormalize reading = new ParseThenNormalize(DOCUMENT, FETCHED_AT, PARIS);

	/** The case that came out as {@code http://127.0.0.1:PORT/feeds/null/sport/ol-nantes-3-0.html}. */
	@Test
	void resolvesAnEntryBaseThatIsAnAbsolutePathAgainstTheFeedBaseNotTheFeedAddress() throws Exception {
		byte[] body = new ClassPathResource("atom10-xml-base-entry-path.xml", getClass()).getContentAsByteArray();
		List<Item> items = this.reading.items(body, "application/atom+xml");
		assertThat(items).extracting(Item::link)
			.containsExactly(URI.create("https://www.journaldelyon.fr/sport/ol-nantes-3-0.html"),
					URI.create("https://www.journaldelyon.fr/culture/fete-des-lumieres.html"));
		assertThat(hrefs(items.get(0).summaryHtml())).containsExactly(
				"https://www.journaldelyon.fr/sport/photos/ol-nantes.jpg",
				"https://www.journaldelyon.fr/sport/ol-classement.html");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("linkCases")
	void resolvesTheLinkAgainstEveryBaseInScope(Format format, String what, @Nullable String feedBase,
			@Nullable String entryBase, @Nullable String linkBase, @Nullable String href, @Nullable String expected)
			throws Exception {
		String document = format.document(feedBase, entryBase, linkBase, href, null, "<p>Résumé.</p>");
		assertThat(item(document).link()).isEqualTo((expected != null) ? URI.create(expected) : null);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("contentCases")
	void makesRelativeLinksInsideTheContentAbsoluteAgainstItsBase(Format format, String what,
			@Nullable String feedBase, @Nullable String entryBase, @Nullable String contentBase, String reference,
			String expected) throws Exception {
		String html = "<p>Le <a href=\"" + reference + "\">récit</a> du match.</p><p><img src=\"" + reference
				+ "\" alt=\"Le but\"></p>";
		String document = format.document(feedBase, entryBase, null, "https://www.journaldelyon.fr/a.html",
				contentBase, html);
		assertThat(hrefs(item(document).summaryHtml())).containsExactly(expected, expected);
	}

	private Item item(String document) throws Exception {
		return this.reading.onlyItem(document, null);
	}

	/** Every href and src of the HTML, in document order. */
	private static List<String> hrefs(String html) {
		List<String> references = new ArrayList<>();
		for (Element element : Jsoup.parseBodyFragment(html).select("[href], [src]")) {
			references.add(element.hasAttr("href") ? element.attr("href") : element.attr("src"));
		}
		return references;
	}

	static Stream<Arguments> linkCases() {
		return cases(LINK_CASES, List.of(Format.ATOM, Format.RSS));
	}

	static Stream<Arguments> contentCases() {
		return cases(CONTENT_CASES, List.of(Format.values()));
	}

	private static Stream<Arguments> cases(String table, List<Format> formats) {
		List<Arguments> cases = new ArrayList<>();
		for (Format format : formats) {
			for (String line : table.strip().split("\n")) {
				List<@Nullable Object> row = new ArrayList<>(List.of(format));
				for (String column : line.split("\\|", -1)) {
					String value = column.strip();
					row.add(value.isEmpty() ? null : value.equals("''") ? "" : value);
				}
				cases.add(Arguments.of(row.toArray()));
			}
		}
		return cases.stream();
	}

	/** Where the summary's HTML goes: the element Rome reads, the one whose base applies. */
	enum Format {

		ATOM("summary"), ATOM_CONTENT("content"), RSS("description"), RSS_CONTENT_ENCODED("content:encoded");

		private final String summaryElement;

		Format(String summaryElement) {
			this.summaryElement = summaryElement;
		}

		String document(@Nullable String feedBase, @Nullable String entryBase, @Nullable String linkBase,
				@Nullable String href, @Nullable String summaryBase, String html) {
			boolean atom = this == ATOM || this == ATOM_CONTENT;
			String summary = element(this.summaryElement, summaryBase, atom ? " type=\"html\"" : "", escape(html));
			if (atom) {
				String link = (href != null) ? "<link" + base(linkBase) + " href=\"" + escape(href) + "\"/>" : "";
				return "<feed xmlns=\"http://www.w3.org/2005/Atom\"" + base(feedBase) + "><title>Journal de Lyon</title>"
						+ "<id>urn:jdl</id><updated>2025-05-16T18:00:00Z</updated><entry" + base(entryBase)
						+ "><title>OL-Nantes (3-0)</title><id>urn:jdl:1</id><updated>2025-05-16T17:00:00Z</updated>"
						+ link + summary + "</entry></feed>";
			}
			String link = (href != null) ? element("link", linkBase, "", escape(href)) : "";
			return "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel"
					+ base(feedBase) + "><title>Journal de Lyon</title><link>https://www.journaldelyon.fr/</link>"
					+ "<description>Toute l’actualité</description><item" + base(entryBase)
					+ "><title>OL-Nantes (3-0)</title>" + link + "<guid isPermaLink=\"false\">jdl-1</guid>" + summary
					+ "</item></channel></rss>";
		}

		private static String element(String name, @Nullable String base, String attributes, String text) {
			return "<" + name + base(base) + attributes + ">" + text + "</" + name + ">";
		}

		private static String base(@Nullable String base) {
			return (base != null) ? " xml:base=\"" + escape(base) + "\"" : "";
		}

		private static String escape(String text) {
			return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
		}

	}

}

package fr.manchette.normalize;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import fr.manchette.support.RepublishedHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlCleanerTests {

	private static final URI FEED = URI.create("https://www.lemonde.fr/rss/une.xml");

	private final HtmlCleaner cleaner = new HtmlCleaner();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "script-and-style", "event-handlers", "javascript-links", "iframe-embed",
			"relative-links-and-images", "tracking-pixel", "french-typography" })
	void cleansAsTheGoldenFileSays(String name) throws IOException {
		String cleaned = this.cleaner.clean(fixture(name + ".html"), FEED);
		assertThat(cleaned).isEqualTo(fixture(name + ".expected.html").stripTrailing());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "script-and-style", "event-handlers", "javascript-links", "iframe-embed",
			"relative-links-and-images", "tracking-pixel", "french-typography" })
	void changesNothingWhenCleaningTwice(String name) throws IOException {
		String once = this.cleaner.clean(fixture(name + ".html"), FEED);
		assertThat(this.cleaner.clean(once, FEED)).isEqualTo(once);
	}

	@Test
	void dropsTrackingParametersFromTheLinksOfASummary() {
		// Plain enough for the fast path, then with a relative link and a fragment, which jsoup resolves.
		assertThat(this.cleaner.clean("<p><a href=\"https://www.lemonde.fr/a.html?utm_source=rss&amp;id=4&amp;"
				+ "xtor=RSS-3\">Lire la suite</a></p>", FEED))
			.isEqualTo("<p><a href=\"https://www.lemonde.fr/a.html?id=4\" rel=\"nofollow noopener\">Lire la suite</a></p>");
		assertThat(this.cleaner.clean("<div><a href=\"/b.html?utm_medium=feed\">b</a> <a href=\"/c.html?p=2#xtor=RSS-1\">c</a>"
				+ " <a href=\"/d.html?fbclid=x#commentaires\">d</a></div>", FEED))
			.isEqualTo("<a href=\"https://www.lemonde.fr/b.html\" rel=\"nofollow noopener\">b</a> "
					+ "<a href=\"https://www.lemonde.fr/c.html?p=2\" rel=\"nofollow noopener\">c</a> "
					+ "<a href=\"https://www.lemonde.fr/d.html#commentaires\" rel=\"nofollow noopener\">d</a>");
	}

	@Test
	void writesNoBreakSpacesAsCharactersNotEntities() throws IOException {
		String cleaned = this.cleaner.clean(fixture("french-typography.html"), FEED);
		assertThat(cleaned).doesNotContain("&nbsp;", "&#")
			.contains("«\u00A0Nous", "bonus\u202F»", "retraites\u202F:");
	}

	@Test
	void givesEmptyHtmlWhenNothingVisibleIsLeft() {
		assertThat(this.cleaner.clean(null, FEED)).isEmpty();
		assertThat(this.cleaner.clean("", FEED)).isEmpty();
		assertThat(this.cleaner.clean(" \n\t ", FEED)).isEmpty();
		assertThat(this.cleaner.clean("<p> </p><script>track()</script><img src=\"/p.gif\" width=\"1\" height=\"1\">",
				FEED))
			.isEmpty();
	}

	@Test
	void keepsPlainTextSummariesAsText() {
		assertThat(this.cleaner.clean("Les députés ont adopté le texte & la réforme < 2026.", FEED))
			.isEqualTo("Les députés ont adopté le texte &amp; la réforme &lt; 2026.");
	}

	/** CMSs that escape their HTML once more than XML needs: a reader would show « L&rsquo;&eacute;t&eacute; ». */
	@Test
	void decodesEntitiesEscapedTwiceAsTheTitleDoes() {
		HtmlCleaner.CleanSummary summary = this.cleaner.summary("<p>L&amp;rsquo;&amp;eacute;t&amp;eacute;&amp;nbsp;: "
				+ "<b>&amp;#171;&amp;#160;br&amp;ucirc;lant&amp;#160;&amp;#187;</b></p>", FEED);
		assertThat(summary.html()).isEqualTo("<p>L’été\u00A0: <b>«\u00A0brûlant\u00A0»</b></p>");
		assertThat(summary.text()).isEqualTo("L’été\u00A0: «\u00A0brûlant\u00A0»");
		assertThat(this.cleaner.clean("Sant&amp;eacute; &amp;amp; bien-&amp;ecirc;tre", FEED))
			.isEqualTo("Santé &amp; bien-être");
		// Escaped once, as HTML should be: as it was.
		assertThat(this.cleaner.clean("Recherche &amp; d&eacute;veloppement", FEED))
			.isEqualTo("Recherche &amp; développement");
		// Markup escaped twice is text once decoded, and written as text: never a tag.
		assertThat(this.cleaner.clean("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;", FEED))
			.isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	/**
	 * Markup escaped twice stays text in the HTML, which may mean it (a tag in a sentence about HTML); the plain text,
	 * which cannot tell text about a tag from a tag, reads it as HTML once more. A code sample stays as written.
	 */
	@Test
	void readsMarkupEscapedTwiceAsHtmlInThePlainTextOnly() {
		HtmlCleaner.CleanSummary bold = this.cleaner.summary("<p>&lt;b&gt;Grève&lt;/b&gt; à la SNCF</p>", FEED);
		assertThat(bold.html()).isEqualTo("<p>&lt;b&gt;Grève&lt;/b&gt; à la SNCF</p>");
		assertThat(bold.text()).isEqualTo("Grève à la SNCF");
		HtmlCleaner.CleanSummary image = this.cleaner
			.summary("&amp;lt;img src=x onerror=alert(1)&amp;gt;Le conseil &amp;lt;i&amp;gt;vote&amp;lt;/i&amp;gt;", FEED);
		assertThat(image.html()).isEqualTo("&lt;img src=x onerror=alert(1)&gt;Le conseil &lt;i&gt;vote&lt;/i&gt;");
		assertThat(image.text()).isEqualTo("Le conseil vote");
		HtmlCleaner.CleanSummary prose = this.cleaner
			.summary("<p>Si x &lt; 3 et y &gt; 2, a&lt;b ; &lt;&lt;Le Monde&gt;&gt; titre « &lt;3 »</p>", FEED);
		assertThat(prose.text()).isEqualTo("Si x < 3 et y > 2, a<b ; <<Le Monde>> titre « <3 »");
		HtmlCleaner.CleanSummary code = this.cleaner.summary("<p>Écrivez <code>&lt;br /&gt;</code>, pas "
				+ "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code> ni <code>&lt;a onclick=\"x()\"&gt;</code></p>"
				+ "<pre>&lt;b&gt;gras&lt;/b&gt;</pre>", FEED);
		// But for what would run: a reader that shows the plain text as HTML must find nothing to run.
		assertThat(code.text()).isEqualTo("Écrivez <br />, pas ni <b>gras</b>");
	}

	/** Struck out, a figure no longer holds: the HTML shows it struck, the plain text, which cannot, leaves it out. */
	@Test
	void leavesStruckOutTextOutOfThePlainText() {
		HtmlCleaner.CleanSummary summary = this.cleaner.summary("<p>Prix : <del>12 €</del> <ins>15 €"
				+ "</ins>, <s>en stock</s> <strike>livré demain</strike> sur commande.</p>", FEED);
		assertThat(summary.html()).isEqualTo("<p>Prix : <del>12 €</del> <ins>15 €</ins>, <s>en stock"
				+ "</s> <strike>livré demain</strike> sur commande.</p>");
		assertThat(summary.text()).isEqualTo("Prix : 15 €, sur commande.");
		// Nothing but a correction: the HTML still shows it.
		assertThat(this.cleaner.summary("<p><del>Annulé</del></p>", FEED))
			.isEqualTo(new HtmlCleaner.CleanSummary("<p><del>Annulé</del></p>", ""));
	}

	/**
	 * Browsers cap colspan at 1000 and rowspan at 65534, and read digits alone: a span past the cap or in words is
	 * dropped, and the cell spans one, rather than laid out otherwise by each reader (one that does not cap builds a
	 * grid of millions of cells).
	 */
	@Test
	void keepsOnlyTheSpansABrowserReadsAsWritten() {
		assertThat(this.cleaner.clean("<table><tr><td colspan=\"1000\">a</td><td colspan=\"1001\">b</td>"
				+ "<td colspan=\"0\">c</td><td colspan=\" 3 \" rowspan=\"0\">d</td><td rowspan=\"65534\">e</td>"
				+ "<td rowspan=\"65535\">f</td><td colspan=\"2px\" rowspan=\"deux\">g</td>"
				+ "<th colspan=\"99999999999\" rowspan=\"-1\">h</th><th colspan=\"\" rowspan=\"2\">i</th></tr></table>",
				FEED))
			.isEqualTo("<table><tbody><tr><td colspan=\"1000\">a</td><td>b</td><td>c</td>"
					+ "<td colspan=\" 3 \" rowspan=\"0\">d</td><td rowspan=\"65534\">e</td><td>f</td><td>g</td>"
					+ "<th>h</th><th rowspan=\"2\">i</th></tr></tbody></table>");
	}

	/** The line WordPress's SEO plugins add under each post, in French and in English: not the newsroom's text. */
	@Test
	void dropsTheWordPressFooterButNotTheNewsroomsSentences() {
		String french = "<p>Les députés ont voté le texte [&#8230;]</p>\n<p>L&#8217;article "
				+ "<a href=\"https://www.h24info.ma/budget/\">Budget 2026\u202F: le texte adopté</a> est apparu en "
				+ "premier sur <a href=\"https://www.h24info.ma\">H24info.ma</a>.</p>";
		assertThat(this.cleaner.clean(french, FEED)).isEqualTo("<p>Les députés ont voté le texte […]</p>");
		String english = "<p>Vote.</p><p>The post <a href=\"https://a.fr/x\">Vote</a> appeared first on "
				+ "<a href=\"https://a.fr\">A.fr</a>.</p>";
		assertThat(this.cleaner.clean(english, FEED)).isEqualTo("<p>Vote.</p>");
		assertThat(this.cleaner.summary(english, FEED).text()).isEqualTo("Vote.");
		String news = "<p>Le virus est apparu en premier sur un marché de <a href=\"https://a.fr/w\">Wuhan</a>.</p>";
		assertThat(this.cleaner.clean(news, FEED)).isEqualTo("<p>Le virus est apparu en premier sur un marché de "
				+ "<a href=\"https://a.fr/w\" rel=\"nofollow noopener\">Wuhan</a>.</p>");
	}

	/** Lazy-loaded images: a reader runs no script, so the real address must be in src, absolute. */
	@Test
	void showsLazyImagesByTheirRealAddress() {
		URI article = URI.create("https://www.le360.ma/societe/article.html");
		assertThat(this.cleaner.clean("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" "
				+ "data-src=\"/uploads/photo.jpg\" alt=\"Photo\">", article))
			.isEqualTo("<img src=\"https://www.le360.ma/uploads/photo.jpg\" alt=\"Photo\">");
		assertThat(this.cleaner.clean("<img data-lazy-src=\"https://cdn.a.fr/p.jpg\">", article))
			.isEqualTo("<img src=\"https://cdn.a.fr/p.jpg\">");
		assertThat(this.cleaner.clean("<img src=\"/i/blank.gif\" data-original=\"/i/o.jpg\">", article))
			.isEqualTo("<img src=\"https://www.le360.ma/i/o.jpg\">");
		assertThat(this.cleaner.clean("<img srcset=\"/i/p-320.jpg 320w, /i/p-1024.jpg 1024w, /i/p-640.jpg 640w\">",
				article))
			.isEqualTo("<img src=\"https://www.le360.ma/i/p-1024.jpg\">");
		// An image that shows already keeps its address.
		assertThat(this.cleaner.clean("<img src=\"/i/p.jpg\" srcset=\"/i/p-2x.jpg 2x\">", article))
			.isEqualTo("<img src=\"https://www.le360.ma/i/p.jpg\">");
	}

	@Test
	void keepsWordsApartWhenUnwrappingBlocks() {
		assertThat(TitleText.plain(this.cleaner.clean("<div>Paris</div><div>12</div>", FEED))).isEqualTo("Paris 12");
	}

	/** A table of results or a timetable reads as one only as a table; what only styles it goes. */
	@Test
	void keepsTablesWithTheirCellsAndSpans() {
		HtmlCleaner.CleanSummary summary = this.cleaner.summary("<table border=\"1\" width=\"600\" class=\"res\">"
				+ "<caption>Résultats</caption><thead><tr><th scope=\"col\" style=\"color:red\">Liste</th>"
				+ "<th scope=\"col\">Voix</th></tr></thead><tbody><tr><td bgcolor=\"#eee\">Union</td><td>12\u00A0408"
				+ "</td></tr><tr><td colspan=\"2\" onclick=\"x()\">Exprimés</td></tr></tbody></table>", FEED);

		assertThat(summary.html()).isEqualTo("<table><caption>Résultats</caption><thead><tr><th scope=\"col\">Liste"
				+ "</th><th scope=\"col\">Voix</th></tr></thead><tbody><tr><td>Union</td><td>12\u00A0408</td></tr><tr>"
				+ "<td colspan=\"2\">Exprimés</td></tr></tbody></table>");
		assertThat(summary.text()).isEqualTo("Résultats Liste Voix Union 12\u00A0408 Exprimés");
		assertThat(this.cleaner.clean("<table><tr><td> </td><td><br></td></tr></table><p>Texte</p>", FEED))
			.isEqualTo("<p>Texte</p>");
	}

	/** A correction struck out reads as one: unwrapped, the old figure and the new read as if both held. */
	@Test
	void keepsCorrectionsAbbreviationsHeadingsAndBreaks() {
		assertThat(this.cleaner.clean("<h5>Rectificatif</h5><p>Bilan\u00A0: <del datetime=\"2026-12-06\">12</del> "
				+ "<ins>14</ins> morts, <s>selon la police</s>, d’après l’<abbr title=\"Organisation mondiale de la "
				+ "santé\" class=\"x\">OMS</abbr>.</p><hr><h6>Mise à jour</h6>", FEED))
			.isEqualTo("<h5>Rectificatif</h5><p>Bilan\u00A0: <del>12</del> <ins>14</ins> morts, <s>selon la police"
					+ "</s>, d’après l’<abbr title=\"Organisation mondiale de la santé\">OMS</abbr>.</p><hr><h6>Mise à "
					+ "jour</h6>");
	}

	/**
	 * Markup known to turn into a script when sanitized HTML is parsed again (mutation XSS: foreign content, raw
	 * text elements, comments, addresses hidden by whitespace), and a browser parsing what we keep finds nothing.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
			"<svg><p><style><img src=x onerror=alert(1)></style></p></svg>texte",
			"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
			"<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
			"<select><template><style></style><img src=x onerror=alert(1)></template></select>",
			"<p>x</p><table><caption><svg onload=alert(1)>c</svg></caption></table>",
			"<xmp><img src=x onerror=alert(1)></xmp><p>a<!--[if IE]><script>alert(1)</script><![endif]-->b</p>",
			"<a href=\"jav&#x09;ascript:alert(1)\">x</a><a href=\" javascript:alert(1)\">y</a>",
			"<a href=\"data:text/html,<script>alert(1)</script>\">x</a><img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
			"<img srcset=\"javascript:alert(1) 900w\" alt=a><img data-src=\"javascript:alert(1)\" alt=b>",
			"<base href=\"https://evil.example/\"><a href=\"/x\" target=\"_blank\">x</a>",
			"<table><tr><td>a</td></tr><style>x{}</style><script>alert(1)</script></table>" })
	void leavesNothingABrowserWouldRunAfterParsingAgain(String hostile) {
		assertThat(RepublishedHtml.problems(this.cleaner.clean(hostile, FEED))).isEmpty();
	}

	/** Where a quotation comes from is an address like a link's: absolute, http or https. */
	@Test
	void makesQuotationSourcesAbsoluteAndDropsOtherSchemes() {
		assertThat(this.cleaner.clean("<q cite=\"/2026/12/06/discours.html\">Nous irons</q> "
				+ "<blockquote cite=\"entretien.html\">Oui.</blockquote>", FEED))
			.isEqualTo("<q cite=\"https://www.lemonde.fr/2026/12/06/discours.html\">Nous irons</q> "
					+ "<blockquote cite=\"https://www.lemonde.fr/rss/entretien.html\">Oui.</blockquote>");
		assertThat(this.cleaner.clean("<q cite=\"javascript:alert(1)\">Nous irons</q>", FEED))
			.isEqualTo("<q>Nous irons</q>");
	}

	/** A quotation in Arabic in a French summary keeps its language and its direction, and nothing else. */
	@Test
	void keepsTheLanguageAndDirectionOfAPassage() {
		assertThat(this.cleaner.clean("<p>Il a dit\u00A0: <q lang=\"ar\" dir=\"rtl\" class=\"ar\" id=\"c1\">"
				+ "شكرا</q></p>", FEED))
			.isEqualTo("<p>Il a dit\u00A0: <q lang=\"ar\" dir=\"rtl\">شكرا</q></p>");
	}

	@Test
	void givesPlainTextWithTitleFolding() {
		assertThat(TitleText.plain("<p>«\u00A0Nous\u00A0irons\u00A0»,\n  dit-il.</p><p>Fin.</p>"))
			.isEqualTo("«\u00A0Nous\u00A0irons\u00A0», dit-il. Fin.");
	}

	/**
	 * The summary's text is read off the cleaned tree: it must be what the text of the cleaned HTML, parsed once more,
	 * always was. Fragments drawn from the pieces that move text around: unwrapped blocks, entities escaped twice,
	 * whitespace that strip() removes and the fold keeps, CDATA leftovers, removed elements, pre.
	 */
	@Test
	void readsTheSummaryTextOffTheCleanedTreeAsFromTheCleanedHtml() {
		String[] pieces = { "<p>", "</p>", " ", "\u2003", "\u00A0", "\u2028", "\n", "&amp;amp;", "&lt;", "x", "é",
				"Paris", "<table><tr><td>", "</td><td>", "<b>", "</b>", "<br>", "<pre>", "</pre>", "<div>", "</div>",
				"<img src=\"/i.jpg\" width=\"1\">", "<img src=\"/photo.jpg\">", "<script>s()</script>",
				"<![CDATA[", "]]>", "<a href=\"/r\">", "</a>", "<ul><li>", "</li>", "<h2>", "<span>", "&nbsp;" };
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder html = new StringBuilder();
			for (int n = random.nextInt(12); n >= 0; n--) {
				html.append(pieces[random.nextInt(pieces.length)]);
			}
			String fragment = html.toString();
			HtmlCleaner.CleanSummary summary = this.cleaner.summary(fragment, FEED);
			String cleaned = this.cleaner.clean(fragment, FEED);
			assertThat(summary.html()).as(fragment).isEqualTo(cleaned);
			assertThat(summary.text()).as(fragment).isEqualTo(TitleText.plain(cleaned));
		}
	}

	/**
	 * Summaries that {@link SimpleSummary} reads are cleaned as jsoup cleans them, to the byte, text included. Drawn
	 * from its grammar (paragraphs, bold, italics, line breaks, links, images, tracking pixels, references, blanks,
	 * unclosed and misnested tags) and from what it must refuse (other tags and attributes, relative addresses, bare
	 * ampersands, controls, references jsoup rewrites).
	 */
	@Test
	void cleansSimpleSummariesAsJsoupDoes() {
		String[] read = { "<p>", "</p>", "<strong>", "</strong>", "<em>", "</em>", "<b>", "</b>", "<i>", "</i>", "<br>",
				"<br/>", "<br />", "<a href=\"https://www.lemonde.fr/a.html?x=1&amp;y=2\">", "</a>",
				"<a href=\"https://www.lemonde.fr/a.html?utm_source=rss&amp;x=1&amp;at_medium=flux\">",
				"<img src=\"http://127.0.0.1/img/1_w600.jpg\" alt=\"Le Mans &agrave; domicile\" width=\"800\" />",
				"<img src=\"https://www.lemonde.fr/i.jpg\" alt=\"\">", "<img src=\"https://a.fr/p.gif\" width=\"1\">",
				"<img src=\"https://a.fr/p.gif\" height=\"1px\">", " ", "  ", "\n", "\t", "\u00A0", "\u202F", "\u2003",
				"x", "Été", "«", "»", "’", "a > b", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&laquo;", "&raquo;",
				"&rsquo;", "&eacute;", "&hellip;", "&#233;", "&#xE9;", "&#8217;", "&#160;", "&amp;amp;", "&notin;",
				"&not;" };
		String[] refused = { "&#128;", "&#0;", "&#x1F600;", "&noti;", "& ", "&", "&;", "&#;", "<P>", "<p class=\"x\">",
				"<span>", "</span>", "<a href=\"/r\">", "<a>", "<a href=\"https://a.fr/\" title=\"t\">",
				"<a href=\"https://a.fr/\" rel=\"x\">", "<a href='https://a.fr/'>", "<img src=\"/rel.jpg\">",
				"<img alt=\"x\">", "<img src=\"http://feeds.feedburner.com/~r/x\">",
				"<img src=\"https://a.fr/i.jpg\" alt=\"&quot;\">", "<img src=\"https://a.fr/i.jpg\" class=\"c\">",
				"</img>", "<p/>", "<b/>", "\r", "\u0001", "\u0085", "\uD83D\uDE00", "<", ">", "<!-- c -->" };
		Random random = new Random(11);
		int simple = 0;
		for (int i = 0; i < 50_000; i++) {
			StringBuilder html = new StringBuilder();
			for (int n = random.nextInt(14); n >= 0; n--) {
				// Mostly what the fast path reads, so that most fragments take it and the others show it refusing.
				html.append((random.nextInt(6) > 0) ? read[random.nextInt(read.length)]
						: refused[random.nextInt(refused.length)]);
			}
			String fragment = html.toString();
			HtmlCleaner.CleanSummary fast = SimpleSummary.clean(fragment);
			if (fast == null || fragment.isBlank()) {
				continue;
			}
			simple++;
			HtmlCleaner.CleanSummary jsoup = this.cleaner.summaryByJsoup(fragment, FEED);
			assertThat(fast.html()).as(fragment).isEqualTo(jsoup.html());
			assertThat(fast.text()).as(fragment).isEqualTo(jsoup.text());
		}
		assertThat(simple).isGreaterThan(3_000);
	}

	/** The same on every summary of the corpus of real French feeds that the fast path reads. */
	@Test
	void cleansTheCorpusSimpleSummariesAsJsoupDoes() throws Exception {
		java.nio.file.Path corpus = java.nio.file.Path.of("..", "shared", "corpus");
		org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(corpus),
				"needs the corpus at ../shared/corpus");
		fr.manchette.parse.FeedParser parser = new fr.manchette.parse.FeedParser();
		int simple = 0;
		int summaries = 0;
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(corpus)) {
			for (java.nio.file.Path file : files.filter((f) -> f.toString().matches(".*\\.(xml|rss|atom)")).toList()) {
				fr.manchette.parse.ParsedFeed feed;
				try {
					feed = parser.parse(java.nio.file.Files.readAllBytes(file), null);
				}
				catch (fr.manchette.parse.FeedParseException ex) {
					continue;
				}
				for (fr.manchette.parse.RawItem item : feed.items()) {
					if (item.summaryHtml() == null || item.summaryHtml().isBlank()) {
						continue;
					}
					summaries++;
					HtmlCleaner.CleanSummary fast = SimpleSummary.clean(item.summaryHtml());
					if (fast != null) {
						simple++;
						HtmlCleaner.CleanSummary jsoup = this.cleaner.summaryByJsoup(item.summaryHtml(), FEED);
						assertThat(fast).as(file + ": " + item.summaryHtml()).isEqualTo(jsoup);
					}
				}
			}
		}
		assertThat(summaries).isGreaterThan(1_000);
		assertThat(simple).isGreaterThan(100);
	}

	private String fixture(String name) throws IOException {
		return new ClassPathResource("cleaner/" + name, getClass()).getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * Links and images whose value resolves to itself skip jsoup's resolution: for each, jsoup's own safelist must
	 * say yes and leave the value as written.
	 */
	@Test
	void linksThatResolveToThemselvesAreWhatJsoupAcceptsUnchanged() {
		Safelist jsoup = HtmlCleaner.plainSafelist();
		String[] starts = { "http://", "https://", "HTTP://", "http:/", "ftp://", "//", "" };
		String alphabet = "aZ09.-_~!$&'()*+,;=:@/?%#[] \\\t<\u00E9";
		Random random = new Random(3);
		int resolved = 0;
		for (int i = 0; i < 100_000; i++) {
			StringBuilder value = new StringBuilder(starts[random.nextInt(starts.length)]);
			if (random.nextBoolean()) {
				value.setLength(0);
				value.append(random.nextBoolean() ? "http://" : "https://");
				for (int n = random.nextInt(5); n >= 0; n--) {
					value.append("aZ09.-".charAt(random.nextInt(6)));
				}
				value.append('/');
			}
			for (int n = random.nextInt(14); n > 0; n--) {
				value.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = value.toString();
			if (!HtmlCleaner.resolvesToItself(text)) {
				continue;
			}
			resolved++;
			for (String[] tagAndKey : new String[][] { { "a", "href" }, { "img", "src" } }) {
				Element element = Jsoup.parseBodyFragment("<" + tagAndKey[0] + ">", "http://127.0.0.1/feeds/f.xml")
					.body()
					.child(0);
				element.attr(tagAndKey[1], text);
				assertThat(element.absUrl(tagAndKey[1])).as(text).isEqualTo(text);
				Attribute attribute = element.attribute(tagAndKey[1]);
				assertThat(jsoup.isSafeAttribute(tagAndKey[0], element, attribute)).as(text).isTrue();
				assertThat(attribute.getValue()).isEqualTo(text);
			}
		}
		assertThat(resolved).isGreaterThan(10_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://h/a/../b", "http://h/./b", "http://user@h/", "http://h:80/", "http://h/#top",
			"HTTP://h/", "http://h/a b", "http://h/\u00E9", "http:///x", "http://h?x", "javascript:alert(1)", "/x" })
	void otherLinksGoThroughJsoup(String value) {
		assertThat(HtmlCleaner.resolvesToItself(value)).isFalse();
	}

}

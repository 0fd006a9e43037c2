package fr.manchette.normalize;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.support.ParseThenNormalize;
import fr.manchette.support.RepublishedHtml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles and plain-text summaries as a poll makes them ({@link FeedParser}, then {@link ItemNormalizer}), from feeds
 * that escape their HTML twice and feeds whose text uses angle brackets: the one read as HTML once more, the other
 * kept as written, in RSS, Atom and JSON Feed alike; and titles declared text (Atom's) kept as written.
 */
class PlainTextOfFeedsTests {

	private static final URI FEED = URI.create("http://127.0.0.1:8089/fil.xml");

	private static final Instant FETCHED_AT = Instant.parse("2026-12-06T08:00:00Z");

	private final ParseThenNormalize reading = new ParseThenNormalize(FEED, FETCHED_AT, ZoneId.of("Europe/Paris"));

	@Test
	void readsRssMarkupEscapedTwiceAsHtmlAndKeepsTheAngleBracketsOfProse() throws FeedParseException {
		List<Item> items = items("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Fil</title><link>http://127.0.0.1:8089/</link>
				<item><guid>1</guid><title>&amp;lt;b&amp;gt;Grève&amp;lt;/b&amp;gt; à la SNCF</title>
				<description>&amp;lt;img src=x onerror=alert(1)&amp;gt;Les &amp;lt;i&amp;gt;cheminots&amp;lt;/i&amp;gt; \
				votent.</description></item>
				<item><guid>2</guid><title><![CDATA[&lt;em&gt;Municipales&lt;/em&gt;\u00A0: \
				&lt;script&gt;alert(1)&lt;/script&gt;les &amp;eacute;lus]]></title>
				<description><![CDATA[<p>Prix\u00A0: <del>12\u00A0€</del> 15\u00A0€</p>]]></description></item>
				<item><guid>3</guid><title>&lt;&lt;Le Monde&gt;&gt;\u00A0: si x &lt; 3 et a&lt;b</title>
				<description>«\u00A0Qui a dit "&amp;lt;3"\u00A0?\u00A0»</description></item>
				</channel></rss>
				""");

		assertThat(items).extracting(Item::title)
			.containsExactly("Grève à la SNCF", "Municipales\u00A0: <script>alert(1)</script>les élus",
					"<<Le Monde>>\u00A0: si x < 3 et a<b");
		assertThat(items).extracting(Item::summaryText)
			.containsExactly("Les cheminots votent.", "Prix\u00A0: 15\u00A0€", "«\u00A0Qui a dit \"<3\"\u00A0?\u00A0»");
		// The HTML shows the escaped markup as the text it is, and the correction struck out.
		assertThat(items.get(0).summaryHtml())
			.isEqualTo("&lt;img src=x onerror=alert(1)&gt;Les &lt;i&gt;cheminots&lt;/i&gt; votent.");
		assertThat(items.get(1).summaryHtml()).isEqualTo("<p>Prix\u00A0: <del>12\u00A0€</del> 15\u00A0€</p>");
		// The title's script is the text its feed wrote, which every document republishes escaped.
		assertThat(RepublishedHtml.markupIn(items.get(0).title())).isEmpty();
		for (Item item : items.subList(0, 2)) {
			assertThat(RepublishedHtml.markupIn(item.summaryText())).isEmpty();
			assertThat(RepublishedHtml.problems(item.summaryHtml())).isEmpty();
		}
	}

	@Test
	void readsAtomTextAsWrittenAndItsHtmlEscapedTwiceAsHtml() throws FeedParseException {
		List<Item> items = items("""
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Fil</title><id>urn:fil</id>
				<updated>2026-12-06T07:00:00Z</updated>
				<entry><id>urn:1</id><title type="text">a&lt;b et &lt;&lt;Libé&gt;&gt;</title>
				<updated>2026-12-06T07:00:00Z</updated><summary type="text">Pour x &lt; 3.</summary></entry>
				<entry><id>urn:2</id><title type="html">&amp;lt;b&amp;gt;Brest&amp;lt;/b&amp;gt;&amp;amp;nbsp;: \
				le port</title><updated>2026-12-06T07:00:00Z</updated>
				<summary type="html">&lt;p&gt;&amp;lt;!-- pub --&amp;gt;Le &amp;lt;s&amp;gt;1er&amp;lt;/s&amp;gt; \
				2e port&lt;/p&gt;</summary></entry>
				<entry><id>urn:3</id><title>Cours de HTML : la balise &lt;p&gt; et l'entité &amp;amp; expliquées</title>
				<updated>2026-12-06T07:00:00Z</updated><summary>La leçon.</summary></entry>
				</feed>
				""");

		assertThat(items).extracting(Item::title).containsExactly("a<b et <<Libé>>", "Brest\u00A0: le port",
				"Cours de HTML : la balise <p> et l'entité &amp; expliquées");
		assertThat(items).extracting(Item::summaryText).containsExactly("Pour x < 3.", "Le 2e port", "La leçon.");
	}

	/**
	 * A JSON Feed's title is read as an RSS title is (JSON Feed 1.1 says plain text, but publishing tools write it from
	 * the same HTML title as their RSS's, entities and all): its formatting tags left out, its entities decoded, any
	 * other tag and a lone {@code <} kept as text. Its HTML summary is read as HTML.
	 */
	@Test
	void readsJsonFeedTitlesAsRssTitlesAndSummariesAsHtml() throws FeedParseException {
		List<Item> items = items("""
				{"version": "https://jsonfeed.org/version/1.1", "title": "Fil", "items": [
				 {"id": "1", "title": "<b>Grève</b> à la SNCF",
				  "summary": "<img src=x onerror=alert(1)>Trafic <i>perturbé</i>"},
				 {"id": "2", "title": "a<b et <<Le Monde>>", "summary": "Qui a dit «\u00A0<3\u00A0»\u00A0?"},
				 {"id": "3", "title": "L&#8217;ONU et la balise <script>", "summary": "Vote."}]}
				""");

		assertThat(items).extracting(Item::title)
			.containsExactly("Grève à la SNCF", "a<b et <<Le Monde>>", "L’ONU et la balise <script>");
		assertThat(items).extracting(Item::summaryText)
			.containsExactly("Trafic perturbé", "Qui a dit «\u00A0<3\u00A0»\u00A0?", "Vote.");
	}

	private List<Item> items(String document) throws FeedParseException {
		String type = document.startsWith("{") ? "application/feed+json" : "application/xml";
		return this.reading.items(document, type);
	}

}

package fr.manchette.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import fr.manchette.config.TickerSelectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The language and the author each format declares for its items, as the parser passes them on. */
class DeclaredLanguageTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void rssChannelLanguageUnlessTheItemSaysItsOwn() throws FeedParseException {
		ParsedFeed feed = parse("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
				<title>Hespress</title><link>https://fr.hespress.com/</link><description>d</description>
				<language>fr-FR</language>
				<item><title>Le Maroc et l'Espagne</title><link>https://fr.hespress.com/1</link>
				  <dc:creator>Rédaction partenaire</dc:creator></item>
				<item><title>المغرب وإسبانيا</title><link>https://fr.hespress.com/2</link><dc:language>ar</dc:language>
				  <author>redaction@hespress.com (La rédaction)</author></item>
				</channel></rss>""");
		assertThat(feed.items()).extracting(RawItem::language).containsExactly("fr-FR", "ar");
		assertThat(feed.items()).extracting(RawItem::author)
			.containsExactly("Rédaction partenaire", "redaction@hespress.com (La rédaction)");
	}

	@Test
	void atomXmlLangOfTheFeedOrOfTheEntry() throws FeedParseException {
		ParsedFeed feed = parse("""
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
				<title>Le360</title><id>urn:le360</id><updated>2025-05-16T19:00:00Z</updated>
				<entry><title>Marchica Med investit à Nador</title><id>urn:1</id><updated>2025-05-16T19:00:00Z</updated>
				  <link href="https://le360.ma/1"/><author><name>Le360</name></author></entry>
				<entry xml:lang="en"><title>Morocco wins</title><id>urn:2</id><updated>2025-05-16T19:00:00Z</updated>
				  <link href="https://le360.ma/2"/></entry>
				</feed>""");
		assertThat(feed.items()).extracting(RawItem::language).containsExactly("fr", "en");
		assertThat(feed.items()).extracting(RawItem::author).containsExactly("Le360", null);
	}

	@Test
	void jsonFeedLanguageAndAuthorsOfTheFeedOrOfTheItem() throws FeedParseException {
		ParsedFeed feed = parse("""
				{"version":"https://jsonfeed.org/version/1.1","title":"T","language":"es",
				 "authors":[{"name":"El País"}],
				 "items":[{"id":"1","url":"https://e.es/1","title":"Hola"},
				          {"id":"2","url":"https://e.es/2","title":"Bonjour","language":"fr",
				           "authors":[{"name":"Marie"}]}]}""");
		assertThat(feed.items()).extracting(RawItem::language).containsExactly("es", "fr");
		assertThat(feed.items()).extracting(RawItem::author).containsExactly("El País", "Marie");
	}

	@Test
	void htmlLangOfATickerPage() throws FeedParseException {
		String html = """
				<!doctype html><html lang="ar-MA"><head><title>Fil</title></head><body>
				<ul><li><a href="/1">عنوان الخبر الأول</a></li></ul></body></html>""";
		TickerPage page = new TickerPageParser().parse(html.getBytes(StandardCharsets.UTF_8), "text/html",
				URI.create("https://ar.example.ma/"), new TickerSelectors("li", "a", ZoneId.of("Africa/Casablanca")),
				Instant.parse("2025-05-16T19:45:00Z"));
		assertThat(page.asFeed().items()).extracting(RawItem::language).containsExactly("ar-MA");
	}

	private ParsedFeed parse(String text) throws FeedParseException {
		return this.parser.parse(text.getBytes(StandardCharsets.UTF_8), null);
	}

}

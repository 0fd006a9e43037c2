package fr.manchette.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A small RSS 2.0 document written for a test, with the items it is given. Titles go in as XML text, so
 * {@code &amp;lt;} in a title is what a feed that escapes twice sends, and ends as a literal {@code <} in the store.
 */
record NewsFeed(String title, List<Story> stories) {

	record Story(String guid, String titleXml, String link, String description, Instant published) {

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

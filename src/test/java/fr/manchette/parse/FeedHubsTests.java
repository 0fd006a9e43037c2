package fr.manchette.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** WebSub discovery: the hubs and the self link a feed announces, in RSS, Atom and JSON Feed. */
class FeedHubsTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void readsTheChannelsAtomLinksOfAnRssFeedNotTheItems() throws Exception {
		ParsedFeed feed = parse("rss2-websub-hub.xml");
		assertThat(feed.hubs()).containsExactly("https://hub.example/", "https://second-hub.example/websub");
		assertThat(feed.self()).isEqualTo("https://fil.example/rss.xml");
		// The channel's own <link>, text without rel, is still the site.
		assertThat(feed.link()).isEqualTo("https://fil.example/");
	}

	@Test
	void readsTheFeedLinksOfAnAtomFeedWithSeveralRelationTypesInOneRel() throws Exception {
		ParsedFeed feed = parse("atom10-websub-hub.xml");
		assertThat(feed.hubs()).containsExactly("https://fil.example/atom.xml", "https://hub.example/");
		assertThat(feed.self()).isEqualTo("https://fil.example/atom.xml");
	}

	@Test
	void aFeedWithoutHubAnnouncesNone() throws Exception {
		ParsedFeed feed = parse("rss20-minimal.xml");
		assertThat(feed.hubs()).isEmpty();
		assertThat(feed.self()).isNull();
	}

	@Test
	void readsTheWebSubHubsOfAJsonFeedAndItsFeedUrlAsSelf() throws Exception {
		String json = """
				{"version":"https://jsonfeed.org/version/1.1","title":"Le Fil","feed_url":"https://fil.example/feed.json",
				 "hubs":[{"type":"rssCloud","url":"https://cloud.example/"},{"type":"WebSub","url":"https://hub.example/"},
				         {"type":"websub","url":42},"not a hub",{"type":"WebSub"},{"type":"WebSub","url":"https://hub.example/"}],
				 "items":[{"id":"1","url":"https://fil.example/1.html","title":"Une dépêche"}]}""";
		ParsedFeed feed = this.parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
		assertThat(feed.hubs()).containsExactly("https://hub.example/");
		assertThat(feed.self()).isEqualTo("https://fil.example/feed.json");
		assertThat(feed.items()).hasSize(1);
	}

	@Test
	void aJsonFeedWhoseHubsAreNotAnArrayStillReads() throws Exception {
		String json = """
				{"version":"https://jsonfeed.org/version/1.1","hubs":{"type":"WebSub","url":"https://hub.example/"},
				 "items":[{"id":"1","url":"https://fil.example/1.html"}]}""";
		ParsedFeed feed = this.parser.parse(json.getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.hubs()).isEmpty();
		assertThat(feed.items()).hasSize(1);
	}

	private ParsedFeed parse(String fixture) throws IOException, FeedParseException {
		return this.parser.parse(new ClassPathResource(fixture, getClass()).getContentAsByteArray(), null);
	}

}

package fr.manchette.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.store.StoredItem;
import fr.manchette.store.Story;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the merged feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
@Component
public class JsonFeedWriter {

	private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final CurrentFeeds feeds;

	private final JsonMapper json;

	JsonFeedWriter(CurrentFeeds feeds, JsonMapper json) {
		this.feeds = feeds;
		this.json = json;
	}

	/**
	 * @param filters what the list was asked with: ranked à la une, a "top stories" feed, and narrowed, so titled, as
	 * Atom and RSS are
	 */
	public String json(List<Story> stories, FeedLinks links, PageFilters filters) {
		FeedsFile config = this.feeds.get();
		boolean une = filters.une();
		Map<String, Object> feed = new LinkedHashMap<>();
		feed.put("version", "https://jsonfeed.org/version/1.1");
		feed.put("title", FeedTitle.of(une).title(filters.scope(config)));
		feed.put("description", FeedTitle.of(une).description());
		feed.put("home_page_url", links.site());
		feed.put("feed_url", links.self());
		feed.put("language", "fr");
		if (!links.hubs().isEmpty()) {
			feed.put("hubs", links.hubs().stream().map(JsonFeedWriter::hub).toList());
		}
		feed.put("items", stories.stream().map((story) -> item(story, config, une)).toList());
		return this.json.writeValueAsString(feed);
	}

	private static Map<String, Object> item(Story story, FeedsFile config, boolean une) {
		StoredItem lead = story.lead();
		Source source = config.source(lead.sourceId()).orElse(null);
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", ItemLabels.feedId(story));
		if (lead.link() != null) {
			item.put("url", lead.link());
		}
		item.put("title", lead.title());
		if (lead.lang() != null) {
			item.put("language", lead.lang());
		}
		// The other sources in a line, as Atom's and RSS's summaries say them, for readers that show only the content.
		item.put("content_html", lead.summaryHtml() + ItemLabels.alsoInHtml(story, config, une));
		// Optional in JSON Feed, and an empty one says nothing: a reader would show a blank line for it.
		if (lead.summaryText() != null && !lead.summaryText().isBlank()) {
			item.put("summary", lead.summaryText());
		}
		item.put("date_published", date(lead.sortAt()));
		if (lead.updatedAt().isAfter(lead.firstSeenAt())) {
			item.put("date_modified", date(lead.updatedAt()));
		}
		item.put("authors", List.of(Map.of("name", ItemLabels.sourceName(source, lead.sourceId()))));
		List<String> tags = ItemLabels.categories(lead, source);
		if (!tags.isEmpty()) {
			item.put("tags", tags);
		}
		// JSON Feed's extension rule: keys of our own start with an underscore.
		Map<String, Object> extension = new LinkedHashMap<>();
		extension.put("source", lead.sourceId());
		extension.put("story", lead.storyKey());
		extension.put("also_in", story.alsoIn());
		extension.put("sources", story.sources());
		extension.put("also_in_urls", story.others()
			.stream()
			.filter((other) -> other.link() != null && !other.link().equals(lead.link()))
			.map(StoredItem::link)
			.distinct()
			.toList());
		item.put("_manchette", extension);
		return item;
	}

	/** Its keys in the order JSON Feed lists them, whatever the start: {@code Map.of} orders them anew at each. */
	private static Map<String, Object> hub(String url) {
		Map<String, Object> hub = new LinkedHashMap<>();
		hub.put("type", "WebSub");
		hub.put("url", url);
		return hub;
	}

	private static String date(Instant instant) {
		// To the second, as RSS and Atom say it: an item dated when first seen would show its microseconds.
		return RFC_3339.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
	}

}

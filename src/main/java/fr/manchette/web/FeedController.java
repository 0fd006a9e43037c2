package fr.manchette.web;

import java.util.List;
import java.util.function.BiFunction;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.publish.FeedLinks;
import fr.manchette.publish.JsonFeedWriter;
import fr.manchette.publish.MergedFeedWriter;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.StoreChanges;
import fr.manchette.store.Story;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The merged feed: {@code /feed.rss}, {@code /feed.atom} and {@code /feed.json}. */
@RestController
class FeedController {

	private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final MediaType JSON_FEED = MediaType.parseMediaType("application/feed+json;charset=UTF-8");

	private final CurrentFeeds feeds;

	private final ItemRepository items;

	private final MergedFeedWriter writer;

	private final JsonFeedWriter jsonWriter;

	private final StoreChanges changes;

	private final ConditionalResponses responses;

	FeedController(CurrentFeeds feeds, ItemRepository items, MergedFeedWriter writer, JsonFeedWriter jsonWriter,
			StoreChanges changes, ConditionalResponses responses) {
		this.feeds = feeds;
		this.items = items;
		this.writer = writer;
		this.jsonWriter = jsonWriter;
		this.changes = changes;
		this.responses = responses;
	}

	@GetMapping("/feed.rss")
	ResponseEntity<String> rss(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		return feed(params, request, "rss", RSS,
				(stories, links) -> this.writer.rss(stories, links, this.changes.current().at()));
	}

	@GetMapping("/feed.atom")
	ResponseEntity<String> atom(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		return feed(params, request, "atom", ATOM,
				(stories, links) -> this.writer.atom(stories, links, this.changes.current().at()));
	}

	@GetMapping("/feed.json")
	ResponseEntity<String> json(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		return feed(params, request, "json-feed", JSON_FEED, this.jsonWriter::json);
	}

	private ResponseEntity<String> feed(MultiValueMap<String, String> params, WebRequest request, String document,
			MediaType type, BiFunction<List<Story>, FeedLinks, String> writer) {
		FeedsFile config = this.feeds.get();
		ItemQuery query = ListParameters.parse(params, config);
		FeedLinks links = links();
		// The self link is part of the document: the host the client used is part of its version.
		String version = document + "@" + links.self();
		return this.responses.respond(request, version, params, type,
				() -> writer.apply(this.items.latestStories(query), links));
	}

	private static FeedLinks links() {
		return new FeedLinks(ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(),
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString());
	}

}

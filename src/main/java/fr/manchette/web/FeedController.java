package fr.manchette.web;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.publish.FeedLinks;
import fr.manchette.publish.MergedFeedWriter;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.StoreChanges;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The merged feed: {@code /feed.rss} and {@code /feed.atom}. */
@RestController
class FeedController {

	private static final String RSS = "application/rss+xml;charset=UTF-8";

	private static final String ATOM = "application/atom+xml;charset=UTF-8";

	private final CurrentFeeds feeds;

	private final ItemRepository items;

	private final MergedFeedWriter writer;

	private final StoreChanges changes;

	private final Validators validators;

	FeedController(CurrentFeeds feeds, ItemRepository items, MergedFeedWriter writer, StoreChanges changes,
			Validators validators) {
		this.feeds = feeds;
		this.items = items;
		this.writer = writer;
		this.changes = changes;
		this.validators = validators;
	}

	@GetMapping(path = "/feed.rss", produces = RSS)
	ResponseEntity<String> rss(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		FeedsFile config = this.feeds.get();
		ItemQuery query = ListParameters.parse(params, config);
		if (this.validators.notModified(request, "rss", params, config.timezone())) {
			return null;
		}
		return ResponseEntity.ok(this.writer.rss(this.items.latestStories(query), links(), this.changes.current().at()));
	}

	@GetMapping(path = "/feed.atom", produces = ATOM)
	ResponseEntity<String> atom(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		FeedsFile config = this.feeds.get();
		ItemQuery query = ListParameters.parse(params, config);
		if (this.validators.notModified(request, "atom", params, config.timezone())) {
			return null;
		}
		return ResponseEntity
			.ok(this.writer.atom(this.items.latestStories(query), links(), this.changes.current().at()));
	}

	private static FeedLinks links() {
		return new FeedLinks(ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(),
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString());
	}

}

package fr.manchette.web;

import java.io.IOException;
import java.util.List;

import fr.manchette.publish.FeedLinks;
import fr.manchette.publish.JsonFeedWriter;
import fr.manchette.publish.MergedFeedWriter;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.Story;
import fr.manchette.web.PublishedDocuments.Prepared;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The merged feed: {@code /feed.rss}, {@code /feed.atom} and {@code /feed.json}, as {@link PublishedDocuments} has
 * them: rendered here the first time an address is asked for in a state of the store, written straight to the
 * response with no message converter or content negotiation in between.
 */
@RestController
class FeedController {

	private final ItemRepository items;

	private final MergedFeedWriter writer;

	private final JsonFeedWriter jsonWriter;

	private final PublishedDocuments documents;

	private final ListRequests lists;

	FeedController(ItemRepository items, MergedFeedWriter writer, JsonFeedWriter jsonWriter,
			PublishedDocuments documents, ListRequests lists) {
		this.items = items;
		this.writer = writer;
		this.jsonWriter = jsonWriter;
		this.documents = documents;
		this.lists = lists;
	}

	@GetMapping("/feed.rss")
	void rss(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.RSS,
				(params, updated) -> feed(params, "rss",
						(stories, links, une) -> this.writer.rss(stories, links, updated, une)));
	}

	@GetMapping("/feed.atom")
	void atom(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.ATOM, (params, updated) -> feed(params, "atom",
				(stories, links, une) -> this.writer.atom(stories, links, updated, une)));
	}

	@GetMapping("/feed.json")
	void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.JSON_FEED,
				(params, updated) -> feed(params, "json-feed", (stories, links, une) -> this.jsonWriter.json(stories, links)));
	}

	private Prepared feed(MultiValueMap<String, String> params, String document, Writer writer) {
		ListRequests.ListRequest list = this.lists.read(params);
		FeedLinks links = links();
		// The self link is part of the document: the host the client used is part of its version.
		return new Prepared(document + "@" + links.self() + list.version(),
				() -> writer.write(this.items.stories(list.query()), links, list.une()), list.until());
	}

	private static FeedLinks links() {
		return new FeedLinks(ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(),
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString());
	}

	@FunctionalInterface
	private interface Writer {

		String write(List<Story> stories, FeedLinks links, boolean une);

	}

}

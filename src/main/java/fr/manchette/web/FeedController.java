package fr.manchette.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import fr.manchette.config.WebSubSettings;
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

	private final WebSubSettings webSub;

	FeedController(ItemRepository items, MergedFeedWriter writer, JsonFeedWriter jsonWriter,
			PublishedDocuments documents, ListRequests lists, WebSubSettings webSub) {
		this.items = items;
		this.writer = writer;
		this.jsonWriter = jsonWriter;
		this.documents = documents;
		this.lists = lists;
		this.webSub = webSub;
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
		FeedLinks links = links(document);
		// The self link is part of the document: the host the client used is part of its version.
		return new Prepared(document + "@" + links.self() + list.version(),
				() -> writer.write(this.items.stories(list.query()), links, list.une()), list.until());
	}

	/**
	 * With a WebSub hub, an unfiltered feed announces it, with its public URL as self: the topic the hub is pinged
	 * for, whatever address the reader used. A filtered one is not pinged for, so it announces no hub.
	 */
	private FeedLinks links(String document) {
		String site = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString();
		URI hub = this.webSub.websub().hub();
		if (this.webSub.publishing() && hub != null && ServletUriComponentsBuilder.fromCurrentRequest()
			.build()
			.getQuery() == null) {
			String path = switch (document) {
				case "rss" -> "feed.rss";
				case "atom" -> "feed.atom";
				default -> "feed.json";
			};
			return new FeedLinks(this.webSub.publicAddress(path).toString(), site, List.of(hub.toString()));
		}
		return new FeedLinks(ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(), site);
	}

	@FunctionalInterface
	private interface Writer {

		String write(List<Story> stories, FeedLinks links, boolean une);

	}

}

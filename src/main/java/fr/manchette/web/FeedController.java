package fr.manchette.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import fr.manchette.config.WebSubSettings;
import fr.manchette.publish.FeedLinks;
import fr.manchette.publish.JsonFeedWriter;
import fr.manchette.publish.MergedFeedWriter;
import fr.manchette.publish.PageFilters;
import fr.manchette.store.Story;
import fr.manchette.store.StoryQueries;
import fr.manchette.web.PublishedDocuments.Rendering;
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

	private final StoryQueries items;

	private final MergedFeedWriter writer;

	private final JsonFeedWriter jsonWriter;

	private final PublishedDocuments documents;

	private final WebSubSettings webSub;

	FeedController(StoryQueries items, MergedFeedWriter writer, JsonFeedWriter jsonWriter,
			PublishedDocuments documents, WebSubSettings webSub) {
		this.items = items;
		this.writer = writer;
		this.jsonWriter = jsonWriter;
		this.documents = documents;
		this.webSub = webSub;
	}

	@GetMapping("/feed.rss")
	void rss(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.RSS, (list, params, updated) -> feed(list, params, Publication.RSS,
				(stories, links, filters) -> this.writer.rss(stories, links, updated, filters)));
	}

	@GetMapping("/feed.atom")
	void atom(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.ATOM, (list, params, updated) -> feed(list, params, Publication.ATOM,
				(stories, links, filters) -> this.writer.atom(stories, links, updated, filters)));
	}

	@GetMapping("/feed.json")
	void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.JSON_FEED,
				(list, params, updated) -> feed(list, params, Publication.JSON_FEED, this.jsonWriter::json));
	}

	private Rendering feed(ListRequests.ListRequest list, MultiValueMap<String, String> params, Publication feed,
			Writer writer) {
		FeedLinks links = links(feed);
		PageFilters filters = ListParameters.filters(params, list.une());
		// The self link is part of the document: the host the client used is part of its version.
		return new Rendering(feed.documentName() + "@" + links.self(),
				() -> writer.write(this.items.stories(list.query()), links, filters));
	}

	/**
	 * With a WebSub hub, an unfiltered feed announces it, with its public URL as self: the topic the hub is pinged
	 * for, whatever address the reader used. A filtered one is not pinged for, so it announces no hub.
	 */
	private FeedLinks links(Publication feed) {
		String site = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString();
		String query = ServletUriComponentsBuilder.fromCurrentRequest().build().getQuery();
		URI hub = this.webSub.websub().hub();
		if (this.webSub.publishing() && hub != null && query == null) {
			return new FeedLinks(this.webSub.publicAddress(feed.path().substring(1)).toString(), site,
					List.of(hub.toString()));
		}
		// The feed's own path, not the path as asked: a path parameter (/feed.atom;jsessionid=…) names no other feed,
		// and must not become part of its self link and id.
		return new FeedLinks(ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(feed.path())
			.replaceQuery(query)
			.build()
			.toUriString(), site);
	}

	@FunctionalInterface
	private interface Writer {

		String write(List<Story> stories, FeedLinks links, PageFilters filters);

	}

}

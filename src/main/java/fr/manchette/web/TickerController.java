package fr.manchette.web;

import java.io.IOException;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.publish.Ticker;
import fr.manchette.store.ItemQuery;
import fr.manchette.web.PublishedDocuments.Prepared;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The ticker: {@code /headlines.txt} and {@code /api/headlines}, served from {@link PublishedDocuments}. */
@RestController
class TickerController {

	private final CurrentFeeds feeds;

	private final Ticker ticker;

	private final PublishedDocuments documents;

	private final JsonMapper json;

	TickerController(CurrentFeeds feeds, Ticker ticker, PublishedDocuments documents, JsonMapper json) {
		this.feeds = feeds;
		this.ticker = ticker;
		this.documents = documents;
		this.json = json;
	}

	@GetMapping("/headlines.txt")
	void text(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.HEADLINES_TEXT, (params, updated) -> {
			ItemQuery query = ListParameters.parse(params, this.feeds.get());
			return new Prepared("headlines.txt", () -> this.ticker.headlines(query).text());
		});
	}

	@GetMapping("/api/headlines")
	void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.HEADLINES_JSON, (params, updated) -> {
			ItemQuery query = ListParameters.parse(params, this.feeds.get());
			return new Prepared("headlines.json", () -> this.json.writeValueAsString(this.ticker.headlines(query)));
		});
	}

}

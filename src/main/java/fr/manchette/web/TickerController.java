package fr.manchette.web;

import java.io.IOException;

import fr.manchette.publish.Ticker;
import fr.manchette.web.PublishedDocuments.Prepared;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The ticker: {@code /headlines.txt} and {@code /api/headlines}, served from {@link PublishedDocuments}. */
@RestController
class TickerController {

	private final Ticker ticker;

	private final PublishedDocuments documents;

	private final JsonMapper json;

	private final ListRequests lists;

	TickerController(Ticker ticker, PublishedDocuments documents, JsonMapper json, ListRequests lists) {
		this.ticker = ticker;
		this.documents = documents;
		this.json = json;
		this.lists = lists;
	}

	@GetMapping("/headlines.txt")
	void text(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.HEADLINES_TEXT, (params, updated) -> {
			ListRequests.ListRequest list = this.lists.read(params);
			return new Prepared("headlines.txt" + list.version(), () -> this.ticker.headlines(list.query()).text(),
					list.until());
		});
	}

	@GetMapping("/api/headlines")
	void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.HEADLINES_JSON, (params, updated) -> {
			ListRequests.ListRequest list = this.lists.read(params);
			return new Prepared("headlines.json" + list.version(),
					() -> this.json.writeValueAsString(this.ticker.headlines(list.query())), list.until());
		});
	}

}

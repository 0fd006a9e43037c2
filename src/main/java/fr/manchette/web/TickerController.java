package fr.manchette.web;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.publish.Ticker;
import fr.manchette.store.ItemQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** The ticker: {@code /headlines.txt} and {@code /api/headlines}. */
@RestController
class TickerController {

	private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

	private final CurrentFeeds feeds;

	private final Ticker ticker;

	private final ConditionalResponses responses;

	private final JsonMapper json;

	TickerController(CurrentFeeds feeds, Ticker ticker, ConditionalResponses responses, JsonMapper json) {
		this.feeds = feeds;
		this.ticker = ticker;
		this.responses = responses;
		this.json = json;
	}

	@GetMapping("/headlines.txt")
	ResponseEntity<String> text(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		FeedsFile config = this.feeds.get();
		ItemQuery query = ListParameters.parse(params, config);
		return this.responses.respond(request, "headlines.txt", params, TEXT,
				() -> this.ticker.headlines(query).text());
	}

	@GetMapping("/api/headlines")
	ResponseEntity<String> json(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		FeedsFile config = this.feeds.get();
		ItemQuery query = ListParameters.parse(params, config);
		return this.responses.respond(request, "headlines.json", params, MediaType.APPLICATION_JSON, () -> this.json.writeValueAsString(this.ticker.headlines(query)));
	}

}

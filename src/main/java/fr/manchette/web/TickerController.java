package fr.manchette.web;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.publish.Headlines;
import fr.manchette.publish.Ticker;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The ticker: {@code /headlines.txt} and {@code /api/headlines}. */
@RestController
class TickerController {

	private final CurrentFeeds feeds;

	private final Ticker ticker;

	private final Validators validators;

	TickerController(CurrentFeeds feeds, Ticker ticker, Validators validators) {
		this.feeds = feeds;
		this.ticker = ticker;
		this.validators = validators;
	}

	@GetMapping(path = "/headlines.txt", produces = "text/plain;charset=UTF-8")
	String text(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		Headlines headlines = headlines(params, request, "txt");
		return (headlines != null) ? headlines.text() : null;
	}

	@GetMapping(path = "/api/headlines", produces = MediaType.APPLICATION_JSON_VALUE)
	Headlines json(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		return headlines(params, request, "json");
	}

	private Headlines headlines(MultiValueMap<String, String> params, WebRequest request, String document) {
		FeedsFile config = this.feeds.get();
		var query = ListParameters.parse(params, config);
		if (this.validators.notModified(request, document, params, config.timezone())) {
			return null;
		}
		return this.ticker.headlines(query);
	}

}

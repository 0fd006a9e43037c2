package fr.manchette.web;

import java.util.List;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.publish.PageFilters;
import fr.manchette.publish.Ticker;
import fr.manchette.publish.TickerPage;
import fr.manchette.store.ItemQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /}: the ticker as a web page. */
@RestController
class TickerPageController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final CurrentFeeds feeds;

	private final Ticker ticker;

	private final TickerPage page;

	private final PageAssets assets;

	private final ConditionalResponses responses;

	TickerPageController(CurrentFeeds feeds, Ticker ticker, TickerPage page, PageAssets assets,
			ConditionalResponses responses) {
		this.feeds = feeds;
		this.ticker = ticker;
		this.page = page;
		this.assets = assets;
		this.responses = responses;
	}

	@GetMapping("/")
	ResponseEntity<String> page(@RequestParam MultiValueMap<String, String> params, WebRequest request) {
		FeedsFile config = this.feeds.get();
		ItemQuery query = ListParameters.parse(params, config);
		PageFilters filters = new PageFilters(ListParameters.sourceIds(params), first(params, "category"),
				first(params, "q"));
		String site = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString();
		// The feed links are absolute: the host the client used is part of the page's version.
		return this.responses.respond(request, "page@" + site, params, HTML,
				() -> this.page.render(this.ticker.headlines(query), filters, site, this.assets.resources()));
	}

	private static @Nullable String first(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}

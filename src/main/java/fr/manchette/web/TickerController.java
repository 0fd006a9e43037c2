package fr.manchette.web;

import java.io.IOException;

import fr.manchette.publish.PageFilters;
import fr.manchette.publish.Ticker;
import fr.manchette.publish.TickerPageWriter;
import fr.manchette.web.PublishedDocuments.Rendering;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ticker: {@code /} as a web page, {@code /headlines.txt} and {@code /api/headlines}, served from
 * {@link PublishedDocuments}.
 */
@RestController
class TickerController {

	private final Ticker ticker;

	private final TickerPageWriter page;

	private final PageAssets assets;

	private final JsonMapper json;

	private final PublishedDocuments documents;

	TickerController(Ticker ticker, TickerPageWriter page, PageAssets assets, JsonMapper json,
			PublishedDocuments documents) {
		this.ticker = ticker;
		this.page = page;
		this.assets = assets;
		this.json = json;
		this.documents = documents;
	}

	@GetMapping("/")
	void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.PAGE, (list, params, updated) -> {
			PageFilters filters = ListParameters.filters(params, list.une());
			String site = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString();
			// The feed links are absolute: the host the client used is part of the page's version.
			return new Rendering("page@" + site,
					() -> this.page.render(this.ticker.headlines(list.query()), filters, site, this.assets.resources()));
		});
	}

	@GetMapping("/headlines.txt")
	void text(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.HEADLINES_TEXT, (list, params, updated) -> new Rendering(
				"headlines.txt", () -> this.ticker.headlines(list.query()).text()));
	}

	@GetMapping("/api/headlines")
	void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.HEADLINES_JSON, (list, params, updated) -> new Rendering(
				"headlines.json", () -> this.json.writeValueAsString(this.ticker.headlines(list.query()))));
	}

}

package fr.manchette.web;

import java.io.IOException;
import java.util.List;

import fr.manchette.publish.PageFilters;
import fr.manchette.publish.Ticker;
import fr.manchette.publish.TickerPageWriter;
import fr.manchette.web.PublishedDocuments.Prepared;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /}: the ticker as a web page, served from {@link PublishedDocuments}. */
@RestController
class TickerPageController {

	private final Ticker ticker;

	private final TickerPageWriter page;

	private final PageAssets assets;

	private final PublishedDocuments documents;

	private final ListRequests lists;

	TickerPageController(Ticker ticker, TickerPageWriter page, PageAssets assets, PublishedDocuments documents,
			ListRequests lists) {
		this.ticker = ticker;
		this.page = page;
		this.assets = assets;
		this.documents = documents;
		this.lists = lists;
	}

	@GetMapping("/")
	void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.documents.serve(request, response, Publication.PAGE, (params, updated) -> {
			ListRequests.ListRequest list = this.lists.read(params);
			PageFilters filters = new PageFilters(ListParameters.sourceIds(params), first(params, "category"),
					first(params, "q"), list.une());
			String site = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").build().toUriString();
			// The feed links are absolute: the host the client used is part of the page's version.
			return new Prepared("page@" + site + list.version(),
					() -> this.page.render(this.ticker.headlines(list.query()), filters, site, this.assets.resources()),
					list.until());
		});
	}

	private static @Nullable String first(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}

package fr.manchette.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;

/**
 * The headers that answers carry whatever they hold, in one place for both ways an answer is written: through Spring
 * MVC, which {@link WebConfiguration}'s interceptors and {@link CrossOriginReads} give them to, and from memory by
 * {@link PublishedDocumentsValve}. The pages load nothing from anywhere else, and their Content-Security-Policy says
 * so: a title that slipped past escaping still could not run a script. It also says which sites may show a page in a
 * frame: for the ticker page, those the operator names; for the sources page, none.
 */
final class AnswerHeaders {

	/** What every document that changes with the store carries. */
	static final Map<String, String> REVALIDATE = Map.of("Cache-Control", CacheControl.noCache().getHeaderValue());

	private final Map<String, String> tickerPage;

	private final Map<String, String> sourcesPage = pagePolicy("'none'");

	AnswerHeaders(PageSettings page) {
		this.tickerPage = pagePolicy(page.framedBy());
	}

	private static Map<String, String> pagePolicy(String frameAncestors) {
		return Map.of("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
				+ "base-uri 'none'; form-action 'self'; frame-ancestors " + frameAncestors, "X-Content-Type-Options",
				"nosniff", "Referrer-Policy", "strict-origin-when-cross-origin");
	}

	/** What the ticker page carries besides {@link #REVALIDATE}. */
	Map<String, String> tickerPage() {
		return this.tickerPage;
	}

	/** What the sources page carries besides {@link #REVALIDATE}. */
	Map<String, String> sourcesPage() {
		return this.sourcesPage;
	}

	/** What each published document carries on every answer from memory, 304s included. */
	Map<Publication, ResponseHeaders> published() {
		Map<Publication, ResponseHeaders> published = new EnumMap<>(Publication.class);
		for (Publication publication : Publication.values()) {
			Map<String, String> headers = new LinkedHashMap<>(REVALIDATE);
			if (publication == Publication.PAGE) {
				headers.putAll(this.tickerPage);
			}
			if (CrossOriginReads.opens(publication.path())) {
				headers.putAll(CrossOriginReads.HEADERS);
			}
			published.put(publication, ResponseHeaders.of(headers));
		}
		return published;
	}

}

package fr.manchette.web;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a published document from memory when this state of the store has already rendered it for this address:
 * a 304 to a client with the current copy, the cached bytes to the others. Anything else (a new address, a state
 * with nothing rendered yet, another path or method) goes on to Spring MVC, whose controllers render and cache.
 * <p>
 * Measured on 2 cores, the handler lookup, interceptors and the {@code http.server.requests} observation cost as much
 * as everything else a cached answer does; so these answers are not timed there but counted, by document and status,
 * as {@code manchette.published.responses}.
 */
class PublishedDocumentsFilter extends HttpFilter {

	/** What Spring's ForwardedHeaderFilter reads: it runs after this filter, and changes the address a key is made of. */
	private static final List<String> FORWARDED = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Port",
			"X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Forwarded-Ssl", "X-Forwarded-For");

	private final PublishedDocuments documents;

	private final boolean forwardedByFramework;

	private final Map<String, Publication> byPath = new HashMap<>();

	private final Map<Publication, Counter> fresh = new EnumMap<>(Publication.class);

	private final Map<Publication, Counter> notModified = new EnumMap<>(Publication.class);

	/**
	 * @param forwardedByFramework whether {@code server.forward-headers-strategy} is {@code framework}: then a request
	 * with forwarding headers goes on to MVC, after Spring's filter has read them
	 */
	PublishedDocumentsFilter(PublishedDocuments documents, MeterRegistry meters, boolean forwardedByFramework) {
		this.documents = documents;
		this.forwardedByFramework = forwardedByFramework;
		for (Publication publication : Publication.values()) {
			this.byPath.put(publication.path(), publication);
			this.fresh.put(publication, counter(meters, publication, "200"));
			this.notModified.put(publication, counter(meters, publication, "304"));
		}
	}

	private static Counter counter(MeterRegistry meters, Publication publication, String status) {
		return Counter.builder("manchette.published.responses")
			.description("Published documents answered from memory, without going through Spring MVC")
			.tag("document", publication.documentName())
			.tag("status", status)
			.register(meters);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Publication publication = this.byPath.get(path(request));
		if (publication != null && isGetOrHead(request.getMethod()) && !forwarded(request)) {
			PublishedDocuments.Answer answer = this.documents.serveCached(request, response, publication);
			if (answer != PublishedDocuments.Answer.NOT_CACHED) {
				((answer == PublishedDocuments.Answer.NOT_MODIFIED) ? this.notModified : this.fresh).get(publication)
					.increment();
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context.isEmpty() ? uri : uri.substring(context.length());
	}

	private boolean forwarded(HttpServletRequest request) {
		if (this.forwardedByFramework) {
			for (String header : FORWARDED) {
				if (request.getHeader(header) != null) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isGetOrHead(String method) {
		return "GET".equals(method) || "HEAD".equals(method);
	}

}

package fr.manchette.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Answers a published document from memory when this state of the store has already rendered it for this address:
 * a 304 to a client with the current copy, the cached bytes to the others. Anything else (a new address, a state
 * with nothing rendered yet, another path or method) goes on to Spring MVC, whose controllers render and cache.
 * <p>
 * A valve of Tomcat's engine, the last one, not a servlet filter: measured on 2 cores, the host, context and wrapper
 * valves, the filter chain, Spring MVC's handler lookup, interceptors and the {@code http.server.requests}
 * observation cost as much as everything else a cached answer does, and Tomcat encodes a header given as a string
 * again on every answer (see {@link ResponseHeaders}). So these answers write their headers as bytes straight into
 * Tomcat's response, and are not timed but counted, by document and status, as
 * {@code manchette.published.responses}.
 */
class PublishedDocumentsValve extends ValveBase {

	/** What Spring's ForwardedHeaderFilter reads: it runs after this valve, and changes the address a key is made of. */
	private static final List<String> FORWARDED = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Port",
			"X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Forwarded-Ssl", "X-Forwarded-For");

	private final PublishedDocuments documents;

	private final boolean forwardedByFramework;

	/** Each document by its path, with its counters: one lookup a request. */
	private final Map<String, Served> byPath = new HashMap<>();

	/** Tomcat's Date header, as bytes: it formats one a second, and so do we. */
	private volatile DateHeader date = new DateHeader("", ResponseHeaders.NONE);

	/**
	 * @param headers what each document carries on every answer, 304s included, besides its validators
	 * @param forwardedByFramework whether {@code server.forward-headers-strategy} is {@code framework}: then a request
	 * with forwarding headers goes on to MVC, after Spring's filter has read them
	 */
	PublishedDocumentsValve(PublishedDocuments documents, Map<Publication, ResponseHeaders> headers,
			MeterRegistry meters, boolean forwardedByFramework) {
		// Spring MVC answers some requests asynchronously: every valve on their way must allow it.
		super(true);
		this.documents = documents;
		this.forwardedByFramework = forwardedByFramework;
		for (Publication publication : Publication.values()) {
			this.byPath.put(publication.path(), new Served(publication, headers.get(publication),
					counter(meters, publication, "200"), counter(meters, publication, "304")));
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
	public void invoke(Request request, Response response) throws IOException, ServletException {
		Served served = (request.getContext() != null) ? this.byPath.get(path(request)) : null;
		if (served != null && isGetOrHead(request.getMethod()) && !forwarded(request)) {
			PublishedDocuments.Cached cached = this.documents.cached(request, served.publication());
			if (cached != null) {
				write(served.headers(), cached, request, response);
				((cached.notModified()) ? served.notModified() : served.fresh()).increment();
				return;
			}
		}
		getNext().invoke(request, response);
	}

	private void write(ResponseHeaders fixed, PublishedDocuments.Cached cached, Request request, Response response)
			throws IOException {
		org.apache.coyote.Response answer = response.getCoyoteResponse();
		MimeHeaders headers = answer.getMimeHeaders();
		fixed.addTo(headers);
		date().addTo(headers);
		if (cached.notModified()) {
			answer.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			cached.variant().validators.headers(cached.gzip()).addTo(headers);
			return;
		}
		RenderedDocument document = cached.variant().rendered();
		byte[] bytes = document.bytes(cached.gzip());
		answer.setStatus(HttpServletResponse.SC_OK);
		document.headers(cached.gzip()).addTo(headers);
		// Tomcat frames the body by it; it finds its header among ours.
		answer.setContentLength(bytes.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(bytes);
		}
	}

	private ResponseHeaders date() {
		String now = FastHttpDateFormat.getCurrentDate();
		DateHeader date = this.date;
		if (!date.text().equals(now)) {
			date = new DateHeader(now, ResponseHeaders.of("Date", now));
			this.date = date;
		}
		return date.header();
	}

	private record DateHeader(String text, ResponseHeaders header) {
	}

	/** A document answered from memory, the headers it always carries, and the counts of its answers. */
	private record Served(Publication publication, ResponseHeaders headers, Counter fresh, Counter notModified) {
	}

	private static String path(Request request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context.isEmpty() ? uri : uri.substring(context.length());
	}

	private boolean forwarded(Request request) {
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

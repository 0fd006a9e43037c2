package fr.manchette.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the scripts of other sites read the public documents (the feeds, the ticker as text and JSON, the sources, a
 * story, the OPML), so that a site can show the ticker in its own pages. They are public and read-only, and the
 * service keeps no cookie or session: any site may read them, and they say so with {@code *} rather than by echoing
 * the site's origin, so that the answer is the same whoever asks and nothing between here and the browser has to keep
 * one copy per site ({@code Vary: Origin}). With {@code *}, a browser sends no cookie nor credentials, and lets a
 * script send none of its own (no {@code Authorization} below).
 * <p>
 * A script that sends a validator itself ({@code If-None-Match}) makes the browser ask first, with an {@code OPTIONS}
 * preflight: answered here, for those paths and for {@code GET} and {@code HEAD}. Every other preflight is refused
 * with a {@code 403}: the admin actions above all, whose token a page of another site must never be able to use, and
 * the operator's own pages and JSON ({@code /sources}, {@code /api/webhooks}, the actuator).
 * <p>
 * The answers {@link PublishedDocumentsValve} gives from memory carry {@link #HEADERS} too ({@link AnswerHeaders}).
 */
final class CrossOriginReads extends OncePerRequestFilter {

	/**
	 * What every answer of those paths carries, errors and 304s included. A script reads only the headers it is let
	 * to: {@code ETag} is not among those it may read unless named; {@code Last-Modified} is, named all the same.
	 */
	static final Map<String, String> HEADERS = Map.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*",
			HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Last-Modified, Retry-After");

	/** What a preflight is let through with: reads, with the validators of conditional requests, for a day. */
	private static final Map<String, String> PREFLIGHT = Map.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*",
			HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD", HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
			"If-None-Match, If-Modified-Since, If-Match, If-Unmodified-Since", HttpHeaders.ACCESS_CONTROL_MAX_AGE,
			"86400");

	private static final Set<String> PATHS = Set.of("/feed.rss", "/feed.atom", "/feed.json", "/headlines.txt",
			"/api/headlines", "/api/sources", "/opml");

	private static final String STORIES = "/api/stories/";

	/** Whether other sites' scripts may read what this path answers. */
	static boolean opens(String path) {
		return PATHS.contains(path) || path.startsWith(STORIES);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The path as mapped: decoded, without path parameters (/feed.atom;jsessionid=… is /feed.atom).
		boolean open = opens(request.getServletPath());
		if (CorsUtils.isPreFlightRequest(request)) {
			String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
			if (open && ("GET".equals(method) || "HEAD".equals(method))) {
				PREFLIGHT.forEach(response::setHeader);
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
			return;
		}
		if (open) {
			HEADERS.forEach(response::setHeader);
		}
		chain.doFilter(request, response);
	}

}

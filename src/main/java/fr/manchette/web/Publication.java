package fr.manchette.web;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The documents that change only with the store, served by {@link PublishedDocuments}: where each lives, the name its
 * validators know it by, its media type, and the headers it always carries.
 */
enum Publication {

	RSS("/feed.rss", "rss", "application/rss+xml;charset=UTF-8", WebConfiguration.REVALIDATE),

	ATOM("/feed.atom", "atom", "application/atom+xml;charset=UTF-8", WebConfiguration.REVALIDATE),

	JSON_FEED("/feed.json", "json-feed", "application/feed+json;charset=UTF-8", WebConfiguration.REVALIDATE),

	HEADLINES_TEXT("/headlines.txt", "headlines.txt", "text/plain;charset=UTF-8", WebConfiguration.REVALIDATE),

	HEADLINES_JSON("/api/headlines", "headlines.json", "application/json", WebConfiguration.REVALIDATE),

	PAGE("/", "page", "text/html;charset=UTF-8", WebConfiguration.PAGE_HEADERS);

	private final String path;

	private final String name;

	private final String contentType;

	private final ResponseHeaders headers;

	Publication(String path, String name, String contentType, Map<String, String> headers) {
		this.path = path;
		this.name = name;
		this.contentType = contentType;
		this.headers = ResponseHeaders.of(headers.entrySet()
			.stream()
			.flatMap((header) -> Stream.of(header.getKey(), header.getValue()))
			.toArray(String[]::new));
	}

	String path() {
		return this.path;
	}

	/** As the validators tell documents apart; also the start of the cache key. */
	String documentName() {
		return this.name;
	}

	String contentType() {
		return this.contentType;
	}

	/**
	 * What it carries on every answer from memory, 304s included; the MVC path gets them from
	 * {@link WebConfiguration}'s interceptors.
	 */
	ResponseHeaders headers() {
		return this.headers;
	}

}

package fr.manchette.web;

/**
 * The documents that change only with the store, served by {@link PublishedDocuments}: where each lives, the name its
 * validators know it by, and its media type.
 */
enum Publication {

	RSS("/feed.rss", "rss", "application/rss+xml;charset=UTF-8"),

	ATOM("/feed.atom", "atom", "application/atom+xml;charset=UTF-8"),

	JSON_FEED("/feed.json", "json-feed", "application/feed+json;charset=UTF-8"),

	HEADLINES_TEXT("/headlines.txt", "headlines.txt", "text/plain;charset=UTF-8"),

	HEADLINES_JSON("/api/headlines", "headlines.json", "application/json"),

	PAGE("/", "page", "text/html;charset=UTF-8");

	private final String path;

	private final String name;

	private final String contentType;

	Publication(String path, String name, String contentType) {
		this.path = path;
		this.name = name;
		this.contentType = contentType;
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

}

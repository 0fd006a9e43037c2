package fr.manchette.discover;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.manchette.fetch.FeedFetcher;
import fr.manchette.fetch.FetchOutcome;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchRequest;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.HtmlPages;
import fr.manchette.parse.ParsedFeed;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Finds a site's feeds: the address itself when it is a feed, else the feeds its page announces with
 * {@code <link rel="alternate">}, else the first of the usual paths that answers with a feed. Each candidate is
 * fetched and read with the pipeline's own {@link FeedFetcher} and {@link FeedParser}, so what it proposes is what
 * Manchette can poll. Usual paths are tried one after the other and only until one works: a site is asked as few
 * questions as possible.
 */
public class FeedDiscovery {

	/** Where feeds usually live: WordPress, most CMSs and static site generators, Blogger, WordPress without pretty links. */
	static final List<String> USUAL_PATHS = List.of("feed", "rss", "rss.xml", "feed.xml", "atom.xml", "index.xml",
			"feeds/posts/default", "?feed=rss2");

	private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
			"application/rdf+xml", "application/feed+json", "application/json");

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final long MAX_BYTES = 10L * 1024 * 1024;

	private final FeedFetcher fetcher;

	private final FeedParser parser;

	public FeedDiscovery(FeedFetcher fetcher, FeedParser parser) {
		this.fetcher = fetcher;
		this.parser = parser;
	}

	/**
	 * @param site the address of a site's page (or of a feed)
	 * @return the feeds found, announced ones first; empty when there are none
	 * @throws DiscoveryException when the page itself cannot be fetched
	 */
	public List<FoundFeed> discover(URI site) {
		Assert.isTrue(site.isAbsolute(), "site must be an absolute URL");
		FetchOutcome outcome = this.fetcher.fetch(request(site));
		if (outcome instanceof Failed failed) {
			throw new DiscoveryException(site + " could not be fetched: " + failed.kind() + " (" + failed.detail() + ")");
		}
		if (!(outcome instanceof Fetched page)) {
			throw new DiscoveryException(site + " answered 304 to a request without validators");
		}
		FoundFeed itself = read(page, "the address itself");
		if (itself != null) {
			return List.of(itself);
		}
		Map<URI, FoundFeed> found = new LinkedHashMap<>();
		for (URI candidate : announced(page)) {
			FoundFeed feed = confirm(candidate, "<link rel=\"alternate\"> in the page");
			if (feed != null) {
				found.putIfAbsent(feed.url(), feed);
			}
		}
		if (found.isEmpty()) {
			for (URI candidate : usualPaths(page.finalUrl())) {
				FoundFeed feed = confirm(candidate, "usual path");
				if (feed != null) {
					found.putIfAbsent(feed.url(), feed);
					break;
				}
			}
		}
		return List.copyOf(found.values());
	}

	/** The feeds the page links to in its head, in page order, resolved against the page's address. */
	private static List<URI> announced(Fetched page) {
		Document html = HtmlPages.parse(page.body(), page.contentType(), page.finalUrl());
		List<URI> candidates = new ArrayList<>();
		for (Element link : html.select("link[rel][type][href]")) {
			// A list, not Set.of: a relation may be named twice (rel="alternate Alternate").
			List<String> rels = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
			String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].trim();
			String href = link.absUrl("href");
			if (rels.contains("alternate") && FEED_TYPES.contains(type) && !href.isEmpty()) {
				URI uri = uri(href);
				if (uri != null && !candidates.contains(uri)) {
					candidates.add(uri);
				}
			}
		}
		return candidates;
	}

	/** The usual paths under the page's own folder first (a blog at /blog/), then at the root of the site. */
	static List<URI> usualPaths(URI page) {
		List<URI> candidates = new ArrayList<>();
		String path = (page.getRawPath() == null || page.getRawPath().isEmpty()) ? "/" : page.getRawPath();
		String folder = path.substring(0, path.lastIndexOf('/') + 1);
		for (String base : (folder.equals("/") ? List.of("/") : List.of(folder, "/"))) {
			for (String usual : USUAL_PATHS) {
				URI candidate = page.resolve(base + usual);
				if (!candidates.contains(candidate)) {
					candidates.add(candidate);
				}
			}
		}
		return candidates;
	}

	private @Nullable FoundFeed confirm(URI candidate, String via) {
		FetchOutcome outcome = this.fetcher.fetch(request(candidate));
		return (outcome instanceof Fetched fetched) ? read(fetched, via) : null;
	}

	private @Nullable FoundFeed read(Fetched fetched, String via) {
		try {
			ParsedFeed feed = this.parser.parse(fetched.body(), fetched.contentType());
			return new FoundFeed(fetched.finalUrl(), feed.format(), feed.title(), feed.items().size(), via);
		}
		catch (FeedParseException ex) {
			return null;
		}
	}

	private static FetchRequest request(URI url) {
		return new FetchRequest(url, null, null, TIMEOUT, MAX_BYTES);
	}

	private static @Nullable URI uri(String href) {
		try {
			URI uri = URI.create(href);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) ? uri : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

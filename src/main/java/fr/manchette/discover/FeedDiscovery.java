package fr.manchette.discover;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.manchette.fetch.FeedFetcher;
import fr.manchette.fetch.FetchOutcome;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchRequest;
import fr.manchette.normalize.LinkCanonicalizer;
import fr.manchette.normalize.TitleText;
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

	/**
	 * The types of {@code <link rel="alternate">} that may be a feed: those of the formats, their older {@code x-}
	 * spellings, and the plain XML types older CMSs announce RSS with. Each is fetched and read before it is proposed,
	 * so an XML sitemap or an OPML announced as XML is left out, saying so. Plain JSON is {@link #JSON}.
	 */
	private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/x-rss+xml",
			"application/atom+xml", "application/x-atom+xml", "application/rdf+xml", "text/xml", "application/xml",
			"application/feed+json");

	/**
	 * The type JSON Feed 1.0 told sites to announce it with, which WordPress also gives its REST API's view of every
	 * page ({@code /wp-json/wp/v2/pages/42}): a candidate only when it looks like a JSON Feed, its address or title
	 * saying {@code feed} or its path ending in {@code .json}. Else it is no feed announced, not one left out.
	 */
	private static final String JSON = "application/json";

	private static final Pattern JSON_FEED_WORD = Pattern.compile("(?i)feed");

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
	 * @return the feeds found, announced ones first (none when there are none), and the announced ones left out
	 * @throws DiscoveryException when the page itself cannot be fetched
	 */
	public Discovered discover(URI site) {
		Assert.isTrue(site.isAbsolute(), "site must be an absolute URL");
		FetchOutcome outcome = this.fetcher.fetch(request(site));
		if (outcome instanceof Failed failed) {
			throw new DiscoveryException(site + " could not be fetched: " + failed.kind() + " (" + failed.detail() + ")");
		}
		if (!(outcome instanceof Fetched page)) {
			throw new DiscoveryException(site + " answered 304 to a request without validators");
		}
		Checked itself = read(page, "the address itself");
		if (itself.feed() != null) {
			return new Discovered(List.of(itself.feed()), List.of());
		}
		Map<URI, FoundFeed> found = new LinkedHashMap<>();
		List<LeftOut> leftOut = new ArrayList<>();
		for (Announced link : announced(page)) {
			if (link.address() == null) {
				leftOut.add(new LeftOut(link.href(), link.type(), "not an http(s) address"));
				continue;
			}
			Checked checked = confirm(link.address(), "<link rel=\"alternate\"> in the page");
			FoundFeed feed = checked.feed();
			if (feed == null) {
				leftOut.add(new LeftOut(link.address().toString(), link.type(), checked.problem()));
			}
			else {
				FoundFeed first = found.putIfAbsent(sameFeed(feed.url()), feed);
				if (first != null) {
					leftOut.add(new LeftOut(link.address().toString(), link.type(), "the same feed as " + first.url()));
				}
			}
		}
		if (found.isEmpty()) {
			for (URI candidate : usualPaths(page.finalUrl())) {
				FoundFeed feed = confirm(candidate, "usual path").feed();
				if (feed != null) {
					found.putIfAbsent(sameFeed(feed.url()), feed);
					break;
				}
			}
		}
		return new Discovered(List.copyOf(found.values()), leftOut);
	}

	/**
	 * What two addresses of one feed have in common: its address without the tracking parameters ({@code utm_*}) that
	 * some sites add to the feeds they announce, as items' links are compared.
	 */
	private static URI sameFeed(URI url) {
		return LinkCanonicalizer.canonical(url.toString(), url).orElse(url);
	}

	/**
	 * The feeds the page links to, in page order, head or body (some CMSs put them in the body), each with the
	 * address a browser would ask for: against the page's address after redirects, or its {@code <base href>}, and
	 * percent-encoded (a space is {@code %20}, an accent its UTF-8 bytes).
	 */
	private static List<Announced> announced(Fetched page) {
		Document html = HtmlPages.parse(page.body(), page.contentType(), page.finalUrl());
		List<Announced> candidates = new ArrayList<>();
		for (Element link : html.select("link[rel][type][href]")) {
			// A list, not Set.of: a relation may be named twice (rel="alternate Alternate").
			List<String> rels = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
			String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].trim();
			boolean feedType = FEED_TYPES.contains(type) || (type.equals(JSON) && looksLikeAJsonFeed(link));
			if (rels.contains("alternate") && feedType) {
				String href = link.attr("href").strip();
				// Resolved by Jsoup, which knows <base href>; spelled as a URI by the normalizer, as links of items are.
				String feedScheme = FeedScheme.httpAddress(href);
				URI address = LinkCanonicalizer.address((feedScheme != null) ? feedScheme : link.absUrl("href"),
						page.finalUrl()).orElse(null);
				Announced announced = new Announced(href.isEmpty() ? "(an empty href)" : href, type,
						href.isEmpty() ? null : address);
				// The same address twice (in the head and the body, or written two ways) is one candidate.
				if (candidates.stream().noneMatch((known) -> sameTarget(known, announced))) {
					candidates.add(announced);
				}
			}
		}
		return candidates;
	}

	private static boolean looksLikeAJsonFeed(Element link) {
		String path = link.attr("href").strip().replaceFirst("[?#].*", "");
		return JSON_FEED_WORD.matcher(link.attr("href")).find() || JSON_FEED_WORD.matcher(link.attr("title")).find()
				|| path.toLowerCase(Locale.ROOT).endsWith(".json");
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

	private Checked confirm(URI candidate, String via) {
		FetchOutcome outcome = this.fetcher.fetch(request(candidate));
		if (outcome instanceof Fetched fetched) {
			return read(fetched, via);
		}
		return Checked.leftOut((outcome instanceof Failed failed)
				? "could not be fetched: " + failed.kind() + " (" + failed.detail() + ")"
				: "answered 304 to a request without validators");
	}

	private Checked read(Fetched fetched, String via) {
		try {
			ParsedFeed feed = this.parser.parse(fetched.body(), fetched.contentType());
			// A feed's title may hold markup and entities (Le <b>Monde</b> &amp; co), as an item's: its text is shown.
			String title = TitleText.plain(feed.title());
			return new Checked(new FoundFeed(fetched.finalUrl(), feed.format(), title.isEmpty() ? null : title,
					feed.items().size(), via), null);
		}
		catch (FeedParseException ex) {
			// A sitemap or an OPML announced as XML, say: the parser says what it is.
			return Checked.leftOut((ex.isNotAFeed() ? "not a feed: " : "a feed that cannot be read: ") + ex.getMessage());
		}
	}

	private static FetchRequest request(URI url) {
		return new FetchRequest(url, null, null, TIMEOUT, MAX_BYTES);
	}

	private static boolean sameTarget(Announced a, Announced b) {
		return (a.address() != null) ? a.address().equals(b.address()) : (b.address() == null && a.href().equals(b.href()));
	}

	/** A feed the page announces: its {@code href} as written, its type, and where to fetch it (none if nowhere). */
	private record Announced(String href, String type, @Nullable URI address) {

	}

	/** A candidate fetched and read: a feed, or why it is none. */
	private record Checked(@Nullable FoundFeed feed, @Nullable String problem) {

		static Checked leftOut(String problem) {
			return new Checked(null, problem);
		}

	}

}

package fr.manchette.parse;

import java.net.URI;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads an article page's meta tags ({@link ArticleMeta}) for a ticker item that lacks a summary, a picture or a time.
 * Only {@code <meta>} is read: the page's text is the site's menus, share buttons and comment counters as much as
 * the article, and none of it belongs in a summary.
 */
@Component
public class ArticlePageReader {

	/**
	 * The largest article page read, whatever {@code poll.max-size}: under what polls count as a large body (1 MB), as
	 * a page is parsed whole, some ten times its size in memory, and is read beside the other polls' bodies. The meta
	 * tags are at its top; a larger page leaves its item as the ticker shows it.
	 */
	public static final int LARGEST_PAGE = (1 << 20) - 1;

	private static final String DESCRIPTION = "meta[property=og:description], meta[name=og:description]";

	private static final String FALLBACK_DESCRIPTION = "meta[name=description], meta[name=twitter:description], "
			+ "meta[property=twitter:description]";

	private static final String IMAGE = "meta[property=og:image], meta[property=og:image:url], "
			+ "meta[property=og:image:secure_url], meta[name=og:image]";

	private static final String FALLBACK_IMAGE = "meta[name=twitter:image], meta[property=twitter:image], "
			+ "meta[name=twitter:image:src]";

	private static final String PUBLISHED = "meta[property=article:published_time], "
			+ "meta[name=article:published_time], meta[itemprop=datePublished]";

	/** The most bytes of an article page to fetch: {@code maxSize}, never more than {@link #LARGEST_PAGE}. */
	public static long largestPage(long maxSize) {
		return Math.min(maxSize, LARGEST_PAGE);
	}

	/**
	 * @param body the page as fetched
	 * @param contentType its Content-Type, for the charset
	 * @param url where it came from, after redirects, against which a relative picture is resolved
	 */
	public ArticleMeta read(byte[] body, @Nullable String contentType, URI url) {
		Document page = HtmlPages.parse(body, contentType, url);
		String description = content(page, DESCRIPTION);
		if (description == null) {
			description = content(page, FALLBACK_DESCRIPTION);
		}
		String image = image(page, IMAGE);
		if (image == null) {
			image = image(page, FALLBACK_IMAGE);
		}
		return new ArticleMeta(description, image, content(page, PUBLISHED));
	}

	private static @Nullable String content(Document page, String query) {
		for (Element meta : page.select(query)) {
			String content = meta.attr("content").strip();
			if (!content.isEmpty()) {
				return content;
			}
		}
		return null;
	}

	private static @Nullable String image(Document page, String query) {
		for (Element meta : page.select(query)) {
			String url = TickerPageParser.httpUrl(meta.absUrl("content"));
			if (url != null) {
				return url;
			}
		}
		return null;
	}

}

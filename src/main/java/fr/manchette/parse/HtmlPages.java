package fr.manchette.parse;

import java.net.URI;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * An HTML page as fetched, decoded as a feed is ({@link FeedText}: the BOM, then the Content-Type's charset or else
 * the page's {@code <meta>}, each checked against the bytes): a charset no one knows, or an empty one, reads as the
 * bytes say, never as an error.
 */
public final class HtmlPages {

	private HtmlPages() {
	}

	/**
	 * @param body the page as fetched
	 * @param contentType its Content-Type, for the charset
	 * @param url where it came from, after redirects: the base of its relative links
	 */
	public static Document parse(byte[] body, @Nullable String contentType, URI url) {
		return Jsoup.parse(FeedText.decode(body, HtmlCharset.contentType(body, contentType)), url.toString());
	}

}

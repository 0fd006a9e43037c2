package fr.manchette.fetch;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One conditional GET to make.
 *
 * @param url the feed's address
 * @param etag the validator the server gave last time, sent as {@code If-None-Match}
 * @param lastModified the date the server gave last time, sent back verbatim as {@code If-Modified-Since}
 * @param timeout deadline of the whole exchange, connection to last byte
 * @param maxBytes largest body accepted, after decompression
 * @param accept the {@code Accept} header: {@link #FEED} or {@link #PAGE}
 */
public record FetchRequest(URI url, @Nullable String etag, @Nullable String lastModified, Duration timeout,
		long maxBytes, String accept) {

	/** What a feed reader asks for: the feed formats first (JSON Feed's too), anything else last. */
	public static final String FEED = "application/rss+xml, application/atom+xml, application/feed+json, "
			+ "application/rdf+xml;q=0.9, "
			+ "application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

	/** What a browser asks for: a web page (a ticker page, an article). */
	public static final String PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

	public FetchRequest {
		Assert.isTrue(url.isAbsolute(), "url must be absolute");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		Assert.isTrue(maxBytes > 0, "maxBytes must be positive");
		Assert.hasText(accept, "accept must not be blank");
	}

	/** A request for a feed. */
	public FetchRequest(URI url, @Nullable String etag, @Nullable String lastModified, Duration timeout,
			long maxBytes) {
		this(url, etag, lastModified, timeout, maxBytes, FEED);
	}

}

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
 */
public record FetchRequest(URI url, @Nullable String etag, @Nullable String lastModified, Duration timeout,
		long maxBytes) {

	public FetchRequest {
		Assert.isTrue(url.isAbsolute(), "url must be absolute");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		Assert.isTrue(maxBytes > 0, "maxBytes must be positive");
	}

}

package fr.manchette.fetch;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** What one fetch gave: a body, nothing new, or a failure as data. */
public sealed interface FetchOutcome {

	/**
	 * A 200 with its body, already decompressed.
	 *
	 * @param contentType the Content-Type header, for the charset
	 * @param finalUrl where the body came from, after redirects
	 * @param movedTo the new address when every redirect on the way was permanent (301, 308): poll it from now on
	 * @param cut true when the connection ended before the body did (shorter than its Content-Length, a chunked or
	 * gzip stream that stops short): {@code body} is its start, and the validators vouch for a body not received
	 */
	record Fetched(byte[] body, @Nullable String contentType, @Nullable String etag, @Nullable String lastModified,
			URI finalUrl, @Nullable URI movedTo, boolean cut) implements FetchOutcome {
	}

	/**
	 * A 304: the server says nothing changed since the validators we sent.
	 *
	 * @param etag the ETag it gives, if any: a 304 carries the validators of the body we hold, and they replace ours
	 * (RFC 9111 §4.3.4)
	 * @param lastModified the Last-Modified it gives, if any, likewise
	 */
	record NotModified(@Nullable String etag, @Nullable String lastModified) implements FetchOutcome {
	}

	/**
	 * A failure.
	 *
	 * @param detail one line for the operator
	 * @param retryAfter how long the server asked us to wait, if it did
	 */
	record Failed(FailureKind kind, String detail, @Nullable Duration retryAfter) implements FetchOutcome {

		public Failed(FailureKind kind, String detail) {
			this(kind, detail, null);
		}

	}

}

package fr.manchette.fetch;

/**
 * Why a fetch failed: what the operator sees in {@code /api/sources}, under the same name. A body that cannot be
 * read as a feed is parsing's to say (parse's {@code ParseFailureKind}).
 */
public enum FailureKind {

	/** No answer, or no complete body, within the deadline. */
	TIMEOUT,
	/** Connection refused or reset, unknown host, broken TLS. */
	NETWORK,
	/** An HTTP status other than 200 and 304. */
	HTTP_STATUS,
	/** 410: the feed is gone for good; the source is no longer polled. */
	GONE,
	/** A redirect to a loopback, private or link-local address, refused unless the operator allows it. */
	BLOCKED_ADDRESS,
	/** More redirects than we follow, or a redirect loop. */
	TOO_MANY_REDIRECTS,
	/** 429, or 503 with Retry-After: the server asked us to wait. */
	RATE_LIMITED,
	/** The body, once decompressed, is over the size cap. */
	TOO_LARGE,
	/** A bug of ours: logged with its stack trace. */
	UNEXPECTED

}

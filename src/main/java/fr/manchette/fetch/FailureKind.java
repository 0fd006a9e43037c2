package fr.manchette.fetch;

/** Why a poll of a source failed: what the operator sees in {@code /api/sources}. */
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
	/** The body is not RSS or Atom (an HTML page, an empty body). */
	NOT_A_FEED,
	/** The body claims to be a feed but cannot be read as one. */
	PARSE_ERROR,
	/** A bug of ours: logged with its stack trace. */
	UNEXPECTED

}

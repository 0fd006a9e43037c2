package fr.manchette.fetch;

/** What a failed fetch says, in the words {@code /api/sources} keeps; each with its {@link FailureKind}'s reasons. */
public enum FetchDetail implements FailureDetail {

	/** TIMEOUT. */
	CONNECT_TIMEOUT("could not connect within the connect timeout"),
	/** TIMEOUT: {0} seconds. */
	NO_ANSWER("no answer within {0}s"),
	/** TIMEOUT: {0} seconds. */
	NO_COMPLETE_ANSWER("no complete answer within {0}s"),
	/** NETWORK. */
	CONNECTION_REFUSED("connection refused"),
	/** NETWORK. */
	CONNECTION_RESET("connection reset"),
	/** NETWORK: {0} the exception, named. */
	TLS_FAILED("TLS failed: {0}"),
	/** NETWORK: {0} the exception, named, for a failure none of the others describes. */
	NETWORK_FAILURE("network: {0}"),
	/** NETWORK (DNS): {0} the host. */
	UNKNOWN_HOST("unknown host {0}"),
	/** NETWORK (DNS): {0} the host. */
	REDIRECT_TO_UNKNOWN_HOST("redirect to unknown host {0}"),
	/** NETWORK. */
	NOT_HTTP("not an HTTP answer"),
	/** NETWORK: the headers came, then the connection ended. */
	CUT_BEFORE_BODY("connection closed before the body"),
	/** NETWORK: {0} what the decompression said. */
	BROKEN_GZIP("broken gzip body: {0}"),
	/** HTTP_STATUS, RATE_LIMITED: {0} the status. */
	HTTP_STATUS("HTTP {0}"),
	/** HTTP_STATUS. */
	NOT_MODIFIED_UNASKED("HTTP 304 to a request without validators"),
	/** GONE. */
	GONE("HTTP 410 Gone"),
	/** HTTP_STATUS: {0} the redirect's status. */
	REDIRECT_WITHOUT_LOCATION("HTTP {0} without Location"),
	/** HTTP_STATUS: {0} the redirect's status, {1} its Location. */
	UNREADABLE_LOCATION("HTTP {0} to an unreadable Location: {1}"),
	/** HTTP_STATUS: {0} the redirect's status, {1} the scheme it points to. */
	OTHER_SCHEME("HTTP {0} to a {1}: address, not followed"),
	/** HTTP_STATUS: {0} the link. */
	LINK_WITHOUT_HOST("link without a host: {0}"),
	/** TOO_MANY_REDIRECTS: {0} the address. */
	REDIRECT_LOOP("redirect loop: {0} reached twice"),
	/** TOO_MANY_REDIRECTS: {0} the most followed. */
	TOO_MANY_REDIRECTS("more than {0} redirects"),
	/** BLOCKED_ADDRESS: {0} what pointed there (redirect, link, hub, webhook), {1} the host, {2} its address. */
	INTERNAL_ADDRESS("{0} to internal address {1} ({2}) refused"),
	/** TOO_LARGE: {0} the cap in bytes. */
	TOO_LARGE("body is larger than {0} bytes"),
	/** TOO_LARGE: {0} the cap in bytes. */
	TOO_LARGE_DECOMPRESSED("decompressed body is larger than {0} bytes"),
	/** UNEXPECTED: the service stopped the fetch. */
	INTERRUPTED("interrupted");

	private final String form;

	FetchDetail(String form) {
		this.form = form;
	}

	@Override
	public String form() {
		return this.form;
	}

}

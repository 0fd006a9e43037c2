package fr.manchette.fetch;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client of every request the service sends out: feeds, pages, WebSub hubs, webhooks. */
final class OutboundClient {

	private OutboundClient() {
	}

	/**
	 * HTTP/1.1: no h2c upgrade dance with the many small servers news sites run on. Redirects are ours to follow
	 * (RedirectChain): the client's own would hide permanent moves and go anywhere they point.
	 */
	static HttpClient create() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

}

package fr.manchette.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy that Tomcat itself trusts ({@code server.forward-headers-strategy=native}): the valve that answers
 * from memory runs after Tomcat's {@code RemoteIpValve}, so a feed answered again from memory still carries the
 * addresses the client asked with, and a direct client never gets the proxied copy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.enabled=false", "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1" })
class PublishedDocumentsBehindProxyTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@TempDir
	static Path dir;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, NewsFeed.threeSources(9, "Europe/Paris"));
	}

	@Test
	void aFeedAnsweredFromMemoryCarriesTheAddressTheClientAskedWith() throws Exception {
		String self = "href=\"http://127.0.0.1:" + this.port + "/feed.atom\"";

		String first = proxied();
		String again = proxied();
		String direct = direct();

		assertThat(first).contains("href=\"https://fil.example/feed.atom\"").doesNotContain(self);
		assertThat(again).isEqualTo(first);
		assertThat(direct).contains(self).doesNotContain("fil.example");
		assertThat(direct()).isEqualTo(direct);
		assertThat(proxied()).isEqualTo(first);
	}

	private String proxied() throws Exception {
		return get(HttpRequest.newBuilder(feed()).header("X-Forwarded-Host", "fil.example")
			.header("X-Forwarded-Proto", "https"));
	}

	private String direct() throws Exception {
		return get(HttpRequest.newBuilder(feed()));
	}

	private URI feed() {
		return URI.create("http://127.0.0.1:" + this.port + "/feed.atom");
	}

	private static String get(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}

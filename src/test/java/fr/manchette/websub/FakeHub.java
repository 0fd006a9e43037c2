package fr.manchette.websub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.manchette.support.FormFields;
import org.jspecify.annotations.Nullable;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The hub's side of WebSub, played by a test: WireMock records the requests a subscriber sends to the hub's path,
 * and the test calls the subscriber back as a hub would (verification of intent, signed delivery), with the
 * parameters the subscriber sent. The signatures are computed here, independently of the subscriber's code.
 */
final class FakeHub {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final WireMockServer server;

	private final String path;

	FakeHub(WireMockServer server, String path) {
		this.server = server;
		this.path = path;
	}

	String url() {
		return "http://localhost:" + this.server.port() + this.path;
	}

	/** The forms posted to the hub, oldest first. */
	List<Map<String, String>> requests() {
		return this.server.findAll(postRequestedFor(urlEqualTo(this.path)))
			.stream()
			.sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
			.map((request) -> FormFields.of(request.getBodyAsString()))
			.toList();
	}

	List<Map<String, String>> requests(String mode) {
		return requests().stream().filter((form) -> mode.equals(form.get("hub.mode"))).toList();
	}

	/** A GET to the callback with these parameters, as a hub verifies intent. */
	static HttpResponse<String> verify(String callback, Map<String, String> parameters)
			throws IOException, InterruptedException {
		StringBuilder query = new StringBuilder();
		parameters.forEach((name, value) -> query.append((query.length() == 0) ? "?" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return CLIENT.send(HttpRequest.newBuilder(URI.create(callback + query)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Verifies a subscription request as a hub would, granting this lease. */
	static HttpResponse<String> verifySubscription(Map<String, String> request, String challenge, long leaseSeconds)
			throws IOException, InterruptedException {
		return verify(request.get("hub.callback"), Map.of("hub.mode", "subscribe", "hub.topic", request.get("hub.topic"),
				"hub.challenge", challenge, "hub.lease_seconds", Long.toString(leaseSeconds)));
	}

	/** A POST of content to the callback, signed with {@code signature} as given (null: no header). */
	static HttpResponse<String> deliver(String callback, byte[] body, @Nullable String signature)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback))
			.header("Content-Type", "application/atom+xml")
			.header("Link", "<https://hub.example/>; rel=\"hub\"")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Hub-Signature", signature);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** An Atom feed announcing this hub and self link, with one entry per title. */
	static String atom(@Nullable String hub, @Nullable String self, String... titles) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Fil poussé</title><id>urn:fil</id>
				<updated>2026-01-01T00:00:00Z</updated>
				""");
		if (hub != null) {
			xml.append("<link rel=\"hub\" href=\"").append(hub).append("\"/>\n");
		}
		if (self != null) {
			xml.append("<link rel=\"self\" href=\"").append(self).append("\"/>\n");
		}
		int n = 0;
		for (String title : titles) {
			n++;
			xml.append("<entry><title>").append(title).append("</title><id>urn:fil:").append(title.hashCode())
				.append("</id><link href=\"https://fil.example/").append(Math.abs(title.hashCode()))
				.append(".html\"/><updated>").append(java.time.Instant.now().minusSeconds(60L * n)).append("</updated></entry>\n");
		}
		return xml.append("</feed>").toString();
	}

}

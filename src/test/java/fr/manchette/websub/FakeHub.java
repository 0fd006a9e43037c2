package fr.manchette.websub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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

	/**
	 * The service's public address in these tests ({@code manchette.public-url}): a name nothing resolves, which the
	 * hub reaches at the port the service bound, as through a reverse proxy. The server binds a port of its own
	 * choosing: a free port picked beforehand could be taken by the time it binds.
	 */
	static final String PUBLIC_URL = "http://manchette.example/";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final WireMockServer server;

	private final String path;

	/** The port at which the hub reaches the callbacks it is given under {@link #PUBLIC_URL}; 0: as given. */
	private final int servicePort;

	FakeHub(WireMockServer server, String path) {
		this(server, path, 0);
	}

	/** A hub that reaches the callbacks it is given under {@link #PUBLIC_URL} at this port of loopback. */
	FakeHub(WireMockServer server, String path, int servicePort) {
		this.server = server;
		this.path = path;
		this.servicePort = servicePort;
	}

	String url() {
		return "http://localhost:" + this.server.port() + this.path;
	}

	/** The forms posted to the hub, oldest first, their callback as the hub reaches it. */
	List<Map<String, String>> requests() {
		return this.server.findAll(postRequestedFor(urlEqualTo(this.path)))
			.stream()
			.sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
			.map((request) -> reached(FormFields.of(request.getBodyAsString())))
			.toList();
	}

	private Map<String, String> reached(Map<String, String> form) {
		String callback = form.get("hub.callback");
		if (this.servicePort == 0 || callback == null || !callback.startsWith(PUBLIC_URL)) {
			return form;
		}
		Map<String, String> reached = new LinkedHashMap<>(form);
		reached.put("hub.callback",
				"http://localhost:" + this.servicePort + "/" + callback.substring(PUBLIC_URL.length()));
		return reached;
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

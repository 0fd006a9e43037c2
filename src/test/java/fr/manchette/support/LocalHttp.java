package fr.manchette.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A GET to the service under test on loopback, conditional when given an ETag. It gives up after 20 s, so that a call
 * that hangs fails as such rather than as a condition an await found false for its whole time.
 */
public final class LocalHttp {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private LocalHttp() {
	}

	public static HttpResponse<String> get(int port, String path, @Nullable String ifNoneMatch)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(20));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}

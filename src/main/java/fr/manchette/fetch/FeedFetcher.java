package fr.manchette.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

import fr.manchette.fetch.CappedBodySubscriber.BodyTooLargeException;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome.NotModified;
import org.jspecify.annotations.Nullable;

/**
 * Makes one conditional GET of a feed and says what came of it. It never throws for what a remote server does:
 * a timeout, a refused connection, a 500 or a body over the cap all come back as {@link Failed}.
 */
public class FeedFetcher {

	private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
			+ "application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

	private final HttpClient client;

	private final String userAgent;

	private final Clock clock;

	public FeedFetcher(String userAgent, Clock clock) {
		this.userAgent = userAgent;
		this.clock = clock;
		// HTTP/1.1: no h2c upgrade dance with the many small servers news sites run on.
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public FetchOutcome fetch(FetchRequest request) {
		HttpRequest.Builder http = HttpRequest.newBuilder(request.url())
			.timeout(request.timeout())
			.header("User-Agent", this.userAgent)
			.header("Accept", ACCEPT)
			.header("Accept-Encoding", "gzip");
		if (request.etag() != null) {
			http.header("If-None-Match", request.etag());
		}
		if (request.lastModified() != null) {
			http.header("If-Modified-Since", request.lastModified());
		}
		CompletableFuture<HttpResponse<byte[]>> exchange = this.client.sendAsync(http.GET().build(),
				bodyHandler(request.maxBytes()));
		try {
			// HttpRequest.timeout only covers the wait for headers; this deadline also cuts a body that trickles.
			HttpResponse<byte[]> response = exchange.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
			return outcome(response, request);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			return new Failed(FailureKind.TIMEOUT, "no complete answer within " + request.timeout().toSeconds() + "s");
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			return new Failed(FailureKind.UNEXPECTED, "interrupted");
		}
		catch (ExecutionException ex) {
			return failure(ex.getCause(), request);
		}
	}

	private BodyHandler<byte[]> bodyHandler(long maxBytes) {
		return (info) -> {
			if (info.statusCode() != 200) {
				return BodySubscribers.replacing(new byte[0]);
			}
			OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
			if (declared.isPresent() && declared.getAsLong() > maxBytes) {
				return new CappedBodySubscriber(0);
			}
			return new CappedBodySubscriber(maxBytes);
		};
	}

	private FetchOutcome outcome(HttpResponse<byte[]> response, FetchRequest request) {
		int status = response.statusCode();
		return switch (status) {
			case 200 -> fetched(response, request.maxBytes());
			case 304 -> new NotModified();
			case 429, 503 -> new Failed(FailureKind.RATE_LIMITED, "HTTP " + status,
					RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), this.clock.instant()));
			default -> new Failed(FailureKind.HTTP_STATUS, "HTTP " + status);
		};
	}

	private FetchOutcome fetched(HttpResponse<byte[]> response, long maxBytes) {
		byte[] body = response.body();
		String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
		if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
			try {
				body = gunzip(body, maxBytes);
			}
			catch (BodyTooLargeException ex) {
				return new Failed(FailureKind.TOO_LARGE, "decompressed " + ex.getMessage());
			}
			catch (IOException ex) {
				return new Failed(FailureKind.NETWORK, "broken gzip body: " + ex.getMessage());
			}
		}
		return new Fetched(body, response.headers().firstValue("Content-Type").orElse(null),
				response.headers().firstValue("ETag").orElse(null),
				response.headers().firstValue("Last-Modified").orElse(null), response.uri(), null);
	}

	/** Decompresses with the same cap, so that a small gzip bomb is stopped early. */
	private static byte[] gunzip(byte[] compressed, long maxBytes) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] chunk = new byte[16 * 1024];
			int read;
			while ((read = in.read(chunk)) != -1) {
				if (out.size() + (long) read > maxBytes) {
					throw new BodyTooLargeException(maxBytes);
				}
				out.write(chunk, 0, read);
			}
			return out.toByteArray();
		}
	}

	private static Failed failure(@Nullable Throwable cause, FetchRequest request) {
		if (cause instanceof BodyTooLargeException) {
			return new Failed(FailureKind.TOO_LARGE, cause.getMessage());
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return new Failed(FailureKind.TIMEOUT, "could not connect within the connect timeout");
		}
		if (cause instanceof HttpTimeoutException) {
			return new Failed(FailureKind.TIMEOUT, "no answer within " + request.timeout().toSeconds() + "s");
		}
		if (cause instanceof ConnectException) {
			return new Failed(FailureKind.NETWORK, "connection refused");
		}
		if (cause instanceof IOException) {
			return new Failed(FailureKind.NETWORK, describe(cause));
		}
		return new Failed(FailureKind.UNEXPECTED, describe(cause));
	}

	private static String describe(@Nullable Throwable cause) {
		if (cause == null) {
			return "unknown failure";
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}

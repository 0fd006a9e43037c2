package fr.manchette.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
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

import fr.manchette.fetch.CappedBodySubscriber.BodyTooLargeException;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome.NotModified;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Makes one conditional GET of a feed, following its redirects, and says what came of it. It never throws for what a
 * remote server does: a timeout, a refused connection, a 500, a redirect loop or a body over the cap all come back as
 * {@link Failed}.
 */
public class FeedFetcher {

	private final HttpClient client;

	private final String userAgent;

	private final Clock clock;

	private final AddressPolicy addressPolicy;

	public FeedFetcher(String userAgent, Clock clock) {
		this(userAgent, clock, false);
	}

	/**
	 * @param allowInternalRedirects follow a public source's redirects into loopback, private or link-local
	 * addresses too: only for an operator whose feeds really do that
	 */
	public FeedFetcher(String userAgent, Clock clock, boolean allowInternalRedirects) {
		this(userAgent, clock, new AddressPolicy(allowInternalRedirects));
	}

	FeedFetcher(String userAgent, Clock clock, AddressPolicy addressPolicy) {
		this.userAgent = userAgent;
		this.clock = clock;
		this.addressPolicy = addressPolicy;
		this.client = OutboundClient.create();
	}

	public FetchOutcome fetch(FetchRequest request) {
		Assert.notNull(request, "request must not be null");
		// One deadline for the whole chain: five slow hops must not add up to five timeouts.
		long deadline = System.nanoTime() + request.timeout().toNanos();
		RedirectChain chain = new RedirectChain(request.url(), this.addressPolicy);
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return timedOut(request);
			}
			CompletableFuture<HttpResponse<byte[]>> exchange = this.client
				.sendAsync(httpRequest(chain.current(), request, Duration.ofNanos(left)), bodyHandler(request.maxBytes()));
			HttpResponse<byte[]> response;
			try {
				// HttpRequest.timeout only covers the wait for headers; this also cuts a body that trickles.
				response = exchange.get(left, TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				exchange.cancel(true);
				return timedOut(request);
			}
			catch (InterruptedException ex) {
				exchange.cancel(true);
				Thread.currentThread().interrupt();
				return new Failed(FailureKind.UNEXPECTED, "interrupted");
			}
			catch (ExecutionException ex) {
				return failure(ex.getCause(), request);
			}
			if (!RedirectChain.isRedirect(response.statusCode())) {
				return outcome(response, request, chain);
			}
			Failed stop = chain.follow(response.statusCode(), response.headers().firstValue("Location").orElse(null));
			if (stop != null) {
				return stop;
			}
		}
	}

	/**
	 * Fetches a page that another page links to (an article of a ticker page), under the rule that guards redirects:
	 * a link on a public page to a loopback, private or link-local address is refused as {@code BLOCKED_ADDRESS},
	 * since whoever writes the page could otherwise point us at the operator's network.
	 * @param page the page the link was found on
	 */
	public FetchOutcome fetchLinkedFrom(URI page, FetchRequest request) {
		Assert.notNull(page, "page must not be null");
		Assert.notNull(request, "request must not be null");
		if (request.url().getHost() == null) {
			return new Failed(FailureKind.HTTP_STATUS, "link without a host: " + request.url());
		}
		try {
			String refusal = this.addressPolicy.refusal(page, request.url(), "link");
			if (refusal != null) {
				return new Failed(FailureKind.BLOCKED_ADDRESS, refusal);
			}
		}
		catch (UnknownHostException ex) {
			return new Failed(FailureKind.NETWORK, "unknown host " + request.url().getHost());
		}
		return fetch(request);
	}

	/**
	 * The conditional headers go with every hop, not just the first: the validators we hold were given by the end of
	 * the chain (the only hop with a body), so that is where a 304 can come from.
	 */
	private HttpRequest httpRequest(URI url, FetchRequest request, Duration left) {
		HttpRequest.Builder http = HttpRequest.newBuilder(url)
			.timeout(left)
			.header("User-Agent", this.userAgent)
			.header("Accept", request.accept())
			.header("Accept-Encoding", "gzip");
		if (request.etag() != null) {
			http.header("If-None-Match", request.etag());
		}
		if (request.lastModified() != null) {
			http.header("If-Modified-Since", request.lastModified());
		}
		return http.GET().build();
	}

	private static Failed timedOut(FetchRequest request) {
		return new Failed(FailureKind.TIMEOUT, "no complete answer within " + request.timeout().toSeconds() + "s");
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

	private FetchOutcome outcome(HttpResponse<byte[]> response, FetchRequest request, RedirectChain chain) {
		int status = response.statusCode();
		return switch (status) {
			case 200 -> fetched(response, request.maxBytes(), chain.movedTo());
			case 304 -> new NotModified();
			case 410 -> new Failed(FailureKind.GONE, "HTTP 410 Gone");
			case 429, 503 -> new Failed(FailureKind.RATE_LIMITED, "HTTP " + status,
					RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), this.clock.instant()));
			default -> new Failed(FailureKind.HTTP_STATUS, "HTTP " + status);
		};
	}

	private FetchOutcome fetched(HttpResponse<byte[]> response, long maxBytes, @Nullable URI movedTo) {
		byte[] body = response.body();
		String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
		if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
			try {
				body = GzipBody.inflate(body, maxBytes);
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
				response.headers().firstValue("Last-Modified").orElse(null), response.uri(), movedTo);
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

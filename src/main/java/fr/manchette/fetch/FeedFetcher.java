package fr.manchette.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import javax.net.ssl.SSLException;

import fr.manchette.config.ShownUrl;
import fr.manchette.fetch.Exchange.Body;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome.NotModified;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.Assert;

/**
 * Makes one conditional GET of a feed, following its redirects, and says what came of it. It never throws for what a
 * remote server does: a timeout, a refused connection, a 500, a redirect loop or a body over the cap all come back as
 * {@link Failed}.
 */
public class FeedFetcher {

	private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

	private final String userAgent;

	private final Clock clock;

	private final AddressPolicy addressPolicy;

	private final SourcesTime sourcesTime;

	public FeedFetcher(String userAgent, Clock clock) {
		this(userAgent, clock, false);
	}

	/**
	 * @param allowInternalRedirects follow a public source's redirects into loopback, private or link-local
	 * addresses too: only for an operator whose feeds really do that
	 */
	public FeedFetcher(String userAgent, Clock clock, boolean allowInternalRedirects) {
		this(userAgent, clock, new AddressPolicy(allowInternalRedirects), new SourcesTime(clock));
	}

	FeedFetcher(String userAgent, Clock clock, AddressPolicy addressPolicy, SourcesTime sourcesTime) {
		this.userAgent = userAgent;
		this.clock = clock;
		this.addressPolicy = addressPolicy;
		this.sourcesTime = sourcesTime;
	}

	public FetchOutcome fetch(FetchRequest request) {
		Assert.notNull(request, "request must not be null");
		// One deadline for the whole chain: five slow hops must not add up to five timeouts.
		long deadline = System.nanoTime() + request.timeout().toNanos();
		RedirectChain chain = new RedirectChain(request.url(), this.addressPolicy);
		while (true) {
			if (deadline - System.nanoTime() <= 0) {
				return timedOut(request);
			}
			try (Exchange exchange = OutboundClient.open(chain.current(), "GET", deadline)) {
				setHeaders(exchange, request, chain);
				int status = exchange.send(null);
				if (!RedirectChain.isRedirect(status)) {
					return outcome(exchange, status, request, chain);
				}
				String location = exchange.header("Location");
				chain.setCookies(exchange.headers("Set-Cookie"));
				exchange.discard();
				Failed stop = chain.follow(status, location);
				if (stop != null) {
					return stop;
				}
			}
			catch (DeadlinePassed ex) {
				return switch (ex.phase()) {
					case CONNECT -> new Failed(FailureKind.TIMEOUT, FetchDetail.CONNECT_TIMEOUT.with());
					case ANSWER ->
						new Failed(FailureKind.TIMEOUT, FetchDetail.NO_ANSWER.with(request.timeout().toSeconds()));
					case BODY -> timedOut(request);
				};
			}
			catch (BodyTooLargeException ex) {
				return new Failed(FailureKind.TOO_LARGE, FetchDetail.TOO_LARGE.with(ex.maxBytes()));
			}
			catch (InterruptedIOException ex) {
				return new Failed(FailureKind.UNEXPECTED, FetchDetail.INTERRUPTED.with());
			}
			catch (ConnectException ex) {
				return new Failed(FailureKind.NETWORK, FetchDetail.CONNECTION_REFUSED.with());
			}
			catch (UnknownHostException ex) {
				return new Failed(FailureKind.NETWORK, FetchDetail.UNKNOWN_HOST.with(chain.current().getHost()));
			}
			catch (SSLException ex) {
				return new Failed(FailureKind.NETWORK, FetchDetail.TLS_FAILED.with(describe(ex)));
			}
			catch (SocketException ex) {
				// "Connection reset" (by peer): the one socket failure common enough to have words of its own.
				String message = Objects.toString(ex.getMessage(), "");
				return new Failed(FailureKind.NETWORK, message.startsWith("Connection reset")
						? FetchDetail.CONNECTION_RESET.with() : FetchDetail.NETWORK_FAILURE.with(describe(ex)));
			}
			catch (IOException ex) {
				return new Failed(FailureKind.NETWORK, FetchDetail.NETWORK_FAILURE.with(describe(ex)));
			}
			catch (RuntimeException ex) {
				// A bug of ours, not the source's doing: its trace, which the outcome (logged without one) cannot carry.
				log.error("Fetch failed url={} kind={}", ShownUrl.of(chain.current().toString()),
						FailureKind.UNEXPECTED, ex);
				return new Failed(FailureKind.UNEXPECTED, describe(ex));
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
			return new Failed(FailureKind.HTTP_STATUS, FetchDetail.LINK_WITHOUT_HOST.with(request.url()));
		}
		try {
			String refusal = this.addressPolicy.refusal(page, request.url(), "link");
			if (refusal != null) {
				return new Failed(FailureKind.BLOCKED_ADDRESS, refusal);
			}
		}
		catch (UnknownHostException ex) {
			return new Failed(FailureKind.NETWORK, FetchDetail.UNKNOWN_HOST.with(request.url().getHost()));
		}
		return fetch(request);
	}

	/**
	 * The conditional headers go with every hop, not just the first: the validators we hold were given by the end of
	 * the chain (the only hop with a body), so that is where a 304 can come from.
	 */
	private void setHeaders(Exchange exchange, FetchRequest request, RedirectChain chain) {
		exchange.header("User-Agent", this.userAgent);
		exchange.header("Accept", request.accept());
		exchange.header("Accept-Encoding", "gzip");
		if (request.etag() != null) {
			exchange.header("If-None-Match", request.etag());
		}
		if (request.lastModified() != null) {
			exchange.header("If-Modified-Since", request.lastModified());
		}
		String cookie = chain.cookie();
		if (cookie != null) {
			exchange.header("Cookie", cookie);
		}
	}

	private static Failed timedOut(FetchRequest request) {
		return new Failed(FailureKind.TIMEOUT, FetchDetail.NO_COMPLETE_ANSWER.with(request.timeout().toSeconds()));
	}

	private FetchOutcome outcome(Exchange exchange, int status, FetchRequest request, RedirectChain chain)
			throws IOException {
		this.sourcesTime.heard(chain.current(), exchange.header("Date"), exchange.header("Age"));
		if (status == 200) {
			return fetched(exchange, request, chain);
		}
		String retryAfter = exchange.header("Retry-After");
		String etag = exchange.header("ETag");
		// The one we sent, given back by a 304, was checked when it came (a round of 304s parses no more dates).
		String lastModified = exchange.header("Last-Modified");
		if (lastModified != null && !lastModified.equals(request.lastModified())) {
			lastModified = lastModified(exchange);
		}
		exchange.discard();
		return switch (status) {
			// A 304 answers validators: to a request with none, it says nothing of the feed, and would say it forever.
			case 304 -> conditional(request) ? new NotModified(etag, lastModified)
					: new Failed(FailureKind.HTTP_STATUS, FetchDetail.NOT_MODIFIED_UNASKED.with());
			case 410 -> new Failed(FailureKind.GONE, FetchDetail.GONE.with());
			case 429, 503 -> new Failed(FailureKind.RATE_LIMITED, FetchDetail.HTTP_STATUS.with(status),
					RetryAfter.parse(retryAfter, this.clock.instant()));
			// -1: what came back does not start as an HTTP answer.
			case -1 -> new Failed(FailureKind.NETWORK, FetchDetail.NOT_HTTP.with());
			default -> new Failed(FailureKind.HTTP_STATUS, FetchDetail.HTTP_STATUS.with(status));
		};
	}

	private static boolean conditional(FetchRequest request) {
		return request.etag() != null || request.lastModified() != null;
	}

	private FetchOutcome fetched(Exchange exchange, FetchRequest request, RedirectChain chain) throws IOException {
		long maxBytes = request.maxBytes();
		// Over the cap by its own account: refused without reading a byte of it.
		if (exchange.declaredLength() > maxBytes) {
			throw new BodyTooLargeException(maxBytes);
		}
		Body read = exchange.body(maxBytes);
		if (!read.complete()) {
			throw new BodyTooLargeException(maxBytes);
		}
		// What the bytes are, not what Content-Encoding says: servers put the header on a plain body, and send gzip
		// (a .xml.gz file) without it. We ask for gzip alone, so nothing else can come encoded.
		if (GzipBody.looksGzipped(read.bytes())) {
			try {
				Body inflated = GzipBody.inflate(read.bytes(), maxBytes);
				read = new Body(inflated.bytes(), true, read.cut() || inflated.cut());
			}
			catch (BodyTooLargeException ex) {
				return new Failed(FailureKind.TOO_LARGE, FetchDetail.TOO_LARGE_DECOMPRESSED.with(ex.maxBytes()));
			}
			catch (IOException ex) {
				return new Failed(FailureKind.NETWORK, FetchDetail.BROKEN_GZIP.with(ex.getMessage()));
			}
		}
		if (read.cut() && read.bytes().length == 0) {
			return new Failed(FailureKind.NETWORK, FetchDetail.CUT_BEFORE_BODY.with());
		}
		return new Fetched(read.bytes(), exchange.header("Content-Type"), exchange.header("ETag"),
				lastModified(exchange), chain.current(), chain.movedTo(), read.cut());
	}

	/**
	 * The answer's Last-Modified, to send back as If-Modified-Since, but for one later than the answer's Date: RFC 9110
	 * §8.8.2.1 has a server send its Date in place of a time in its future, and one that does not would be asked
	 * "modified since 2100?" at every poll, which a server that answers 304 when that is no earlier than its
	 * Last-Modified (Express, Django) says no to, of every change until then. Without a Date, one more than a day
	 * ahead of our clock is not kept.
	 */
	private @Nullable String lastModified(Exchange exchange) {
		String lastModified = exchange.header("Last-Modified");
		Instant modified = (lastModified != null) ? HttpDate.parse(lastModified) : null;
		if (modified == null) {
			return lastModified;
		}
		String date = exchange.header("Date");
		Instant said = (date != null) ? HttpDate.parse(date) : null;
		if (said != null) {
			return modified.isAfter(said) ? date : lastModified;
		}
		return modified.isAfter(this.clock.instant().plus(SourcesTime.TOLERANCE)) ? null : lastModified;
	}

	private static String describe(@Nullable Throwable cause) {
		if (cause == null) {
			return "unknown failure";
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}

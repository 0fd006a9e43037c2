package fr.manchette.fetch;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ResponseCache;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP client of the requests the service sends out of its own accord: feeds, pages, WebSub hubs. It is the
 * JDK's {@link HttpURLConnection}, one connection per hop ({@link Exchange}), rather than {@code java.net.http}: on
 * a JVM just started a conditional GET costs about a third as much (less code to run before it is compiled), which
 * is most of an all-304 round.
 * <p>
 * What the connections share, and why:
 * <ul>
 * <li>Proxy: none is named, so the JDK's default {@code ProxySelector} decides, as it did for {@code java.net.http}
 * (whose builder we never gave a proxy): no proxy unless the operator sets {@code http.proxyHost} and the like.</li>
 * <li>No cookies, no authentication, no cache: the service installs no {@code CookieHandler}, {@code Authenticator}
 * or {@code ResponseCache}, so the connection has none (the cookies a redirect sets go back on the next hops of its
 * fetch only, by {@link ChainCookies}). {@code setUseCaches(false)} is only set if some library
 * installed a cache, because it also adds {@code Cache-Control: no-cache} and {@code Pragma: no-cache} to the
 * request, which tells a CDN to skip its cache and ask the origin on every poll.</li>
 * <li>Keep-alive: a connection whose body was read to its end and closed goes back to the JDK's pool. The pool
 * keeps at most {@code http.maxConnections} (default 5) idle connections per host and port: with 8 polls of one host
 * at once, 3 of every 8 connections were closed when they came back, and a restart's round of 1000 conditional GETs
 * opened 190 connections. So the service raises that property to {@code polling.per-host} when it is more than 5
 * and the operator has not set it ({@link #keepIdlePerHost}): 8 connections for that round.</li>
 * <li>Retries: the JDK sends a request again, once, when reading the answer's status line fails other than by a
 * timeout (typically a kept-alive connection the server had closed). For a GET that is what a user would do; a
 * broken server sees the GET twice. A form POST is sent in fixed-length streaming mode, which the JDK never
 * resends. Our deadline stops the retry: {@code disconnect()} before the answer tells the JDK not to retry.</li>
 * </ul>
 */
final class OutboundClient {

	static final String MAX_CONNECTIONS = "http.maxConnections";

	/** What the JDK's keep-alive pool keeps per host when {@code http.maxConnections} is not set. */
	static final int JDK_IDLE_PER_HOST = 5;

	/** Of the connection alone; the exchange's deadline bounds it too. */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Cuts exchanges at their deadline. One thread for the whole service: a deadline only hands the cut to
	 * {@link #WORKERS}, since {@code disconnect()} can wait for a read in progress to return.
	 */
	private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

	/**
	 * Reads bodies and runs the cuts, so that the thread which asked waits no longer than its deadline: a read
	 * blocked on a server that trickles cannot be cut from outside before its next bytes (the JDK's stream holds a
	 * lock while it reads), and interrupting the asking thread would close the file channels it holds (H2's).
	 */
	static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
			new SynchronousQueue<>(), daemons("manchette-http-"));

	private OutboundClient() {
	}

	/**
	 * Opens a connection to {@code url}, not yet connected, with our settings. Redirects are ours to follow
	 * (RedirectChain): the JDK's would hide permanent moves and go anywhere they point.
	 * @param deadline {@link System#nanoTime()} by which the whole exchange must be over
	 */
	static Exchange open(URI url, String method, long deadline) throws IOException {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("not an http or https address: " + url);
		}
		// Non-ASCII characters of a path or query go out percent-encoded in UTF-8, as browsers send them.
		URLConnection opened = URI.create(url.toASCIIString()).toURL().openConnection();
		HttpURLConnection connection = (HttpURLConnection) opened;
		connection.setRequestMethod(method);
		connection.setInstanceFollowRedirects(false);
		if (ResponseCache.getDefault() != null) {
			connection.setUseCaches(false);
		}
		long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
		connection.setConnectTimeout((int) Math.min(CONNECT_TIMEOUT.toMillis(), left));
		connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, left));
		return new Exchange(connection, deadline, DEADLINES);
	}

	/**
	 * Lets the JDK's keep-alive pool keep as many idle connections per host as polls may talk to one host at once,
	 * unless the operator set {@code http.maxConnections}. Global to the JVM, and read once, at the first connection
	 * that goes back to the pool: called when the fetcher is made, before any poll.
	 * @return the value the property has now, null if the JDK's default holds
	 */
	static @Nullable String keepIdlePerHost(int perHost) {
		if (perHost > JDK_IDLE_PER_HOST && System.getProperty(MAX_CONNECTIONS) == null) {
			System.setProperty(MAX_CONNECTIONS, Integer.toString(perHost));
		}
		return System.getProperty(MAX_CONNECTIONS);
	}

	private static ScheduledThreadPoolExecutor deadlines() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, daemons("manchette-http-deadline-"));
		// Nearly every exchange ends well before its deadline: its cancelled cut must not stay queued for 20 s.
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	private static ThreadFactory daemons(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

package fr.manchette.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Two feeds of one host on loopback, over kept-alive connections: {@code /early} answers {@code 103 Early Hints} at
 * once and its 200 once the page is ready, which is when the client has sent its next request on the connection, or
 * after a moment; {@code /other} answers its 200 at once. It notes when the client closes each connection. A 200
 * that a client takes for the 103's body, or for the answer to its next request, shows as the wrong feed.
 */
final class EarlyHintsServer implements AutoCloseable {

	static final String EARLY = "<rss version=\"2.0\"><channel><title>Early</title></channel></rss>";

	static final String OTHER = "<rss version=\"2.0\"><channel><title>Other</title></channel></rss>";

	/** As RFC 9110 wants it: no length (§8.6), nothing but hints. */
	private static final String HINTS = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n";

	/** How long the 200 after the 103 waits for the client's next request: Java 20 and later wait for the 200. */
	private static final int READY_AFTER_MILLIS = 200;

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	/** By connection, in the order they came: counted down when the client closes it. */
	private final Map<Integer, CountDownLatch> closings = new ConcurrentHashMap<>();

	EarlyHintsServer() throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		RawServer.acceptEach(this.socket, this.connections, this::answer);
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort() + path);
	}

	int connections() {
		return this.connections.get();
	}

	/** Waits at most {@code wait} for the client to close the n-th connection (from 0): whether it did. */
	boolean closedWithin(int connection, Duration wait) throws InterruptedException {
		return closing(connection).await(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	private CountDownLatch closing(int connection) {
		return this.closings.computeIfAbsent(connection, (key) -> new CountDownLatch(1));
	}

	private void answer(Socket client, int connection) {
		try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
			String path = nextRequest(in, in.read());
			while (path != null) {
				if (path.equals("/early")) {
					write(out, HINTS);
					client.setSoTimeout(READY_AFTER_MILLIS);
					int first = waitForNextRequest(in);
					client.setSoTimeout(0);
					if (first == -1) {
						break;
					}
					write(out, ok(EARLY));
					path = nextRequest(in, (first == -2) ? in.read() : first);
				}
				else {
					write(out, ok(OTHER));
					path = nextRequest(in, in.read());
				}
			}
			closing(connection).countDown();
		}
		catch (IOException ex) {
			// The server closed, or the client reset the connection.
		}
	}

	/** The first byte of the client's next request, -1 if it closed the connection, -2 if it sent nothing yet. */
	private static int waitForNextRequest(InputStream in) throws IOException {
		try {
			return in.read();
		}
		catch (SocketTimeoutException ex) {
			return -2;
		}
	}

	/** Reads a request's headers from its first byte on: its path, or null when the client went first. */
	private static @Nullable String nextRequest(InputStream in, int first) throws IOException {
		StringBuilder request = new StringBuilder();
		int matched = 0;
		for (int read = first; read != -1; read = in.read()) {
			request.append((char) read);
			matched = (read == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((read == '\r') ? 1 : 0);
			if (matched == 4) {
				return request.toString().split(" ")[1];
			}
		}
		return null;
	}

	private static String ok(String feed) {
		return "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + feed.length() + "\r\n\r\n"
				+ feed;
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}

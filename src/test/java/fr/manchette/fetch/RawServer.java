package fr.manchette.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;


/**
 * A server on loopback that writes fixed bytes to each connection once it has read a request, and counts the
 * connections: WireMock cannot stall after headers, say how many connections it was given, nor lie about a body's
 * length or encoding. Public for the tests that take such an answer through the pipeline.
 */
public final class RawServer implements AutoCloseable {

	private final ServerSocket socket;

	private final List<byte[]> answers;

	/** Closes each connection once it has written its answer, rather than wait for the client to go. */
	private final boolean closing;

	private final AtomicInteger connections = new AtomicInteger();

	private final List<String> requests = new ArrayList<>();

	/**
	 * @param answers written as the requests come: all of them after the first request, or, when {@code byRequest},
	 * one answer per request (split on "HTTP/1.1 "); then the connection stays open until the client goes
	 */
	RawServer(String answers, boolean byRequest) throws IOException {
		this(Arrays.stream(byRequest ? answers.split("(?=HTTP/1\\.1 )") : new String[] { answers })
			.map((answer) -> answer.getBytes(StandardCharsets.UTF_8))
			.toList(), false);
	}

	private RawServer(List<byte[]> answers, boolean closing) throws IOException {
		this.answers = answers;
		this.closing = closing;
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		acceptEach(this.socket, this.connections, this::answer);
	}

	/**
	 * Accepts the connections of {@code socket} until it closes, each answered on a thread of its own by
	 * {@code answer}, with its number (from 0), which {@code connections} counts.
	 */
	static void acceptEach(ServerSocket socket, AtomicInteger connections, ObjIntConsumer<Socket> answer) {
		Thread thread = new Thread(() -> {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					int connection = connections.getAndIncrement();
					Thread each = new Thread(() -> answer.accept(client, connection), "raw-connection");
					each.setDaemon(true);
					each.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "raw-server");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * A server that answers the n-th connection's request with the n-th of {@code answers} (the last one once they
	 * are used up), byte for byte, then closes the connection: a server that lies about its body or is cut off in
	 * the middle of it.
	 */
	public static RawServer closing(byte[]... answers) throws IOException {
		return new RawServer(List.of(answers), true);
	}

	/** The bytes of an answer: its head as text (each character a byte), then its body's bytes, if any. */
	public static byte[] answer(String head, byte[]... body) {
		byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
		for (byte[] part : body) {
			int start = bytes.length;
			bytes = Arrays.copyOf(bytes, start + part.length);
			System.arraycopy(part, 0, bytes, start, part.length);
		}
		return bytes;
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort() + "/rss");
	}

	AtomicInteger connections() {
		return this.connections;
	}

	/** The requests received so far, request line and headers, in their order. */
	public List<String> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	private void answer(Socket client, int connection) {
		try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
			List<byte[]> written = this.closing
					? List.of(this.answers.get(Math.min(connection, this.answers.size() - 1))) : this.answers;
			for (byte[] answer : written) {
				if (!readRequest(in)) {
					return;
				}
				out.write(answer);
				out.flush();
			}
			if (this.closing) {
				return;
			}
			// Then silence until the client goes.
			while (in.read() != -1) {
				// discard
			}
		}
		catch (IOException ex) {
			// The client went.
		}
	}

	/** Reads one request's headers (our GETs have no body); false when the client went first. */
	private boolean readRequest(InputStream in) throws IOException {
		StringBuilder request = new StringBuilder();
		int matched = 0;
		int read;
		while ((read = in.read()) != -1) {
			request.append((char) read);
			matched = (read == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((read == '\r') ? 1 : 0);
			if (matched == 4) {
				synchronized (this.requests) {
					this.requests.add(request.toString());
				}
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}

package fr.manchette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections for as long as it is held: a socket bound to it that never listens, so
 * a connection gets a reset, and no other server can take the port meanwhile. A port found free and let go before
 * the test used it was taken once by the next server started (the test's own, answering {@code 404}).
 */
public final class RefusingPort {

	private final Socket socket;

	private RefusingPort(Socket socket) {
		this.socket = socket;
	}

	/** Held until the JVM ends, as a test class's static field holds it. */
	public static RefusingPort hold() {
		Socket socket = new Socket();
		try {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new RefusingPort(socket);
	}

	public int port() {
		return this.socket.getLocalPort();
	}

}

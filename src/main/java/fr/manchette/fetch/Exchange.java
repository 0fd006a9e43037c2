package fr.manchette.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import fr.manchette.fetch.DeadlinePassed.Phase;
import org.jspecify.annotations.Nullable;

/**
 * One request and its answer on one {@link HttpURLConnection}, under a deadline for all of it: connection, headers
 * and body. The asking thread connects (under a connect timeout that never reaches past the deadline) and reads the
 * headers itself (the deadline's cut closes the socket under it); the body is read by {@link OutboundClient#WORKERS}
 * while the asking thread waits until the deadline at most. No thread of ours is ever interrupted. Close it in all
 * cases: a connection whose body was read to its end goes back to the JDK's keep-alive pool, any other is cut. The
 * service's stop cuts it too, when a worker waits for it ({@link WorkerThreads}).
 */
final class Exchange implements AutoCloseable {

	/** A body we do not need (a redirect's, an error page) is read this far to keep its connection, no further. */
	static final long DISCARD_BYTES = 64 * 1024;

	/** What a body without a declared length is first read into: a small feed, gzipped or not. */
	private static final int INITIAL_BYTES = 8 * 1024;

	private final HttpURLConnection connection;

	private final long deadline;

	private final ScheduledFuture<?> cut;

	/** Forgets the cut the service's stop would make ({@link WorkerThreads#cutOnStop}). */
	private final Runnable forgetStopCut;

	private volatile boolean timedOut;

	/** Read to its end and closed, so back in the JDK's pool; written by whichever thread read the body. */
	private volatile boolean reusable;

	private boolean discarding;

	private int status = -1;

	Exchange(HttpURLConnection connection, long deadline, ScheduledExecutorService deadlines) {
		this.connection = connection;
		this.deadline = deadline;
		this.cut = deadlines.schedule(this::cut, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		// The service's stop cuts it as the deadline would: a wait for headers ignores the interrupt.
		this.forgetStopCut = WorkerThreads.cutOnStop(this::cut);
	}

	void header(String name, String value) {
		this.connection.setRequestProperty(name, value);
	}

	/** Connects, sends the request (with {@code body}, if any) and reads the answer's status line and headers. */
	int send(byte @Nullable [] body) throws IOException {
		if (body != null) {
			this.connection.setDoOutput(true);
			// Streaming: the JDK never sends such a request twice (see OutboundClient on retries).
			this.connection.setFixedLengthStreamingMode(body.length);
		}
		try {
			this.connection.connect();
		}
		catch (SocketTimeoutException ex) {
			throw new DeadlinePassed(Phase.CONNECT, ex);
		}
		catch (IOException ex) {
			throw (this.timedOut) ? new DeadlinePassed(Phase.CONNECT, ex) : ex;
		}
		try {
			// A cut during the connection does nothing (there is no socket to close yet): look again now there is.
			if (this.timedOut || System.nanoTime() - this.deadline >= 0) {
				throw new DeadlinePassed(Phase.CONNECT, null);
			}
			if (body != null) {
				try (OutputStream out = this.connection.getOutputStream()) {
					out.write(body);
				}
			}
			this.status = this.connection.getResponseCode();
			return this.status;
		}
		catch (SocketTimeoutException ex) {
			throw new DeadlinePassed(Phase.ANSWER, ex);
		}
		catch (IOException ex) {
			throw (this.timedOut) ? new DeadlinePassed(Phase.ANSWER, ex) : ex;
		}
	}

	/** The first value the answer gives for the header {@code name}, whatever its case, or null. */
	@Nullable String header(String name) {
		// getHeaderField(name) gives the last value; the first is what java.net.http gave, and what we kept.
		List<String> values = headers(name);
		return values.isEmpty() ? null : values.get(0);
	}

	/** Every value the answer gives for the header {@code name}, whatever its case, in their order. */
	List<String> headers(String name) {
		List<String> values = new ArrayList<>();
		for (int index = 0;; index++) {
			String key = this.connection.getHeaderFieldKey(index);
			String value = this.connection.getHeaderField(index);
			if (key == null && value == null) {
				return values;
			}
			if (key != null && value != null && key.equalsIgnoreCase(name)) {
				values.add(value);
			}
		}
	}

	/** The Content-Length the answer declares, or -1. */
	long declaredLength() {
		return this.connection.getContentLengthLong();
	}

	/**
	 * Reads the body, up to {@code maxBytes}: the part read and whether that was all of it. Returns by the deadline.
	 * @throws DeadlinePassed when the body is not complete by the deadline
	 * @throws InterruptedIOException when the asking thread is interrupted while it waits
	 */
	Body body(long maxBytes) throws IOException {
		if (hasNoBody()) {
			return read(maxBytes);
		}
		Future<Body> reading = OutboundClient.WORKERS.submit(() -> read(maxBytes));
		try {
			return reading.get(Math.max(0, this.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new DeadlinePassed(Phase.BODY, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted");
		}
		catch (ExecutionException ex) {
			Throwable failure = ex.getCause();
			if (failure instanceof SocketTimeoutException || (failure instanceof IOException && this.timedOut)) {
				throw new DeadlinePassed(Phase.BODY, failure);
			}
			if (failure instanceof IOException io) {
				throw io;
			}
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(failure);
		}
	}

	/**
	 * Reads a body we do not need (a redirect's, an error page), so that its connection can serve again: a worker
	 * reads it, under the same deadline, while the asking thread goes on.
	 */
	void discard() {
		if (hasNoBody()) {
			try {
				read(0);
			}
			catch (IOException ex) {
				// Nothing was lost: the connection is closed instead of kept.
			}
			return;
		}
		this.discarding = true;
		OutboundClient.WORKERS.execute(() -> {
			try {
				read(DISCARD_BYTES);
			}
			catch (IOException ex) {
				// As above.
			}
			finally {
				finish();
			}
		});
	}

	/** The status says there is no body (RFC 9110 §6.4.1), or the headers do: reading it cannot wait. */
	private boolean hasNoBody() {
		return interim() || this.status == 304 || this.status == 204 || this.connection.getContentLengthLong() == 0;
	}

	/**
	 * A 1xx taken for the answer: before Java 20 the JDK skips only 100 Continue (JDK-8170305), so after a 103 Early
	 * Hints the real answer is still to come on the connection. It is no body of the 1xx, which has none (and no
	 * length: its "body" would end with the connection, so reading it would hold a worker and the connection until
	 * the deadline). Such a connection is never read: {@link #close()} cuts it. What we cannot reach: a 1xx that gives
	 * a Content-Length, which RFC 9110 §8.6 forbids, the JDK may put back in its pool itself, with the real answer
	 * unread (at once, before we see the status, for {@code Content-Length: 0}).
	 */
	private boolean interim() {
		return this.status >= 100 && this.status < 200;
	}

	private Body read(long maxBytes) throws IOException {
		if (interim()) {
			return new Body(new byte[0], true, false);
		}
		InputStream stream = (this.status >= 400) ? this.connection.getErrorStream() : this.connection.getInputStream();
		if (stream == null) {
			this.reusable = true;
			return new Body(new byte[0], true, false);
		}
		// One array, of the length the headers give when they give one, that grows only when the body is longer: a
		// buffer growing from nothing, copied out, with a chunk array to read into, was three times the body and 16 KB
		// of garbage for every feed of a poll round.
		long declared = this.connection.getContentLengthLong();
		long first = (declared > 0) ? declared : INITIAL_BYTES;
		byte[] bytes = new byte[(int) Math.min(first, maxBytes + 1)];
		int size = 0;
		try {
			while (true) {
				if (size == bytes.length) {
					int next = stream.read();
					if (next == -1) {
						break;
					}
					bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(2L * size, INITIAL_BYTES), maxBytes + 1));
					bytes[size++] = (byte) next;
				}
				else {
					int read = stream.read(bytes, size, bytes.length - size);
					if (read == -1) {
						break;
					}
					size += read;
				}
				if (size > maxBytes) {
					// Not closed: closing would read the rest to keep the connection, and the rest is what we refuse.
					return new Body(Arrays.copyOf(bytes, (int) maxBytes), false, false);
				}
			}
		}
		catch (IOException ex) {
			// The server closed or reset the connection within the body (a chunked body's "Premature EOF", and on newer
			// JDKs (25) a body shorter than its Content-Length too): what came is the start of it. Our own cut (the
			// deadline, the stop) stays a failure, and so does a reset before the first byte, which has words of its own.
			if (this.timedOut || ex instanceof SocketTimeoutException || (size == 0 && ex instanceof SocketException)) {
				throw ex;
			}
			return new Body(Arrays.copyOf(bytes, size), true, true);
		}
		// The JDK ends a body shorter than its Content-Length without a word: the connection was closed early.
		if (declared > size) {
			return new Body(Arrays.copyOf(bytes, size), true, true);
		}
		// Read to its end and closed: the connection goes back to the keep-alive pool.
		stream.close();
		this.reusable = true;
		return new Body((size == bytes.length) ? bytes : Arrays.copyOf(bytes, size), true, false);
	}

	private void cut() {
		this.timedOut = true;
		// Before the answer, disconnect() closes the socket at once; during a body it waits for the read to return.
		OutboundClient.WORKERS.execute(this.connection::disconnect);
	}

	@Override
	public void close() {
		this.forgetStopCut.run();
		if (!this.discarding) {
			finish();
		}
	}

	private void finish() {
		this.cut.cancel(false);
		if (!this.reusable) {
			// On a worker: disconnect() may wait for a read of ours still in progress (a body past the deadline).
			OutboundClient.WORKERS.execute(this.connection::disconnect);
		}
	}

	/**
	 * A body as read.
	 * @param complete false when there was more than the cap: {@code bytes} holds the first bytes only
	 * @param cut true when the connection ended before the body did: {@code bytes} holds what came
	 */
	record Body(byte[] bytes, boolean complete, boolean cut) {
	}

}

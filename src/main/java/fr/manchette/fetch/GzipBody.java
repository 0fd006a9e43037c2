package fr.manchette.fetch;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import fr.manchette.fetch.Exchange.Body;

/**
 * Inflates a gzip body under the same cap as the download, so that a small gzip bomb (50 MB of zeros fit in
 * 50 KB) is stopped at the cap, not once it has filled the heap.
 * <p>
 * The body is inflated into one array of the size its gzip trailer gives (every feed of a poll round is inflated:
 * growing a buffer by doubling and copying it out cost four times the body). The trailer is only a hint: a wrong
 * one (or a second member) makes the array grow, never past the cap.
 */
public final class GzipBody {

	/** Deflate's best ratio: a trailer that claims more than this per compressed byte is not believed. */
	private static final int MAX_RATIO = 1032;

	private GzipBody() {
	}

	/**
	 * The inflated body: whole, or {@link Body#cut() cut} when the gzip stream stops short (a connection closed
	 * early), holding what it inflated to before its end.
	 * @throws BodyTooLargeException as soon as the inflated bytes pass {@code maxBytes}
	 * @throws IOException when the body is not valid gzip
	 */
	static Body inflate(byte[] compressed, long maxBytes) throws IOException {
		byte[] out = new byte[firstSize(compressed, maxBytes)];
		int size = 0;
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			while (true) {
				if (size == out.length) {
					int next = in.read();
					if (next == -1) {
						return new Body(out, true, false);
					}
					out = Arrays.copyOf(out, (int) Math.min(Math.max(2L * out.length, 8 * 1024), maxBytes + 1));
					out[size++] = (byte) next;
				}
				else {
					int read = in.read(out, size, out.length - size);
					if (read == -1) {
						return new Body(Arrays.copyOf(out, size), true, false);
					}
					size += read;
				}
				if (size > maxBytes) {
					throw new BodyTooLargeException(maxBytes);
				}
			}
		}
		catch (EOFException ex) {
			// "Unexpected end of ZLIB input stream": the stream is whole up to where it stops.
			if (size == 0) {
				throw ex;
			}
			return new Body(Arrays.copyOf(out, size), true, true);
		}
	}

	/**
	 * A body that came to us rather than fetched (a hub's push) as plain bytes: inflated under the cap when it is gzip,
	 * whatever its {@code Content-Encoding} says, as a fetched body is; as it is otherwise; {@code null} when the
	 * inflated bytes pass {@code maxBytes}.
	 * @throws IOException when the body is not valid gzip, or stops short
	 */
	public static byte @Nullable [] plain(byte[] body, long maxBytes) throws IOException {
		if (!looksGzipped(body)) {
			return body;
		}
		Body inflated;
		try {
			inflated = inflate(body, maxBytes);
		}
		catch (BodyTooLargeException ex) {
			return null;
		}
		if (inflated.cut()) {
			throw new EOFException("gzip stream ends early");
		}
		return inflated.bytes();
	}

	/**
	 * Whether a body begins as gzip does (RFC 1952: 1f 8b): servers send gzip without saying so (a {@code .xml.gz}
	 * served as is), or say so of a body they left plain. No feed begins with these bytes: 1f is not an XML or JSON
	 * character.
	 */
	static boolean looksGzipped(byte[] body) {
		return body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
	}

	/** The inflated size the trailer gives (its last four bytes), held to what deflate can do and to the cap. */
	static int firstSize(byte[] compressed, long maxBytes) {
		int n = compressed.length;
		long claimed = (n < 4) ? 0 : (compressed[n - 4] & 0xFFL) | (compressed[n - 3] & 0xFFL) << 8
				| (compressed[n - 2] & 0xFFL) << 16 | (compressed[n - 1] & 0xFFL) << 24;
		return (int) Math.min(Math.min(claimed, (long) n * MAX_RATIO), Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
	}

}

package fr.manchette.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Inflates a gzip body under the same cap as the download, so that a small gzip bomb (50 MB of zeros fit in
 * 50 KB) is stopped at the cap, not once it has filled the heap.
 * <p>
 * The body is inflated into one array of the size its gzip trailer gives (every feed of a poll round is inflated:
 * growing a buffer by doubling and copying it out cost four times the body). The trailer is only a hint: a wrong
 * one (or a second member) makes the array grow, never past the cap.
 */
final class GzipBody {

	/** Deflate's best ratio: a trailer that claims more than this per compressed byte is not believed. */
	private static final int MAX_RATIO = 1032;

	private GzipBody() {
	}

	/**
	 * @throws BodyTooLargeException as soon as the inflated bytes pass {@code maxBytes}
	 * @throws IOException when the body is not valid gzip
	 */
	static byte[] inflate(byte[] compressed, long maxBytes) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			byte[] out = new byte[firstSize(compressed, maxBytes)];
			int size = 0;
			while (true) {
				if (size == out.length) {
					int next = in.read();
					if (next == -1) {
						return out;
					}
					out = Arrays.copyOf(out, (int) Math.min(Math.max(2L * out.length, 8 * 1024), maxBytes + 1));
					out[size++] = (byte) next;
				}
				else {
					int read = in.read(out, size, out.length - size);
					if (read == -1) {
						return Arrays.copyOf(out, size);
					}
					size += read;
				}
				if (size > maxBytes) {
					throw new BodyTooLargeException(maxBytes);
				}
			}
		}
	}

	/** The inflated size the trailer gives (its last four bytes), held to what deflate can do and to the cap. */
	static int firstSize(byte[] compressed, long maxBytes) {
		int n = compressed.length;
		long claimed = (n < 4) ? 0 : (compressed[n - 4] & 0xFFL) | (compressed[n - 3] & 0xFFL) << 8
				| (compressed[n - 2] & 0xFFL) << 16 | (compressed[n - 1] & 0xFFL) << 24;
		return (int) Math.min(Math.min(claimed, (long) n * MAX_RATIO), Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
	}

}

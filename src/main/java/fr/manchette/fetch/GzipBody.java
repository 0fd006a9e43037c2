package fr.manchette.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Inflates a gzip body under the same cap as the download, so that a small gzip bomb (50 MB of zeros fit in
 * 50 KB) is stopped at the cap, not once it has filled the heap.
 */
final class GzipBody {

	private GzipBody() {
	}

	/**
	 * @throws BodyTooLargeException as soon as the inflated bytes pass {@code maxBytes}
	 * @throws IOException when the body is not valid gzip
	 */
	static byte[] inflate(byte[] compressed, long maxBytes) throws IOException {
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

}

package fr.manchette.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * One variant of a published document as it goes on the wire: its bytes, encoded once, gzipped once, and its
 * headers. Serving it again is a copy of bytes.
 */
final class RenderedDocument {

	private final byte[] body;

	private final byte[] gzipped;

	private final ResponseHeaders bodyHeaders;

	private final ResponseHeaders gzippedHeaders;

	RenderedDocument(String contentType, String text, Validators validators) {
		this.body = text.getBytes(StandardCharsets.UTF_8);
		// Always, however small: the variant a client gets, and so its ETag, depends on its Accept-Encoding alone.
		this.gzipped = gzip(this.body);
		this.bodyHeaders = ResponseHeaders.of("Content-Type", contentType, "Content-Length",
				Integer.toString(this.body.length))
			.and(validators.headers(false));
		this.gzippedHeaders = ResponseHeaders.of("Content-Type", contentType, "Content-Length",
				Integer.toString(this.gzipped.length), "Content-Encoding", "gzip")
			.and(validators.headers(true));
	}

	byte[] body() {
		return this.body;
	}

	byte[] gzipped() {
		return this.gzipped;
	}

	/** The bytes a client gets: gzip if it takes it. */
	byte[] bytes(boolean gzip) {
		return gzip ? this.gzipped : this.body;
	}

	/** What goes with {@link #bytes}: media type, length, encoding, validators. */
	ResponseHeaders headers(boolean gzip) {
		return gzip ? this.gzippedHeaders : this.bodyHeaders;
	}

	/**
	 * Writes the bytes and their headers through the servlet API; for a HEAD, the headers alone, Content-Length
	 * included.
	 */
	void write(HttpServletResponse response, boolean gzip, boolean head) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		headers(gzip).setOn(response);
		if (!head) {
			response.getOutputStream().write(bytes(gzip));
		}
	}

	/**
	 * The last {@code Accept-Encoding} read and what it says: a client sends the same one each time, and most clients
	 * the same few, so the header is split and parsed once, not on every answer.
	 */
	private static volatile Gzip lastAsked = new Gzip("", false);

	/**
	 * Whether the client takes gzip: listed in {@code Accept-Encoding} with a weight above zero, as {@code gzip} or
	 * its old name {@code x-gzip} (RFC 9110 §8.4.1.3), or not listed but taken by a {@code *} above zero (§12.5.3).
	 */
	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		Gzip last = lastAsked;
		if (last.acceptEncoding().equals(acceptEncoding)) {
			return last.accepted();
		}
		boolean accepted = parse(acceptEncoding);
		lastAsked = new Gzip(acceptEncoding, accepted);
		return accepted;
	}

	private static boolean parse(String acceptEncoding) {
		Boolean any = null;
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip();
			if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
				return weighed(parts);
			}
			if (name.equals("*")) {
				any = weighed(parts);
			}
		}
		return Boolean.TRUE.equals(any);
	}

	/** Whether a coding's weight, if it says one, is above zero. */
	private static boolean weighed(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].strip();
			if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
				try {
					return Double.parseDouble(parameter.substring(2)) > 0;
				}
				catch (NumberFormatException ex) {
					return false;
				}
			}
		}
		return true;
	}

	private record Gzip(String acceptEncoding, boolean accepted) {
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}

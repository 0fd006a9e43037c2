package fr.manchette.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Response headers that do not change from one answer to the next, their names and values encoded once.
 * <p>
 * Tomcat writes a header it was given as a string through a new charset encoder, per header and per answer; given as
 * bytes, it copies them. On a cached {@code 304} on 2 cores, that encoding was an eighth of the answer's CPU.
 */
final class ResponseHeaders {

	static final ResponseHeaders NONE = new ResponseHeaders(new String[0]);

	/** Names and values in turn. */
	private final String[] text;

	private final byte[][] bytes;

	private ResponseHeaders(String[] text) {
		this.text = text;
		this.bytes = new byte[text.length][];
		for (int i = 0; i < text.length; i++) {
			// A header is ISO-8859-1 on the wire (RFC 9110 §5.5); ours are ASCII.
			this.bytes[i] = text[i].getBytes(StandardCharsets.ISO_8859_1);
		}
	}

	/** @param namesAndValues a name, its value, the next name… */
	static ResponseHeaders of(String... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("a name without a value: " + Arrays.toString(namesAndValues));
		}
		return new ResponseHeaders(namesAndValues.clone());
	}

	/** Each name and its value, in the map's order. */
	static ResponseHeaders of(Map<String, String> headers) {
		return of(headers.entrySet()
			.stream()
			.flatMap((header) -> Stream.of(header.getKey(), header.getValue()))
			.toArray(String[]::new));
	}

	/** These headers, then those. */
	ResponseHeaders and(ResponseHeaders more) {
		String[] both = Arrays.copyOf(this.text, this.text.length + more.text.length);
		System.arraycopy(more.text, 0, both, this.text.length, more.text.length);
		return new ResponseHeaders(both);
	}

	/** Through the servlet API, as Spring MVC's answers are written. */
	void setOn(HttpServletResponse response) {
		for (int i = 0; i < this.text.length; i += 2) {
			response.setHeader(this.text[i], this.text[i + 1]);
		}
	}

	/**
	 * Straight into Tomcat's headers of an answer. Names are shared (Tomcat only reads them); each value is a copy,
	 * because Tomcat keeps a header's buffer for the next answer on the connection and may write a number into it
	 * ({@code MessageBytes.setLong}, as for Content-Length).
	 */
	void addTo(MimeHeaders headers) {
		for (int i = 0; i < this.bytes.length; i += 2) {
			byte[] name = this.bytes[i];
			byte[] value = this.bytes[i + 1];
			headers.addValue(name, 0, name.length).setBytes(value.clone(), 0, value.length);
		}
	}

}

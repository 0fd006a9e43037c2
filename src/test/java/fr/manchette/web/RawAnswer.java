package fr.manchette.web;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer read off a kept-alive connection: status line, headers by lower-case name, body. The request is written
 * as given, byte for byte: no client library would send some of the paths the tests ask for.
 */
record RawAnswer(String status, Map<String, List<String>> headers, byte[] body) {

	/** A GET; @param headers more request headers, each ending in CRLF */
	static RawAnswer exchange(Socket socket, String path, String headers) throws IOException {
		return exchange(socket, "GET", path, headers);
	}

	/** @param headers more request headers, each ending in CRLF */
	static RawAnswer exchange(Socket socket, String method, String path, String headers) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost:" + socket.getPort() + "\r\n" + headers + "\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		DataInputStream in = new DataInputStream(socket.getInputStream());
		String status = line(in);
		Map<String, List<String>> read = new HashMap<>();
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			read.computeIfAbsent(header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT),
					(name) -> new ArrayList<>())
				.add(header.substring(header.indexOf(':') + 1).strip());
		}
		if (method.equals("HEAD")) {
			return new RawAnswer(status, read, new byte[0]);
		}
		if (read.containsKey("transfer-encoding")) {
			// Spring MVC's answers of unknown length: chunks, then an empty line after the last.
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
				body.write(in.readNBytes(size));
				line(in);
			}
			line(in);
			return new RawAnswer(status, read, body.toByteArray());
		}
		byte[] body = new byte[Integer.parseInt(read.getOrDefault("content-length", List.of("0")).get(0))];
		in.readFully(body);
		return new RawAnswer(status, read, body);
	}

	/** The body as text. */
	String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** One header line of an HTTP/1.1 answer, without its CRLF. */
	private static String line(DataInputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			assertThat(b).as("end of the connection").isNotNegative();
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

}

package fr.manchette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test documents of the Universal Feed Parser (Python's feedparser) in {@code shared/corpus/feedparser-tests}
 * next to the project, when it is there (CI has it; it is not copied into the repository). Each document states what
 * feedparser makes of it in a leading comment: {@code Description:}, {@code Expect:} (a Python expression over
 * feedparser's result), optional {@code Header:} lines (the HTTP headers to serve it with) and {@code SkipUnless:}.
 * See the corpus's README.
 */
public final class FeedparserCorpus {

	public static final Path ROOT = Path.of("..", "shared", "corpus", "feedparser-tests");

	private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);

	private static final Pattern FIELD = Pattern.compile("^\\s*(Description|Expect|Header|SkipUnless):\\s*(.*?)\\s*$",
			Pattern.MULTILINE);

	/** A JSON Feed states it in a {@code "__TEST__"} member, on one line, the comment's end kept. */
	private static final Pattern JSON_TEST = Pattern.compile(
			"\"__TEST__\"\\s*:\\s*\"Description:\\s*(.*?)\\s*Expect:\\s*(.*?)\\s*-->");

	private FeedparserCorpus() {
	}

	/** Whether the corpus is next to the project. */
	public static boolean present() {
		return Files.isDirectory(ROOT);
	}

	/**
	 * The documents under a folder of the corpus ({@code wellformed/rss}, {@code encoding}), sorted by path, with
	 * their stated expectation; documents without an {@code Expect:} line are left out.
	 */
	public static List<Case> under(String folder) {
		Path dir = ROOT.resolve(folder);
		try (Stream<Path> files = Files.walk(dir)) {
			List<Case> cases = new ArrayList<>();
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				Case read = read(file);
				if (read != null) {
					cases.add(read);
				}
			}
			return cases;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Case read(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		String text = new String(bytes, commentCharset(bytes));
		String name = ROOT.relativize(file).toString().replace('\\', '/');
		Matcher json = JSON_TEST.matcher(text);
		if (json.find()) {
			return new Case(name, file, bytes, json.group(1), json.group(2), List.of(), List.of());
		}
		Matcher comment = COMMENT.matcher(text);
		if (!comment.find()) {
			return null;
		}
		String description = null;
		String expect = null;
		List<String> headers = new ArrayList<>();
		List<String> skipUnless = new ArrayList<>();
		Matcher field = FIELD.matcher(comment.group(1));
		while (field.find()) {
			switch (field.group(1)) {
				case "Description" -> description = field.group(2);
				case "Expect" -> expect = field.group(2);
				case "Header" -> headers.add(field.group(2));
				default -> skipUnless.add(field.group(2));
			}
		}
		if (expect == null) {
			return null;
		}
		return new Case(name, file, bytes, description, expect, List.copyOf(headers), List.copyOf(skipUnless));
	}

	/** The comment is in the document's own encoding: the few in UTF-16 or UTF-32 show it by their first bytes. */
	private static Charset commentCharset(byte[] bytes) {
		if (bytes.length >= 4) {
			if (bytes[0] == 0 && bytes[1] == 0) {
				return Charset.forName("UTF-32BE");
			}
			if (bytes[2] == 0 && bytes[3] == 0) {
				return Charset.forName("UTF-32LE");
			}
			if (bytes[0] == 0 || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
				return StandardCharsets.UTF_16BE;
			}
			if (bytes[1] == 0 || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
				return StandardCharsets.UTF_16LE;
			}
		}
		return StandardCharsets.ISO_8859_1;
	}

	/**
	 * Decodes a Python string literal's body (what is between its quotes): {@code \xe9}, {@code \u2019},
	 * {@code \n}, {@code \t}, {@code \\}, {@code \'}, {@code \"}.
	 */
	public static String pythonString(String body) {
		StringBuilder out = new StringBuilder(body.length());
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c != '\\' || i + 1 == body.length()) {
				out.append(c);
				continue;
			}
			char escape = body.charAt(++i);
			switch (escape) {
				case 'x' -> {
					out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
					i += 2;
				}
				case 'u' -> {
					out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
					i += 4;
				}
				case 'U' -> {
					out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
					i += 8;
				}
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				default -> out.append(escape);
			}
		}
		return out.toString();
	}

	/**
	 * One document of the corpus.
	 *
	 * @param name its path under the corpus, {@code wellformed/rss/item_title.xml}
	 * @param file where it is
	 * @param bytes its bytes
	 * @param description what it checks, in a line
	 * @param expect the Python expression feedparser's result makes true
	 * @param headers HTTP headers to serve it with, as {@code Name: value}
	 * @param skipUnless the Python preconditions of the case, if any
	 */
	public record Case(String name, Path file, byte[] bytes, String description, String expect, List<String> headers,
			List<String> skipUnless) {

		/** The value of a {@code Header:} line, by name (case-insensitive), or null. */
		public String header(String headerName) {
			for (String header : this.headers) {
				int colon = header.indexOf(':');
				if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase(headerName)) {
					return header.substring(colon + 1).trim();
				}
			}
			return null;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}

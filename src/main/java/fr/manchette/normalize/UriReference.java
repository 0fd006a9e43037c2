package fr.manchette.normalize;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A URI reference split into its raw components, the fragment left out.
 * <p>
 * {@link URI} is not used for this: it refuses what feeds really send (spaces, accents, {@code %zz}) and resolves
 * some relative references by the rules of RFC 2396 ({@code "b"} against {@code http://a.com} gives
 * {@code http://a.comb}).
 *
 * @param scheme the scheme as written, null in a relative reference
 * @param authority userinfo, host and port as written, null when there is no {@code //}
 * @param path the path as written, possibly empty
 * @param query the query without its {@code ?}, null when there is no {@code ?}
 */
record UriReference(@Nullable String scheme, @Nullable String authority, String path, @Nullable String query) {

	/** Characters java.net.URI accepts in a path or query (RFC 2396 unreserved and reserved, minus brackets). */
	private static final String LEGAL = "-_.!~*'();/?:@&=+$,";

	/** The ASCII characters kept as they are: letters, digits and {@link #LEGAL}, by code. */
	private static final boolean[] KEPT = new boolean[0x80];

	static {
		for (char c = 0; c < 0x80; c++) {
			KEPT[c] = Character.isLetterOrDigit(c) || LEGAL.indexOf(c) >= 0;
		}
	}

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	static UriReference parse(String reference) {
		// The regular expression of RFC 3986 appendix B, read by hand: it ran on every link of every item.
		int length = reference.length();
		int colon = 0;
		while (colon < length && !isDelimiter(reference.charAt(colon), true)) {
			colon++;
		}
		String scheme = null;
		int i = 0;
		if (colon > 0 && colon < length && reference.charAt(colon) == ':') {
			scheme = reference.substring(0, colon);
			i = colon + 1;
		}
		if (scheme != null && !isScheme(scheme)) {
			// "2025/05/16/bilan: la suite" is a relative path with a colon in it, not a scheme.
			int question = reference.indexOf('?');
			return (question < 0) ? new UriReference(null, null, reference, null) : new UriReference(null, null,
					reference.substring(0, question), reference.substring(question + 1));
		}
		String authority = null;
		if (reference.startsWith("//", i)) {
			int end = i + 2;
			while (end < length && !isDelimiter(reference.charAt(end), false) && reference.charAt(end) != '/') {
				end++;
			}
			authority = reference.substring(i + 2, end);
			i = end;
		}
		int pathEnd = i;
		while (pathEnd < length && !isDelimiter(reference.charAt(pathEnd), false)) {
			pathEnd++;
		}
		String path = reference.substring(i, pathEnd);
		String query = null;
		if (pathEnd < length && reference.charAt(pathEnd) == '?') {
			int hash = reference.indexOf('#', pathEnd + 1);
			query = reference.substring(pathEnd + 1, (hash < 0) ? length : hash);
		}
		return new UriReference(scheme, authority, path, query);
	}

	/** {@code ?} or {@code #}, and with {@code schemeEnd} {@code :} or {@code /} too: what ends a scheme. */
	private static boolean isDelimiter(char c, boolean schemeEnd) {
		return c == '?' || c == '#' || (schemeEnd && (c == ':' || c == '/'));
	}

	/** {@code [a-zA-Z][a-zA-Z0-9+.-]*}. */
	private static boolean isScheme(String scheme) {
		for (int i = 0; i < scheme.length(); i++) {
			char c = scheme.charAt(i);
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-'))) {
				return false;
			}
		}
		return !scheme.isEmpty();
	}

	boolean isRelative() {
		return this.scheme == null;
	}

	/**
	 * The target of this reference, RFC 3986 section 5.2.2, on the base's raw components.
	 * @param base an absolute URI
	 * @return the target, or null when the base is not hierarchical
	 */
	@Nullable UriReference resolve(URI base) {
		if (this.scheme != null) {
			return this;
		}
		if (base.getScheme() == null || base.getRawAuthority() == null) {
			return null;
		}
		String basePath = (base.getRawPath() != null) ? base.getRawPath() : "";
		if (this.authority != null) {
			return new UriReference(base.getScheme(), this.authority, this.path, this.query);
		}
		if (this.path.isEmpty()) {
			String targetQuery = (this.query != null) ? this.query : base.getRawQuery();
			return new UriReference(base.getScheme(), base.getRawAuthority(), basePath, targetQuery);
		}
		if (this.path.startsWith("/")) {
			return new UriReference(base.getScheme(), base.getRawAuthority(), this.path, this.query);
		}
		String merged = basePath.isEmpty() ? "/" + this.path
				: basePath.substring(0, basePath.lastIndexOf('/') + 1) + this.path;
		return new UriReference(base.getScheme(), base.getRawAuthority(), merged, this.query);
	}

	/** RFC 3986, section 5.2.4: {@code /a/b/../c/./d} is {@code /a/c/d}. */
	static String removeDotSegments(String path) {
		return hasDotSegment(path) ? removeEachDotSegment(path) : path;
	}

	/** RFC 3986, section 5.2.4, step by step, whether the path has a dot segment or not. */
	static String removeEachDotSegment(String path) {
		String input = path;
		StringBuilder output = new StringBuilder();
		while (!input.isEmpty()) {
			if (input.startsWith("../")) {
				input = input.substring(3);
			}
			else if (input.startsWith("./")) {
				input = input.substring(2);
			}
			else if (input.startsWith("/./")) {
				input = input.substring(2);
			}
			else if (input.equals("/.")) {
				input = "/";
			}
			else if (input.startsWith("/../") || input.equals("/..")) {
				input = "/" + input.substring(input.startsWith("/../") ? 4 : 3);
				output.setLength(Math.max(output.lastIndexOf("/"), 0));
			}
			else if (input.equals(".") || input.equals("..")) {
				input = "";
			}
			else {
				int next = input.indexOf('/', input.startsWith("/") ? 1 : 0);
				int end = (next < 0) ? input.length() : next;
				output.append(input, 0, end);
				input = input.substring(end);
			}
		}
		return output.toString();
	}

	/**
	 * True when a segment of the path is {@code .} or {@code ..}: without one, removing dot segments gives the path
	 * back as it is (every other segment is copied whole), and most paths have dots only in {@code .html}.
	 */
	private static boolean hasDotSegment(String path) {
		int length = path.length();
		int start = 0;
		while (start <= length) {
			int end = path.indexOf('/', start);
			if (end < 0) {
				end = length;
			}
			int size = end - start;
			if ((size == 1 && path.charAt(start) == '.')
					|| (size == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
				return true;
			}
			start = end + 1;
		}
		return false;
	}

	/**
	 * Percent-encodes what java.net.URI would refuse (spaces, accents, emoji, a lone {@code %}), leaving every
	 * valid escape exactly as the publisher wrote it.
	 */
	static String encode(String component) {
		if (isEncoded(component)) {
			return component;
		}
		StringBuilder encoded = new StringBuilder(component.length());
		int i = 0;
		while (i < component.length()) {
			int codePoint = component.codePointAt(i);
			int width = Character.charCount(codePoint);
			if (codePoint == '%' && i + 2 < component.length() && isHex(component.charAt(i + 1))
					&& isHex(component.charAt(i + 2))) {
				encoded.append('%');
			}
			else if (codePoint < 0x80 && (Character.isLetterOrDigit(codePoint) || LEGAL.indexOf(codePoint) >= 0)) {
				encoded.append((char) codePoint);
			}
			else {
				for (byte b : component.substring(i, i + width).getBytes(StandardCharsets.UTF_8)) {
					encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
				}
			}
			i += width;
		}
		return encoded.toString();
	}

	/** True when {@link #encode(String)} gives the component back as it is: legal characters and valid escapes only. */
	private static boolean isEncoded(String component) {
		int length = component.length();
		for (int i = 0; i < length; i++) {
			char c = component.charAt(i);
			if (c == '%') {
				if (i + 2 >= length || !isHex(component.charAt(i + 1)) || !isHex(component.charAt(i + 2))) {
					return false;
				}
			}
			else if (c >= 0x80 || !KEPT[c]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHex(char c) {
		return c < 0x80 && Character.digit(c, 16) >= 0;
	}

}

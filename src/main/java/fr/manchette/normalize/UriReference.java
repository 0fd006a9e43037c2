package fr.manchette.normalize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/** RFC 3986, appendix B. */
	private static final Pattern REFERENCE = Pattern
		.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?");

	private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");

	/** Characters java.net.URI accepts in a path or query (RFC 2396 unreserved and reserved, minus brackets). */
	private static final String LEGAL = "-_.!~*'();/?:@&=+$,";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	static UriReference parse(String reference) {
		Matcher matcher = REFERENCE.matcher(reference);
		matcher.find();
		String scheme = matcher.group(1);
		if (scheme != null && !SCHEME.matcher(scheme).matches()) {
			// "2025/05/16/bilan: la suite" is a relative path with a colon in it, not a scheme.
			int question = reference.indexOf('?');
			return (question < 0) ? new UriReference(null, null, reference, null) : new UriReference(null, null,
					reference.substring(0, question), reference.substring(question + 1));
		}
		return new UriReference(scheme, matcher.group(2), matcher.group(3), matcher.group(4));
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
		if (!path.contains(".")) {
			return path;
		}
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
	 * Percent-encodes what java.net.URI would refuse (spaces, accents, emoji, a lone {@code %}), leaving every
	 * valid escape exactly as the publisher wrote it.
	 */
	static String encode(String component) {
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

	private static boolean isHex(char c) {
		return c < 0x80 && Character.digit(c, 16) >= 0;
	}

}

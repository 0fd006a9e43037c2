package fr.manchette.normalize;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Gives a link the one spelling under which the same article is recognised across feeds and polls.
 * <p>
 * Works on the raw string (RFC 3986, appendix B) rather than {@link URI}, which refuses what feeds really send
 * (spaces, accents, {@code %zz}) and resolves some relative references wrongly (RFC 2396 rules).
 */
public final class LinkCanonicalizer {

	/** RFC 3986, appendix B. */
	private static final Pattern REFERENCE = Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?");

	private static final Pattern EDGES = Pattern.compile("^[\\x00-\\x20\\u00A0\\uFEFF]+|[\\x00-\\x20\\u00A0\\uFEFF]+$");

	private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");

	private static final Pattern ASCII_SPACE = Pattern.compile("[ \\f]");

	private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");

	private static final Pattern HOST = Pattern.compile("[a-z0-9._~!$&'()*+,;=%-]+|\\[[0-9a-f:.]+\\]");

	/** Click and campaign identifiers: they change with each newsletter or share, never with the article. */
	private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid",
			"mc_eid", "igshid", "xtor", "xtref", "ref_src", "_ga", "cmpid", "ocid");

	/** Characters java.net.URI accepts in a path or query (RFC 2396 unreserved and reserved, minus brackets). */
	private static final String LEGAL = "-_.!~*'();/?:@&=+$,";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private LinkCanonicalizer() {
	}

	/**
	 * The canonical form of a link: absolute, http(s), lower-case scheme and host, no default port, no fragment,
	 * no tracking parameters.
	 * @param link the link as the feed wrote it, possibly relative, or null
	 * @param base the URL against which a relative link is resolved (the feed's URL)
	 * @return the canonical link, or empty when there is none or it is not an http(s) URL
	 */
	public static Optional<URI> canonical(@Nullable String link, URI base) {
		if (link == null) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(canonicalOrNull(link, base));
		}
		catch (RuntimeException ex) {
			// Garbage in a feed is data, not a failure: the item simply has no link.
			return Optional.empty();
		}
	}

	private static @Nullable URI canonicalOrNull(String link, URI base) {
		String cleaned = prepare(link);
		if (cleaned.isEmpty()) {
			return null;
		}
		Reference reference = Reference.parse(cleaned);
		if (reference.scheme() == null && reference.authority() == null && ASCII_SPACE.matcher(cleaned).find()) {
			// Spaces in a relative link mean words ("Lire la suite"), not a path worth resolving.
			return null;
		}
		Reference absolute = (reference.scheme() != null) ? reference : resolve(reference, base);
		if (absolute == null || absolute.scheme() == null || absolute.authority() == null) {
			return null;
		}
		String scheme = absolute.scheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return null;
		}
		String authority = canonicalAuthority(absolute.authority(), scheme);
		if (authority == null) {
			return null;
		}
		String path = encode(removeDotSegments(absolute.path()));
		StringBuilder url = new StringBuilder(scheme).append("://").append(authority);
		url.append(path.isEmpty() ? "/" : path);
		String query = (absolute.query() != null) ? withoutTracking(encode(absolute.query())) : "";
		if (!query.isEmpty()) {
			url.append('?').append(query);
		}
		try {
			return new URI(url.toString());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * Trims the link the way browsers do (WHATWG URL), drops the fragment, and undoes the {@code &amp;} that
	 * feeds escaping their XML twice leave in query strings.
	 */
	private static String prepare(String link) {
		String trimmed = TAB_OR_NEWLINE.matcher(EDGES.matcher(link).replaceAll("")).replaceAll("");
		int hash = trimmed.indexOf('#');
		String withoutFragment = (hash >= 0) ? trimmed.substring(0, hash) : trimmed;
		return withoutFragment.replace("&amp;", "&");
	}

	/** RFC 3986, section 5.2.2, on the base's raw components. */
	private static @Nullable Reference resolve(Reference reference, URI base) {
		if (base.getScheme() == null || base.getRawAuthority() == null) {
			return null;
		}
		String basePath = (base.getRawPath() != null) ? base.getRawPath() : "";
		if (reference.authority() != null) {
			return new Reference(base.getScheme(), reference.authority(), reference.path(), reference.query());
		}
		if (reference.path().isEmpty()) {
			String query = (reference.query() != null) ? reference.query() : base.getRawQuery();
			return new Reference(base.getScheme(), base.getRawAuthority(), basePath, query);
		}
		if (reference.path().startsWith("/")) {
			return new Reference(base.getScheme(), base.getRawAuthority(), reference.path(), reference.query());
		}
		String merged = basePath.isEmpty() ? "/" + reference.path()
				: basePath.substring(0, basePath.lastIndexOf('/') + 1) + reference.path();
		return new Reference(base.getScheme(), base.getRawAuthority(), merged, reference.query());
	}

	/** RFC 3986, section 5.2.4. */
	private static String removeDotSegments(String path) {
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
				int last = output.lastIndexOf("/");
				output.setLength(Math.max(last, 0));
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

	private static @Nullable String canonicalAuthority(String authority, String scheme) {
		int at = authority.lastIndexOf('@');
		String userInfo = (at >= 0) ? authority.substring(0, at + 1) : "";
		String hostAndPort = authority.substring(at + 1);
		int colon = hostAndPort.lastIndexOf(':');
		if (colon >= 0 && hostAndPort.indexOf(']', colon) >= 0) {
			colon = -1;
		}
		String host = (colon >= 0) ? hostAndPort.substring(0, colon) : hostAndPort;
		String port = (colon >= 0) ? hostAndPort.substring(colon + 1) : "";
		host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		if (!HOST.matcher(host).matches()) {
			return null;
		}
		if (!port.isEmpty()) {
			if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) > 65535) {
				return null;
			}
			int number = Integer.parseInt(port);
			boolean isDefault = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
			port = isDefault ? "" : ":" + number;
		}
		return encode(userInfo) + host + port;
	}

	private static String withoutTracking(String query) {
		StringJoiner kept = new StringJoiner("&");
		for (String parameter : query.split("&")) {
			if (parameter.isEmpty()) {
				continue;
			}
			int equals = parameter.indexOf('=');
			String name = ((equals >= 0) ? parameter.substring(0, equals) : parameter).toLowerCase(Locale.ROOT);
			boolean tracking = name.startsWith("utm_") || name.startsWith("at_") || TRACKING_PARAMETERS.contains(name);
			if (!tracking) {
				kept.add(parameter);
			}
		}
		return kept.toString();
	}

	/**
	 * Percent-encodes what java.net.URI would refuse (spaces, accents, emoji, a lone {@code %}), leaving every
	 * valid escape exactly as the publisher wrote it.
	 */
	private static String encode(String component) {
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
		return Character.digit(c, 16) >= 0 && c < 0x80;
	}

	/** A URI reference split into its raw components; the fragment was dropped before. */
	private record Reference(@Nullable String scheme, @Nullable String authority, String path,
			@Nullable String query) {

		static Reference parse(String reference) {
			Matcher matcher = REFERENCE.matcher(reference);
			if (!matcher.find()) {
				return new Reference(null, null, reference, null);
			}
			String scheme = matcher.group(1);
			if (scheme != null && !SCHEME.matcher(scheme).matches()) {
				// "2025/05/16/Bilan: la suite" is a relative path with a colon, not a scheme.
				int question = reference.indexOf('?');
				return (question < 0) ? new Reference(null, null, reference, null)
						: new Reference(null, null, reference.substring(0, question), reference.substring(question + 1));
			}
			String path = (matcher.group(3) != null) ? matcher.group(3) : "";
			return new Reference(scheme, matcher.group(2), path, matcher.group(4));
		}

	}

}

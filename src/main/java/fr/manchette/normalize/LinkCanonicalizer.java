package fr.manchette.normalize;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Gives a link the one spelling under which the same article is recognised across feeds and polls: absolute,
 * http(s), lower-case scheme and host, no default port, no fragment, no tracking parameters.
 */
public final class LinkCanonicalizer {

	/*
	 * What browsers trim around a URL (WHATWG URL), plus the no-break spaces and BOMs that CMSs let through: the edges
	 * ^[\x00-\x20\u00A0\uFEFF]+|[\x00-\x20\u00A0\uFEFF]+$, read by trimmed(String).
	 */

	/** What browsers drop anywhere in a URL (WHATWG URL). */
	private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");

	private static final Pattern SPACE = Pattern.compile("[ \\f]");

	private static final Pattern HOST = Pattern.compile("[a-z0-9._~!$&'()*+,;=%-]+|\\[[0-9a-f:.]+\\]");

	/** Click and campaign identifiers: they change with each newsletter or share, never with the article. */
	private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid",
			"mc_eid", "igshid", "xtor", "xtref", "ref_src", "_ga", "cmpid", "ocid");

	private static final Set<String> TRACKING_PREFIXES = Set.of("utm_", "at_");

	private LinkCanonicalizer() {
	}

	/**
	 * The canonical form of a link.
	 * @param link the link as the feed wrote it, possibly relative, or null
	 * @param base the URL against which a relative link is resolved (the feed's URL)
	 * @return the canonical link, or empty when there is none or it is not an http(s) URL
	 */
	public static Optional<URI> canonical(@Nullable String link, URI base) {
		return spelled(link, base, true);
	}

	/**
	 * The address a browser asks for when a page links to {@code link} (WHATWG URL): trimmed, resolved, the host in
	 * ASCII (IDN), a space in the path or query as {@code %20} and any other character a URI refuses percent-encoded
	 * as UTF-8, the fragment dropped. Unlike {@link #canonical}, every query parameter is kept, and a relative link
	 * with a space is a path like any other: the address of a document, a feed say, not the identity of an article.
	 * @param link an {@code href} as written
	 * @param base the page's address (or its {@code <base href>})
	 * @return the address, or empty when it is not an http(s) one
	 */
	public static Optional<URI> address(@Nullable String link, URI base) {
		return spelled(link, base, false);
	}

	/**
	 * An address as an operator types it (a command's argument), taken as a browser's address bar takes it:
	 * {@code https://} when it names no scheme ({@code le360.ma}), a host in any script in ASCII (IDN), spelled as
	 * {@link #address} spells a link.
	 * @return empty when it is not an http(s) address
	 */
	public static Optional<URI> typed(String address) {
		String trimmed = address.trim();
		String withScheme = SCHEME.matcher(trimmed).lookingAt() ? trimmed : "https://" + trimmed;
		return spelled(withScheme, NO_BASE, false);
	}

	/**
	 * A scheme, as an address typed with one starts ({@code https://}, {@code mailto:}); not a host and its port
	 * ({@code localhost:8080}).
	 */
	private static final Pattern SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*:(?!\\d)");

	/** What a relative address is resolved against when there is nothing to resolve it against: nothing. */
	private static final URI NO_BASE = URI.create("about:blank");

	private static Optional<URI> spelled(@Nullable String link, URI base, boolean article) {
		if (link == null) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(canonicalOrNull(link, base, article));
		}
		catch (RuntimeException ex) {
			// Garbage in a feed is data, not a failure: the item simply has no link.
			return Optional.empty();
		}
	}

	private static @Nullable URI canonicalOrNull(String link, URI base, boolean article) {
		String prepared = prepare(link);
		if (prepared.isEmpty()) {
			return null;
		}
		UriReference reference = UriReference.parse(prepared);
		if (article && reference.isRelative() && reference.authority() == null && SPACE.matcher(prepared).find()) {
			// Spaces in a relative link are words ("Lire la suite"), not a path worth resolving.
			return null;
		}
		UriReference target = reference.resolve(base);
		if (target == null || target.scheme() == null || target.authority() == null) {
			return null;
		}
		String scheme = target.scheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return null;
		}
		String authority = AUTHORITIES.get().canonical(target.authority(), scheme);
		if (authority == null) {
			return null;
		}
		String path = UriReference.encode(UriReference.removeDotSegments(target.path()));
		StringBuilder url = new StringBuilder(scheme).append("://").append(authority);
		url.append(path.isEmpty() ? "/" : path);
		String query = (target.query() == null) ? ""
				: article ? withoutTracking(UriReference.encode(target.query())) : UriReference.encode(target.query());
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
	 * Trims the link, drops the fragment (franceinfo's {@code #xtor=RSS-3-[lestitres]}), and undoes the
	 * {@code &amp;} that feeds escaping their XML twice leave in query strings.
	 */
	private static String prepare(String link) {
		String trimmed = withoutTabsOrNewlines(trimmed(link));
		int hash = trimmed.indexOf('#');
		String withoutFragment = (hash >= 0) ? trimmed.substring(0, hash) : trimmed;
		return withoutFragment.replace("&amp;", "&");
	}

	/**
	 * What replacing the edges pattern above by "" gives, without a regex: the leading run, and the trailing run
	 * that ends the text or comes just before a final line terminator that is not in the set ({@code $} matches
	 * there too).
	 */
	static String trimmed(String link) {
		int length = link.length();
		int start = 0;
		while (start < length && isEdge(link.charAt(start))) {
			start++;
		}
		int last = length;
		if (length > start) {
			char end = link.charAt(length - 1);
			if (end == '\u0085' || end == '\u2028' || end == '\u2029') {
				last = length - 1;
			}
		}
		int cut = last;
		while (cut > start && isEdge(link.charAt(cut - 1))) {
			cut--;
		}
		if (start == 0 && cut == length) {
			return link;
		}
		return link.substring(start, cut) + link.substring(last, length);
	}

	private static boolean isEdge(char c) {
		return c <= '\u0020' || c == '\u00A0' || c == '\uFEFF';
	}

	/** What {@code TAB_OR_NEWLINE.matcher(text).replaceAll("")} gives. */
	static String withoutTabsOrNewlines(String text) {
		if (text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return TAB_OR_NEWLINE.matcher(text).replaceAll("");
	}

	/**
	 * The canonical authorities of this thread's last links: a feed's links share a handful of hosts, each once made
	 * into IDN, lower case and checked. Only what was computed without an exception is kept, so the answer, or the
	 * exception, is the same as without the cache.
	 */
	private static final ThreadLocal<RecentAuthorities> AUTHORITIES = ThreadLocal.withInitial(RecentAuthorities::new);

	private static final class RecentAuthorities extends LinkedHashMap<String, String> {

		private static final int SIZE = 64;

		/** The canonical form of an authority that has none: a link to drop. */
		private static final String NONE = new String("none");

		RecentAuthorities() {
			super(SIZE * 2, 0.75f, true);
		}

		@Nullable String canonical(String authority, String scheme) {
			String key = scheme + "://" + authority;
			String known = get(key);
			if (known == null) {
				String computed = canonicalAuthority(authority, scheme);
				known = (computed != null) ? computed : NONE;
				put(key, known);
			}
			return (known == NONE) ? null : known;
		}

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > SIZE;
		}

	}

	private static @Nullable String canonicalAuthority(String authority, String scheme) {
		int at = authority.lastIndexOf('@');
		String userInfo = (at >= 0) ? authority.substring(0, at + 1) : "";
		String hostAndPort = authority.substring(at + 1);
		int colon = hostAndPort.lastIndexOf(':');
		if (colon >= 0 && hostAndPort.indexOf(']', colon) >= 0) {
			// The colon belongs to an IPv6 literal, there is no port.
			colon = -1;
		}
		String host = (colon >= 0) ? hostAndPort.substring(0, colon) : hostAndPort;
		String port = (colon >= 0) ? hostAndPort.substring(colon + 1) : "";
		host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		if (!HOST.matcher(host).matches()) {
			return null;
		}
		if (!port.isEmpty()) {
			if (port.length() > 5 || !port.chars().allMatch((c) -> c >= '0' && c <= '9')
					|| Integer.parseInt(port) > 65535) {
				return null;
			}
			int number = Integer.parseInt(port);
			boolean isDefault = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
			port = isDefault ? "" : ":" + number;
		}
		return UriReference.encode(userInfo) + host + port;
	}

	/**
	 * A summary's link without its tracking parameters: those of its query, and its fragment when that holds
	 * nothing else (franceinfo's {@code #xtor=RSS-3-[lestitres]}). The rest stays as written, a fragment that points
	 * within the page too: such a link is followed by a reader, not compared with others as an item's link is.
	 * @param link an absolute link, as the cleaner writes it
	 */
	static String withoutTrackingParameters(String link) {
		int hash = link.indexOf('#');
		int end = (hash >= 0) ? hash : link.length();
		int question = link.indexOf('?');
		if (question < 0 || question > end) {
			question = end;
		}
		String query = (question < end) ? link.substring(question + 1, end) : "";
		String keptQuery = withoutTracking(query);
		String fragment = (hash >= 0) ? link.substring(hash + 1) : "";
		boolean trackingFragment = !fragment.isEmpty() && withoutTracking(fragment).isEmpty();
		if (keptQuery.length() == query.length() && !trackingFragment) {
			return link;
		}
		StringBuilder kept = new StringBuilder(link.length()).append(link, 0, question);
		if (!keptQuery.isEmpty()) {
			kept.append('?').append(keptQuery);
		}
		if (hash >= 0 && !trackingFragment) {
			kept.append('#').append(fragment);
		}
		return kept.toString();
	}

	/** Drops tracking parameters; the others keep their order and their encoding, which the server may rely on. */
	private static String withoutTracking(String query) {
		StringJoiner kept = new StringJoiner("&");
		for (String parameter : query.split("&")) {
			if (!parameter.isEmpty() && !isTracking(parameter)) {
				kept.add(parameter);
			}
		}
		return kept.toString();
	}

	private static boolean isTracking(String parameter) {
		int equals = parameter.indexOf('=');
		String name = ((equals >= 0) ? parameter.substring(0, equals) : parameter).toLowerCase(Locale.ROOT);
		return TRACKING_PARAMETERS.contains(name) || TRACKING_PREFIXES.stream().anyMatch(name::startsWith);
	}

}

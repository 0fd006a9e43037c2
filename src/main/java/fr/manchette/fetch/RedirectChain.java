package fr.manchette.fetch;

import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.manchette.fetch.FetchOutcome.Failed;
import org.jspecify.annotations.Nullable;

/**
 * The hops of one fetch, followed by us rather than by the HTTP client so that we can cap them, spot a loop, check
 * where each one points, and tell a permanent move (which the source should adopt) from a temporary one.
 */
final class RedirectChain {

	/** RFC 9110 §15.4 leaves the limit to the client; a feed behind more than five hops is broken or a trap. */
	static final int MAX_REDIRECTS = 5;

	private static final int MAX_PORT = 65_535;

	private final URI origin;

	private final AddressPolicy policy;

	/** The hops requested so far: each address with the cookies sent to it ({@link #hop(URI)}). */
	private final Set<String> visited = new HashSet<>();

	private final ChainCookies cookies = new ChainCookies();

	private URI current;

	private int redirects;

	private boolean permanent = true;

	RedirectChain(URI origin, AddressPolicy policy) {
		this.origin = origin;
		this.policy = policy;
		this.current = origin;
		this.visited.add(hop(withoutFragment(origin)));
	}

	static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	/** The address to request next. */
	URI current() {
		return this.current;
	}

	/** Keeps the cookies that the answer from {@link #current()} set, for the next hops to its host. */
	void setCookies(List<String> setCookies) {
		this.cookies.set(this.current, setCookies);
	}

	/** The {@code Cookie} header of the request to {@link #current()}, or null. */
	@Nullable String cookie() {
		return this.cookies.header(this.current);
	}

	private String hop(URI address) {
		String cookie = this.cookies.header(address);
		return (cookie != null) ? address + " " + cookie : address.toString();
	}

	/**
	 * Moves on to where a redirect points.
	 * @return why the chain stops here, or {@code null} when {@link #current()} is the next address to request
	 */
	@Nullable Failed follow(int status, @Nullable String location) {
		if (location == null || location.isBlank()) {
			return new Failed(FailureKind.HTTP_STATUS, FetchDetail.REDIRECT_WITHOUT_LOCATION.with(status));
		}
		URI target = resolve(location);
		if (target == null) {
			return new Failed(FailureKind.HTTP_STATUS, FetchDetail.UNREADABLE_LOCATION.with(status, location));
		}
		String scheme = target.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return new Failed(FailureKind.HTTP_STATUS, FetchDetail.OTHER_SCHEME.with(status, scheme));
		}
		// An https → http hop is followed on purpose: many French sites still send their feed's https address to a
		// plain-http one, and a feed is public anyway. The address policy below still applies to it.
		// The same address asked for again with a cookie it set is no loop: it is how a cookie wall lets one in.
		if (!this.visited.add(hop(target))) {
			return new Failed(FailureKind.TOO_MANY_REDIRECTS, FetchDetail.REDIRECT_LOOP.with(target));
		}
		if (this.redirects == MAX_REDIRECTS) {
			return new Failed(FailureKind.TOO_MANY_REDIRECTS, FetchDetail.TOO_MANY_REDIRECTS.with(MAX_REDIRECTS));
		}
		try {
			String refusal = this.policy.refusal(this.origin, target);
			if (refusal != null) {
				return new Failed(FailureKind.BLOCKED_ADDRESS, refusal);
			}
		}
		catch (UnknownHostException ex) {
			return new Failed(FailureKind.NETWORK, FetchDetail.REDIRECT_TO_UNKNOWN_HOST.with(target.getHost()));
		}
		this.redirects++;
		this.permanent &= (status == 301 || status == 308);
		this.current = target;
		return null;
	}

	/** The address to poll from now on: the end of the chain, when every hop on the way was permanent. */
	@Nullable URI movedTo() {
		return (this.redirects > 0 && this.permanent) ? this.current : null;
	}

	/** Resolves a Location header against the current address (RFC 9110 §10.2.2 allows a relative one). */
	private @Nullable URI resolve(String location) {
		// Browsers send a raw space as %20; some CMSs put one in their Location, so we do as browsers do.
		String escaped = readAsUtf8(location).trim().replace(" ", "%20");
		try {
			URI base = this.current;
			if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
				// URI.resolve drops the slash between an empty base path and a relative reference (JDK-4666701).
				base = base.resolve("/");
			}
			URI target = withoutFragment(escaped.startsWith("?") ? withQuery(base, escaped) : base.resolve(escaped));
			// URI takes any number for a port; the connection would throw on one past 65535.
			return (target.isAbsolute() && target.getHost() != null && target.getPort() <= MAX_PORT)
					? belowTheRoot(target) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A header's text as its sender wrote it: HTTP headers are bytes, which the JDK reads one a character
	 * (ISO-8859-1), while a server that writes {@code /actualité} in its Location writes it in UTF-8, as browsers read
	 * it. Read as ISO-8859-1, it would be asked for as {@code /actualitÃ©}. Bytes that are no UTF-8 stay as read.
	 */
	static String readAsUtf8(String header) {
		boolean ascii = true;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c > 0xFF) {
				return header;
			}
			ascii &= (c < 0x80);
		}
		if (ascii) {
			return header;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return header;
		}
	}

	/**
	 * RFC 3986 §5.2.4 drops a {@code ..} that would climb above the root ({@code ../flux} from {@code /rss} is
	 * {@code /flux}, as browsers ask for it); URI.resolve, written to RFC 2396, keeps it in the path it sends.
	 */
	private static URI belowTheRoot(URI target) {
		String path = target.getRawPath();
		String kept = path;
		while (kept.startsWith("/../") || kept.equals("/..")) {
			kept = kept.substring(3);
		}
		if (kept.equals(path)) {
			return target;
		}
		String query = (target.getRawQuery() != null) ? "?" + target.getRawQuery() : "";
		return URI.create(target.getScheme() + "://" + target.getRawAuthority() + (kept.isEmpty() ? "/" : kept) + query);
	}

	/** RFC 3986 §5.2.2 keeps the path for a query-only reference; URI.resolve, written to RFC 2396, drops it. */
	private static URI withQuery(URI base, String query) {
		String text = base.toString();
		int end = text.indexOf('?');
		if (end < 0) {
			end = text.indexOf('#');
		}
		return URI.create(((end < 0) ? text : text.substring(0, end)) + query);
	}

	/** A fragment never reaches the server, so two addresses that differ only by one are the same hop. */
	private static URI withoutFragment(URI uri) {
		String text = uri.toString();
		int hash = text.indexOf('#');
		return (hash < 0) ? uri : URI.create(text.substring(0, hash));
	}

}

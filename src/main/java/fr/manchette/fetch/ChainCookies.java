package fr.manchette.fetch;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The cookies that the hops of one fetch set, sent back on its next hops to the host that set them, and forgotten
 * with the fetch. Some sites answer a first visit with a cookie and a redirect to the same address, and serve the feed
 * only to a request that sends the cookie back: a wall against clients that keep no cookie. Nothing is kept from one
 * fetch to the next, so a poll stays anonymous and a CDN's cache keeps answering it.
 */
final class ChainCookies {

	/** By host, in the order they were set: name → value. */
	private final Map<String, Map<String, String>> byHost = new HashMap<>();

	/**
	 * Keeps what a hop's {@code Set-Cookie} headers set: the name and value before the first {@code ;} (RFC 6265
	 * §5.2); an empty value removes the cookie. Its attributes (path, expiry) do not matter within one fetch.
	 */
	void set(URI from, List<String> setCookies) {
		if (from.getHost() == null) {
			return;
		}
		for (String header : setCookies) {
			String pair = header.split(";", 2)[0];
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? "" : pair.substring(0, equals).strip();
			if (name.isEmpty()) {
				continue;
			}
			String value = pair.substring(equals + 1).strip();
			Map<String, String> cookies = this.byHost.computeIfAbsent(host(from), (host) -> new LinkedHashMap<>());
			if (value.isEmpty()) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
	}

	/** The {@code Cookie} header of a request to {@code to}, or null when its host set none. */
	@Nullable String header(URI to) {
		Map<String, String> cookies = (to.getHost() != null) ? this.byHost.get(host(to)) : null;
		if (cookies == null || cookies.isEmpty()) {
			return null;
		}
		return cookies.entrySet()
			.stream()
			.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	private static String host(URI uri) {
		return uri.getHost().toLowerCase(Locale.ROOT);
	}

}

package fr.manchette.discover;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.normalize.LinkCanonicalizer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code feed} URI scheme that browsers once handed to feed readers, which sites still announce feeds with:
 * {@code feed://site.example/rss} names {@code http://site.example/rss} (the reader was to ask over http), and
 * {@code feed:https://site.example/rss} the address after {@code feed:}.
 */
final class FeedScheme {

	private static final Pattern FEED = Pattern.compile("(?is)feed:(//.+|https?://.+)");

	private FeedScheme() {
	}

	/**
	 * The http(s) address an operator gives or a list names, as a browser's address bar takes it
	 * ({@link LinkCanonicalizer#typed}: {@code https://} assumed without a scheme, a host in any script by its ASCII
	 * name), a {@code feed:} one taken as the address it names; null for any other.
	 */
	static @Nullable URI typed(String address) {
		String feedScheme = httpAddress(address);
		return LinkCanonicalizer.typed((feedScheme != null) ? feedScheme : address).orElse(null);
	}

	/** The http(s) address a {@code feed:} address names; null when it is no such address. */
	static @Nullable String httpAddress(String address) {
		Matcher feed = FEED.matcher(address.strip());
		if (!feed.matches()) {
			return null;
		}
		String named = feed.group(1);
		return named.startsWith("//") ? "http:" + named : named;
	}

}

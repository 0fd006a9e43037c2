package fr.manchette.config;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's address as Manchette shows it to others (the merged feeds' {@code source}, {@code /opml},
 * {@code /sources}, {@code /api/sources}): the values of its query parameters that look like credentials
 * ({@code ?token=…}, {@code api_key}, {@code password}…) replaced by {@value #HIDDEN}. A paid or private feed carries
 * its key in its url, which feeds.yml holds for the polls; whoever reads the merged feed must not get it.
 * <p>
 * Only the query is looked at: a key written into the path ({@code /rss/abc123/}) cannot be told from a path, and
 * is shown as it is.
 */
public final class ShownUrl {

	/** What a hidden value reads as. */
	public static final String HIDDEN = "***";

	/** A parameter of the query: its name, then its value. */
	private static final Pattern PARAMETER = Pattern.compile("(?<=[?&])([^=&#\\s]+)=([^&#\\s]*)");

	/** Names that are a credential whole, once lowercased and without '-' or '_'. */
	private static final Set<String> NAMES = Set.of("auth", "pass", "pwd", "sig", "signature", "sid", "session",
			"sessionid", "jsessionid", "hmac");

	/** Endings that make a name a credential ({@code access_token}, {@code apiKey}, {@code client_secret}). */
	private static final String[] ENDINGS = { "token", "key", "secret", "password", "passwd" };

	private ShownUrl() {
	}

	/**
	 * The url with the values of credential-like query parameters hidden; the rest as it is. Also for a message that
	 * ends with a url or holds one between spaces (a redirect loop's), where a query cannot hold a space.
	 */
	public static String of(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return url;
		}
		int fragment = url.indexOf('#', query);
		Matcher parameter = PARAMETER.matcher(url);
		parameter.region(query, (fragment < 0) ? url.length() : fragment);
		StringBuilder shown = new StringBuilder(url.length());
		int from = 0;
		while (parameter.find()) {
			if (parameter.end(2) > parameter.start(2) && isCredential(parameter.group(1))) {
				shown.append(url, from, parameter.start(2)).append(HIDDEN);
				from = parameter.end(2);
			}
		}
		return (from == 0) ? url : shown.append(url, from, url.length()).toString();
	}

	static boolean isCredential(String name) {
		String plain = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		if (NAMES.contains(plain)) {
			return true;
		}
		for (String ending : ENDINGS) {
			if (plain.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

}

package fr.manchette.config;

import java.util.ArrayList;
import java.util.List;
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
		Matcher parameter = parameters(url);
		StringBuilder shown = new StringBuilder();
		int from = 0;
		while (parameter.find()) {
			if (parameter.end(2) > parameter.start(2) && isCredential(parameter.group(1))) {
				shown.append(url, from, parameter.start(2)).append(HIDDEN);
				from = parameter.end(2);
			}
		}
		return (from == 0) ? url : shown.append(url, from, url.length()).toString();
	}

	/**
	 * The names of the query parameters whose value reads {@value #HIDDEN}: an address as Manchette shows it (its
	 * {@code /opml}), of no use to poll until the value is written back in. Empty for an address to poll.
	 */
	public static List<String> hiddenNames(String url) {
		Matcher parameter = parameters(url);
		List<String> names = new ArrayList<>();
		while (parameter.find()) {
			if (parameter.group(2).equals(HIDDEN)) {
				names.add(parameter.group(1));
			}
		}
		return List.copyOf(names);
	}

	/** The parameters of the url's query, between its '?' and its fragment: none when it has no query. */
	private static Matcher parameters(String url) {
		int query = url.indexOf('?');
		int fragment = (query < 0) ? -1 : url.indexOf('#', query);
		Matcher parameter = PARAMETER.matcher(url);
		return (query < 0) ? parameter.region(0, 0)
				: parameter.region(query, (fragment < 0) ? url.length() : fragment);
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

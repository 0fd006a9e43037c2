package fr.manchette.config;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Binds {@code feeds}, the list of sources, each problem reported with the source's index and id: the fields of each
 * source, its defaults from the {@code poll} block, and the rules across sources (unique ids, http/https only).
 */
final class SourcesBinder {

	/** A url's scheme and user info, the user info ending at its last {@code @} before the host. */
	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#]*@");

	static final List<String> SOURCE_KEYS = List.of("id", "name", "url", "category", "interval", "enabled", "type",
			"select", "enrich", "adaptive", "max-interval", "drop", "keep", "languages");

	private final List<String> problems;

	private final IntervalBounds intervals;

	private final PollDefaults defaults;

	private final ZoneId timezone;

	/** The index of the first source with each id. */
	private final Map<String, Integer> firstIndexOfId = new HashMap<>();

	/**
	 * @param problems where each problem is added
	 * @param defaults the file's {@code poll} block
	 * @param timezone the file's {@code timezone}, the default of each {@code select} block's
	 */
	SourcesBinder(List<String> problems, IntervalBounds intervals, PollDefaults defaults, ZoneId timezone) {
		this.problems = problems;
		this.intervals = intervals;
		this.defaults = defaults;
		this.timezone = timezone;
	}

	/** @return the sources without a problem, in file order (the caller refuses the file if there is any) */
	List<Source> bind(@Nullable Object value) {
		if (value != null && !(value instanceof List)) {
			this.problems.add("feeds: must be a list of sources, each starting with \"- id:\" (found "
					+ MappingReader.describe(value) + ")");
			return List.of();
		}
		List<?> entries = (value != null) ? (List<?>) value : List.of();
		if (entries.isEmpty()) {
			this.problems.add("feeds: at least one source is required");
			return List.of();
		}
		List<Source> sources = new ArrayList<>();
		for (int index = 0; index < entries.size(); index++) {
			Object entry = entries.get(index);
			if (entry instanceof Map<?, ?> mapping) {
				Source source = source(index, mapping);
				if (source != null) {
					sources.add(source);
				}
			}
			else {
				this.problems.add("feeds[" + index + "]: must be a mapping with the keys "
						+ String.join(", ", SOURCE_KEYS) + " (found " + MappingReader.describe(entry) + ")");
			}
		}
		return sources;
	}

	private @Nullable Source source(int index, Map<?, ?> mapping) {
		int problemsBefore = this.problems.size();
		Object rawId = mapping.get("id");
		boolean hasId = rawId instanceof String || rawId instanceof Number;
		String where = "feeds[" + index + "]" + (hasId ? " (id \"" + rawId.toString().trim() + "\")" : "") + ": ";
		MappingReader source = new MappingReader(mapping, where, this.problems);
		source.rejectUnknownKeys(SOURCE_KEYS);
		String id = id(source, index);
		String name = source.text("name", true);
		URI url = url(source);
		String category = source.text("category", false);
		Duration interval = this.intervals.interval(source);
		Boolean enabled = source.bool("enabled");
		SourceType type = type(source);
		Boolean enrich = source.bool("enrich");
		Boolean adaptive = source.bool("adaptive");
		Duration maxInterval = this.intervals.maxInterval(source);
		TickerSelectors select = null;
		if (type == SourceType.HTML) {
			select = new TickerSelectorsBinder(source, this.timezone).bind(source.value("select"));
		}
		else if (type == SourceType.FEED || source.value("type") == null) {
			// A feed, said or by default: selectors and article pages are for pages without one.
			if (mapping.containsKey("select")) {
				source.problem("select is only for type html (this source is a feed; add \"type: html\" to read a "
						+ "page with CSS selectors)");
			}
			if (Boolean.TRUE.equals(enrich)) {
				source.problem("enrich is only for type html (this source is a feed)");
			}
		}
		EditorialRules rules = new EditorialRulesBinder(source).bind();
		if (this.problems.size() > problemsBefore || id == null || name == null || url == null) {
			return null;
		}
		return new Source(id, name, url, category, (interval != null) ? interval : this.defaults.interval(),
				(enabled != null) ? enabled : true, (type != null) ? type : SourceType.FEED, select,
				(enrich != null) ? enrich : false, (adaptive != null) ? adaptive : this.defaults.adaptive(),
				(maxInterval != null) ? maxInterval : this.defaults.maxInterval(), rules);
	}

	/** The id, of the right shape and not already used by an earlier source. */
	private @Nullable String id(MappingReader source, int index) {
		String id = source.text("id", true);
		if (id == null) {
			return null;
		}
		if (!Source.ID.matcher(id).matches()) {
			source.problem("id \"" + id + "\" must be 1 to 64 lowercase letters, digits, '-', '_' or '.', "
					+ "starting with a letter or a digit");
		}
		else {
			Integer first = this.firstIndexOfId.putIfAbsent(id, index);
			if (first != null) {
				source.problem("id \"" + id + "\" is already used by feeds[" + first + "]");
			}
		}
		return id;
	}

	private static @Nullable URI url(MappingReader source) {
		String text = source.text("url", true);
		if (text == null) {
			return null;
		}
		// Messages are logged and shown: they never repeat a password.
		String shown = USER_INFO.matcher(text).replaceFirst("$1…@");
		URI url;
		try {
			url = new URI(text);
		}
		catch (URISyntaxException ex) {
			source.problem("url \"" + shown + "\" " + (!text.contains("://")
					? "must be absolute, starting with https:// or http://"
					: "is not a valid URL (" + ((text.indexOf(' ') >= 0) ? "a space is written %20" : ex.getReason())
							+ ")"));
			return null;
		}
		if (url.getScheme() == null) {
			source.problem("url \"" + shown + "\" must be absolute, starting with https:// or http://");
			return null;
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			source.problem("url \"" + shown + "\" must be http or https");
			return null;
		}
		if (!shown.equals(text)) {
			// The fetcher sends no credentials, and the url is shown on /sources, /api/sources and in the OPML.
			source.problem("url \"" + shown + "\" must not hold a user name or password (Manchette sends none, and "
					+ "shows every source's url)");
			return null;
		}
		if (url.getHost() == null && url.getRawAuthority() != null) {
			// java.net.URI takes no host in letters outside ASCII (an IDN, élysée.fr): its ASCII form is the host.
			url = withAsciiHost(url);
		}
		if (url.getHost() == null) {
			// java.net.URI gives no host for a host name it refuses (an underscore, say), not only for none.
			source.problem("url \"" + shown + "\" "
					+ ((url.getRawAuthority() != null) ? "has an invalid host \"" + url.getRawAuthority() + "\""
							: "has no host"));
			return null;
		}
		if (url.getPort() == 0 || url.getPort() > 65_535) {
			source.problem("url \"" + shown + "\" has an invalid port " + url.getPort() + " (1 to 65535)");
			return null;
		}
		if (url.toASCIIString().length() > Source.MAX_URL_LENGTH) {
			source.problem("url is too long (" + url.toASCIIString().length() + " characters, at most "
					+ Source.MAX_URL_LENGTH + ")");
			return null;
		}
		return url;
	}

	/** The url with its host in ASCII (Punycode), or as it is if that gives no valid host either. */
	private static URI withAsciiHost(URI url) {
		String authority = url.getRawAuthority();
		int colon = authority.lastIndexOf(':');
		boolean port = colon > 0 && authority.substring(colon + 1).chars().allMatch(Character::isDigit);
		String host = port ? authority.substring(0, colon) : authority;
		try {
			String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES) + (port ? authority.substring(colon) : "");
			String rest = url.getRawSchemeSpecificPart().substring(2 + authority.length());
			URI converted = new URI(url.getScheme() + "://" + ascii + rest
					+ ((url.getRawFragment() != null) ? "#" + url.getRawFragment() : ""));
			return (converted.getHost() != null) ? converted : url;
		}
		catch (IllegalArgumentException | URISyntaxException ex) {
			return url;
		}
	}

	private static @Nullable SourceType type(MappingReader source) {
		String text = source.text("type", false);
		if (text == null) {
			return null;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "feed" -> SourceType.FEED;
			case "html" -> SourceType.HTML;
			default -> {
				source.problem("type \"" + text + "\" is not known (use feed for RSS and Atom, or html for a page "
						+ "read with CSS selectors)");
				yield null;
			}
		};
	}

}

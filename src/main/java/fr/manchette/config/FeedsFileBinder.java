package fr.manchette.config;

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

import org.springframework.util.unit.DataSize;

/**
 * Binds the YAML tree of feeds.yml into a {@link FeedsFile}, checking every field and the rules across
 * sources (unique ids, http/https only), and collecting every problem rather than the first. Every default
 * of feeds.yml is applied here, and only here.
 */
final class FeedsFileBinder {

	static final ZoneId DEFAULT_TIMEZONE = FeedsFile.DEFAULT_TIMEZONE;

	static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

	static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

	static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

	/** The longest {@code max-interval}: however quiet, a source is looked at every day. */
	static final Duration LONGEST_MAX_INTERVAL = Duration.ofDays(1);

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private static final List<String> TOP_KEYS = List.of("timezone", "poll", "retention", "feeds", "drop", "keep",
			"languages");

	private static final List<String> POLL_KEYS = List.of("interval", "timeout", "max-size", "adaptive",
			"max-interval");

	private static final List<String> SOURCE_KEYS = List.of("id", "name", "url", "category", "interval", "enabled",
			"type", "select", "enrich", "adaptive", "max-interval", "drop", "keep", "languages");

	private final List<String> problems = new ArrayList<>();

	private final Duration minInterval;

	private final String minIntervalText;

	FeedsFileBinder(Duration minInterval) {
		this.minInterval = minInterval;
		long seconds = minInterval.toSeconds();
		this.minIntervalText = (seconds % 60 == 0) ? (seconds / 60) + "m" : seconds + "s";
	}

	/** The problems found so far, in file order. */
	List<String> problems() {
		return this.problems;
	}

	/**
	 * @param root what SnakeYAML read, {@code null} for an empty file
	 * @return the bound file, or {@code null} if there is any problem
	 */
	@Nullable FeedsFile bind(@Nullable Object root) {
		if (root == null) {
			root = Map.of();
		}
		if (!(root instanceof Map<?, ?> mapping)) {
			this.problems.add("the file must be a mapping with the keys " + String.join(", ", TOP_KEYS) + " (found "
					+ MappingReader.describe(root) + ")");
			return null;
		}
		MappingReader top = new MappingReader(mapping, "", this.problems);
		top.rejectUnknownKeys(TOP_KEYS);
		ZoneId timezone = top.zone("timezone");
		if (timezone == null) {
			timezone = DEFAULT_TIMEZONE;
		}
		PollDefaults poll = poll(top.value("poll"));
		Duration retention = top.duration("retention");
		EditorialRules rules = new EditorialRulesBinder(top).bind();
		List<Source> feeds = feeds(top.value("feeds"), poll, timezone);
		if (!this.problems.isEmpty()) {
			return null;
		}
		return new FeedsFile(timezone, poll, (retention != null) ? retention : DEFAULT_RETENTION, feeds, rules);
	}

	private PollDefaults poll(@Nullable Object value) {
		if (value == null) {
			return PollDefaults.DEFAULTS;
		}
		if (!(value instanceof Map<?, ?> mapping)) {
			this.problems.add("poll: must be a mapping with the keys " + String.join(", ", POLL_KEYS) + " (found "
					+ MappingReader.describe(value) + ")");
			return PollDefaults.DEFAULTS;
		}
		MappingReader poll = new MappingReader(mapping, "poll: ", this.problems);
		poll.rejectUnknownKeys(POLL_KEYS);
		Duration interval = poll.duration("interval", this.minInterval, this.minIntervalText);
		Duration timeout = poll.duration("timeout", MIN_TIMEOUT, "1s");
		DataSize maxSize = poll.size("max-size");
		Boolean adaptive = poll.bool("adaptive");
		Duration maxInterval = maxInterval(poll);
		PollDefaults defaults = PollDefaults.DEFAULTS;
		return new PollDefaults((interval != null) ? interval : defaults.interval(),
				(timeout != null) ? timeout : defaults.timeout(), (maxSize != null) ? maxSize : defaults.maxSize(),
				(adaptive != null) ? adaptive : defaults.adaptive(),
				(maxInterval != null) ? maxInterval : defaults.maxInterval());
	}

	/** The ceiling of adaptive intervals: no shorter than the floor, no longer than a day. */
	private @Nullable Duration maxInterval(MappingReader reader) {
		Duration maxInterval = reader.duration("max-interval", this.minInterval, this.minIntervalText);
		if (maxInterval != null && maxInterval.compareTo(LONGEST_MAX_INTERVAL) > 0) {
			reader.problem("max-interval \"" + reader.value("max-interval") + "\" is too long (at most 24h)");
			return null;
		}
		return maxInterval;
	}

	private List<Source> feeds(@Nullable Object value, PollDefaults defaults, ZoneId timezone) {
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
		Map<String, Integer> firstIndexOfId = new HashMap<>();
		for (int index = 0; index < entries.size(); index++) {
			Object entry = entries.get(index);
			if (entry instanceof Map<?, ?> mapping) {
				Source source = source(index, mapping, defaults, timezone, firstIndexOfId);
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

	private @Nullable Source source(int index, Map<?, ?> mapping, PollDefaults defaults, ZoneId timezone,
			Map<String, Integer> firstIndexOfId) {
		int problemsBefore = this.problems.size();
		Object rawId = mapping.get("id");
		boolean hasId = rawId instanceof String || rawId instanceof Number;
		String where = "feeds[" + index + "]" + (hasId ? " (id \"" + rawId.toString().trim() + "\")" : "") + ": ";
		MappingReader source = new MappingReader(mapping, where, this.problems);
		source.rejectUnknownKeys(SOURCE_KEYS);
		String id = source.text("id", true);
		if (id != null) {
			if (!ID.matcher(id).matches()) {
				source.problem("id \"" + id + "\" must be 1 to 64 lowercase letters, digits, '-', '_' or '.', "
						+ "starting with a letter or a digit");
			}
			else {
				Integer first = firstIndexOfId.putIfAbsent(id, index);
				if (first != null) {
					source.problem("id \"" + id + "\" is already used by feeds[" + first + "]");
				}
			}
		}
		String name = source.text("name", true);
		URI url = url(source);
		String category = source.text("category", false);
		Duration interval = source.duration("interval", this.minInterval, this.minIntervalText);
		Boolean enabled = source.bool("enabled");
		SourceType type = type(source);
		Boolean enrich = source.bool("enrich");
		Boolean adaptive = source.bool("adaptive");
		Duration maxInterval = maxInterval(source);
		TickerSelectors select = null;
		if (type == SourceType.HTML) {
			select = new TickerSelectorsBinder(source, timezone).bind(source.value("select"));
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
		return new Source(id, name, url, category, (interval != null) ? interval : defaults.interval(),
				(enabled != null) ? enabled : true, (type != null) ? type : SourceType.FEED, select,
				(enrich != null) ? enrich : false, (adaptive != null) ? adaptive : defaults.adaptive(),
				(maxInterval != null) ? maxInterval : defaults.maxInterval(), rules);
	}

	private @Nullable URI url(MappingReader source) {
		String text = source.text("url", true);
		if (text == null) {
			return null;
		}
		URI url;
		try {
			url = new URI(text);
		}
		catch (URISyntaxException ex) {
			source.problem("url \"" + text + "\" is not a valid URL (" + ex.getMessage() + ")");
			return null;
		}
		if (url.getScheme() == null) {
			source.problem("url \"" + text + "\" must be absolute, starting with https:// or http://");
			return null;
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			source.problem("url \"" + text + "\" must be http or https");
			return null;
		}
		if (url.getHost() == null) {
			// java.net.URI gives no host for a host name it refuses (an underscore, say), not only for none.
			source.problem("url \"" + text + "\" "
					+ ((url.getRawAuthority() != null) ? "has an invalid host \"" + url.getRawAuthority() + "\""
							: "has no host"));
			return null;
		}
		return url;
	}

	private @Nullable SourceType type(MappingReader source) {
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

package fr.manchette.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * Reads the values of one YAML mapping (as SnakeYAML's safe constructor gives it) and reports each problem,
 * prefixed with where it is ({@code poll: }, {@code feeds[3] (id "le360"): }), instead of stopping at the
 * first one. A key that is absent or has no value reads as {@code null}, so that the caller applies its default.
 * <p>
 * Durations and sizes are parsed by Spring Boot's {@link DurationStyle} and {@link DataSize}, as the service's own
 * properties are. What is done by hand is what they do not do: refuse a bare number (which they read in their
 * smallest unit), and say which key of which source is wrong and what to write instead.
 */
final class MappingReader {

	private static final Pattern BARE_NUMBER = Pattern.compile("[+-]?\\d+");

	private static final Pattern MONTHS_OR_MINUTES = Pattern.compile("[+-]?\\d+M");

	private static final String DURATION_EXAMPLES = "15m, 1h, 30s";

	private static final String SIZE_EXAMPLES = "10MB, 512KB";

	/** Where each key of feeds.yml goes, for one written where it does not: a source's timeout, a file's url. */
	private static final Map<String, String> PLACES = places();

	private final Map<?, ?> mapping;

	private final String where;

	private final List<String> problems;

	/**
	 * @param where prefix of every message, e.g. {@code "poll: "}; empty at the top level
	 */
	MappingReader(Map<?, ?> mapping, String where, List<String> problems) {
		this.mapping = mapping;
		this.where = where;
		this.problems = problems;
	}

	/** The prefix of this mapping's messages, e.g. {@code "feeds[3] (id \"le360\"): "}. */
	String where() {
		return this.where;
	}

	/** Where problems are collected, shared with nested readers. */
	List<String> problems() {
		return this.problems;
	}

	void problem(String message) {
		this.problems.add(this.where + message);
	}

	@Nullable Object value(String key) {
		return this.mapping.get(key);
	}

	/**
	 * Reports every key not in {@code allowed}, with the closest allowed key when it looks like a typo, else where
	 * it goes when it is a key of another part of the file.
	 */
	void rejectUnknownKeys(List<String> allowed) {
		for (Object key : this.mapping.keySet()) {
			String name = String.valueOf(key);
			if (!allowed.contains(name)) {
				String closest = ClosestMatch.of(name, allowed);
				String place = PLACES.get(name);
				if (closest == null && place != null) {
					problem("key \"" + name + "\" does not go here but " + place + " (allowed here: "
							+ String.join(", ", allowed) + ")");
					continue;
				}
				problem("unknown key \"" + name + "\" (allowed: " + String.join(", ", allowed) + ")"
						+ ((closest != null) ? "; did you mean \"" + closest + "\"?" : ""));
			}
		}
	}

	private static Map<String, String> places() {
		Map<String, String> places = new HashMap<>();
		for (String key : List.of("id", "name", "url", "category", "enabled", "type", "select", "enrich")) {
			places.put(key, "in a source, under feeds:");
		}
		for (String key : List.of("interval", "adaptive", "max-interval")) {
			places.put(key, "under poll: for every source, or in a source");
		}
		for (String key : List.of("timeout", "max-size")) {
			places.put(key, "under poll:, for every source");
		}
		for (String key : EditorialRulesBinder.KEYS) {
			places.put(key, "at the top of the file for every source, or in a source");
		}
		for (String key : List.of("retention", "feeds", "poll")) {
			places.put(key, "at the top of the file");
		}
		places.put("timezone", "at the top of the file (or under select: for the times of a type html page)");
		// Not title nor link: in a source, these are more likely a name or a url than a selector.
		for (String key : TickerSelectorsBinder.KEYS) {
			if (!key.equals("title") && !key.equals("link")) {
				places.putIfAbsent(key, "under select: of a type html source");
			}
		}
		return Map.copyOf(places);
	}

	/** Text, trimmed. A number is taken as its text (an id such as {@code 360}). */
	@Nullable String text(String key, boolean required) {
		Object value = value(key);
		if (value == null) {
			if (required) {
				problem(key + " is missing");
			}
			return null;
		}
		if (!(value instanceof String) && !(value instanceof Number)) {
			problem(key + " must be text (found " + describe(value) + ")");
			return null;
		}
		String text = value.toString().trim();
		if (text.isEmpty()) {
			if (required) {
				problem(key + " is blank");
			}
			return null;
		}
		int control = text.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
		if (control >= 0) {
			// A "\0" or "\a" in quotes: no XML output (the OPML, the feeds) may hold it.
			problem(key + " holds a control character (U+" + String.format("%04X", control) + ")");
			return null;
		}
		return text;
	}

	/**
	 * A positive duration in Spring Boot's style ({@code 15m}, {@code 30d}, {@code PT15M}), from {@code minimum} to
	 * {@code maximum}: every duration of feeds.yml has a longest, so that what it adds to or takes from now stays a
	 * date both stores and {@link java.time.Instant} can hold.
	 * @param minimum the shortest, or null for any positive duration
	 * @param maximum the longest, as an operator writes it ({@link Bound})
	 */
	@Nullable Duration duration(String key, @Nullable Bound minimum, Bound maximum) {
		String text = scalarWithUnit(key, "a duration", DURATION_EXAMPLES);
		if (text == null) {
			return null;
		}
		if (MONTHS_OR_MINUTES.matcher(text).matches()) {
			// DurationStyle reads M as minutes: "retention: 6M", meant as six months, would delete all but 6 minutes.
			problem(key + " \"" + text + "\" is ambiguous: write m for minutes (" + text.replace('M', 'm')
					+ "); there is no month unit, write days (180d)");
			return null;
		}
		Duration duration;
		try {
			duration = DurationStyle.detectAndParse(text);
		}
		catch (RuntimeException ex) {
			problem(key + " \"" + text + "\" is not a duration (use e.g. " + DURATION_EXAMPLES + ")");
			return null;
		}
		if (duration.isNegative() || duration.isZero()) {
			problem(key + " \"" + text + "\" must be positive");
			return null;
		}
		if (minimum != null && duration.compareTo(minimum.duration()) < 0) {
			problem(key + " \"" + text + "\" is too short (at least " + minimum.text() + ")");
			return null;
		}
		if (duration.compareTo(maximum.duration()) > 0) {
			problem(key + " \"" + text + "\" is too long (at most " + maximum.text() + ")");
			return null;
		}
		return duration;
	}

	/**
	 * A bound of a duration, and how the messages write it: {@link DurationStyle} prints every duration in one unit
	 * ({@code 60000ms}), not as an operator writes it.
	 */
	record Bound(Duration duration, String text) {

		/** In whole days, hours, minutes or seconds, the largest unit that divides it. */
		static Bound of(Duration duration) {
			long seconds = duration.toSeconds();
			String text = (duration.toNanos() % 1_000_000_000 != 0) ? duration.toMillis() + "ms"
					: (seconds == 0) ? "0s" : (seconds % 86_400 == 0) ? (seconds / 86_400) + "d"
					: (seconds % 3_600 == 0) ? (seconds / 3_600) + "h"
							: (seconds % 60 == 0) ? (seconds / 60) + "m" : seconds + "s";
			return new Bound(duration, text);
		}

	}

	/** A size such as {@code 10MB} or {@code 512KB}, positive. The unit's case does not matter. */
	@Nullable DataSize size(String key) {
		String text = scalarWithUnit(key, "a size", SIZE_EXAMPLES);
		if (text == null) {
			return null;
		}
		DataSize size;
		try {
			size = DataSize.parse(text.toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			problem(key + " \"" + text + "\" is not a size (use e.g. " + SIZE_EXAMPLES + ")");
			return null;
		}
		if (size.isNegative() || size.toBytes() == 0) {
			problem(key + " \"" + text + "\" must be positive");
			return null;
		}
		return size;
	}

	// Both parsers read a bare number in their smallest unit (15 would be 15 milliseconds): ask for the unit.
	private @Nullable String scalarWithUnit(String key, String what, String examples) {
		Object value = value(key);
		if (value == null) {
			return null;
		}
		if (value instanceof Number) {
			problem(key + " " + value + " has no unit (use e.g. " + examples + ")");
			return null;
		}
		if (!(value instanceof String string)) {
			problem(key + " must be " + what + " such as " + examples + " (found " + describe(value) + ")");
			return null;
		}
		String text = string.trim();
		if (BARE_NUMBER.matcher(text).matches()) {
			problem(key + " \"" + text + "\" has no unit (use e.g. " + examples + ")");
			return null;
		}
		return text;
	}

	/** A time zone such as {@code Africa/Casablanca}, with the closest known zone when it looks like a typo. */
	@Nullable ZoneId zone(String key) {
		String text = text(key, false);
		if (text == null) {
			return null;
		}
		try {
			return ZoneId.of(text);
		}
		catch (DateTimeException ex) {
			String closest = zoneOfCity(text);
			if (closest == null) {
				closest = ClosestMatch.of(text, ZoneId.getAvailableZoneIds());
			}
			problem(key + " \"" + text + "\" is not a known time zone (e.g. Africa/Casablanca, Europe/Paris)"
					+ ((closest != null) ? "; did you mean \"" + closest + "\"?" : ""));
			return null;
		}
	}

	/** The zone named after a city, the way people say their zone: Paris is Europe/Paris. */
	private static @Nullable String zoneOfCity(String city) {
		String name = city.strip().replace(' ', '_');
		return ZoneId.getAvailableZoneIds()
			.stream()
			.filter((zone) -> zone.indexOf('/') > 0 && zone.substring(zone.lastIndexOf('/') + 1).equalsIgnoreCase(name))
			.sorted()
			.findFirst()
			.orElse(null);
	}

	/** true or false (YAML 1.1 also reads yes/no and on/off as booleans). */
	@Nullable Boolean bool(String key) {
		Object value = value(key);
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		problem((value instanceof String) ? key + " \"" + value + "\" must be true or false"
				: key + " must be true or false (found " + describe(value) + ")");
		return null;
	}

	static String describe(@Nullable Object value) {
		if (value == null) {
			return "nothing";
		}
		if (value instanceof String string) {
			return "text \"" + string + "\"";
		}
		if (value instanceof Number) {
			return "the number " + value;
		}
		if (value instanceof Boolean) {
			return value + "; put it in quotes to use it as text";
		}
		if (value instanceof Date) {
			return "a date; put it in quotes to use it as text";
		}
		if (value instanceof Map) {
			return "a mapping";
		}
		if (value instanceof Collection) {
			return "a list";
		}
		return value.getClass().getSimpleName();
	}

}

package fr.manchette.config;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;
import org.jspecify.annotations.Nullable;

/**
 * Binds the {@code select} block of a {@code type: html} source, reporting each problem with the source and the
 * field: a selector Jsoup cannot parse, a pattern {@code java.time} cannot read, a format with nothing to read it.
 * Every selector is parsed here, so that a typo stops the start (or is refused on reload) instead of turning into
 * a source that silently matches nothing.
 */
final class TickerSelectorsBinder {

	static final List<String> KEYS = List.of("item", "title", "link", "time", "date", "summary", "image",
			"time-format", "date-format", "timezone");

	/** Pattern letters outside quotes: {@code HH'h'mm} has H, H, m and m. */
	private static final Pattern QUOTED = Pattern.compile("'[^']*'");

	private final MappingReader source;

	private final ZoneId fileTimezone;

	/**
	 * @param source the reader of the source's own mapping, whose prefix names it
	 * @param fileTimezone the file's {@code timezone}, the default of the block's
	 */
	TickerSelectorsBinder(MappingReader source, ZoneId fileTimezone) {
		this.source = source;
		this.fileTimezone = fileTimezone;
	}

	/** @return the block, or {@code null} when it is missing or has any problem (each one reported) */
	@Nullable TickerSelectors bind(@Nullable Object value) {
		if (value == null) {
			this.source.problem("select is missing: type html needs a select block with at least item and title "
					+ "(CSS selectors)");
			return null;
		}
		if (!(value instanceof Map<?, ?> mapping)) {
			this.source.problem("select must be a mapping with the keys " + String.join(", ", KEYS) + " (found "
					+ MappingReader.describe(value) + ")");
			return null;
		}
		List<String> problems = this.source.problems();
		int before = problems.size();
		MappingReader select = new MappingReader(mapping, this.source.where() + "select: ", problems);
		select.rejectUnknownKeys(KEYS);
		String item = selector(select, "item", true);
		String title = selector(select, "title", true);
		String link = selector(select, "link", false);
		String time = selector(select, "time", false);
		String date = selector(select, "date", false);
		String summary = selector(select, "summary", false);
		String image = selector(select, "image", false);
		String timeFormat = pattern(select, "time-format", "an hour (H, h, k or K)", "[HhkK]");
		String dateFormat = pattern(select, "date-format", "a day (d) and a month (M)", "d", "[ML]");
		if (timeFormat != null && time == null && date == null) {
			select.problem("time-format is set but neither time nor date says where the time is");
		}
		if (dateFormat != null && date == null) {
			select.problem("date-format is set but date does not say where the date is");
		}
		ZoneId zone = select.zone("timezone");
		if (problems.size() > before || item == null || title == null) {
			return null;
		}
		return new TickerSelectors(item, title, link, time, date, summary, image, timeFormat, dateFormat,
				(zone != null) ? zone : this.fileTimezone);
	}

	private static @Nullable String selector(MappingReader select, String key, boolean required) {
		String text = select.text(key, required);
		if (text == null) {
			return null;
		}
		try {
			QueryParser.parse(text);
			return text;
		}
		catch (SelectorParseException | IllegalArgumentException ex) {
			select.problem(key + " \"" + text + "\" is not a valid CSS selector (" + ex.getMessage() + ")");
			return null;
		}
	}

	/**
	 * A {@code java.time} pattern that says at least what it is for.
	 * @param needs what it must hold, for the message
	 * @param letters regular expressions of pattern letters that must each appear outside quotes
	 */
	private static @Nullable String pattern(MappingReader select, String key, String needs, String... letters) {
		String text = select.text(key, false);
		if (text == null) {
			return null;
		}
		try {
			DateTimeFormatter.ofPattern(text);
		}
		catch (IllegalArgumentException ex) {
			select.problem(key + " \"" + text + "\" is not a date-time pattern (" + ex.getMessage()
					+ "; e.g. HH:mm, HH'h'mm, d MMMM yyyy)");
			return null;
		}
		String unquoted = QUOTED.matcher(text).replaceAll("");
		for (String letter : letters) {
			if (!Pattern.compile(letter).matcher(unquoted).find()) {
				select.problem(key + " \"" + text + "\" must contain " + needs
						+ " (put literal text in single quotes, e.g. HH'h'mm)");
				return null;
			}
		}
		return text;
	}

}

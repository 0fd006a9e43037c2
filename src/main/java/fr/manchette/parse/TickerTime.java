package fr.manchette.parse;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.config.TickerSelectors;
import fr.manchette.parse.FrenchDates.DateRead;
import org.jspecify.annotations.Nullable;

/**
 * The instant a ticker's time and date stand for. Tickers show {@code 19:35} for today, sometimes {@code hier} or
 * {@code 16 mai 2025 à 19h35} for older items, always in the site's zone:
 * <ul>
 * <li>a relative time ({@code il y a 5 min}, {@code à l’instant}) is read against now, by {@link RelativeTime};</li>
 * <li>a date with a time is that moment in the source's zone;</li>
 * <li>a time alone is today in that zone, unless that is later than now (plus {@link #TOLERANCE}): then it was
 * yesterday, as at 00:10 for an item of 23:50; in the hour the clocks repeat, the second time it showed, once
 * past;</li>
 * <li>a date alone is the start of that day, or no time at all when it is today (the item then gets the time it was
 * first seen);</li>
 * <li>a date without a year is in the last twelve months;</li>
 * <li>without a date element, a date in the time element counts; without a time element, a time alone in the date
 * element does;</li>
 * <li>nothing readable is no time at all.</li>
 * </ul>
 * Formats, when the operator gives them, are read with French month and day names in any case; without one, dates
 * are read by {@link FrenchDates}.
 */
final class TickerTime {

	/** Clocks drift, and a site may stamp an item a few minutes ahead: not enough to make it yesterday's. */
	static final Duration TOLERANCE = Duration.ofMinutes(10);

	/** 19:35, 19h35, 19 h 35, 19H; not part of a longer number, not 16.05 (a date). */
	private static final Pattern TIME = Pattern
		.compile("(?<![\\d:])([01]?\\d|2[0-3]) ?(?:[:hH] ?([0-5]\\d)|[hH](?!\\p{L}))(?!\\d)");

	private static final Pattern FIGURE = Pattern.compile("\\d");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2007\\u2009]+");

	private final ZoneId zone;

	private final @Nullable DateTimeFormatter timeFormat;

	private final @Nullable DateTimeFormatter dateFormat;

	TickerTime(TickerSelectors select) {
		this.zone = select.timezone();
		this.timeFormat = formatter(select.timeFormat());
		this.dateFormat = formatter(select.dateFormat());
	}

	/**
	 * @param timeText the text of the item's time element, if any
	 * @param dateText the text of the item's date element, if any
	 * @param now when the page was fetched
	 * @return the instant, or {@code null} when the item shows none (it then gets the time it was first seen)
	 */
	@Nullable Instant instant(@Nullable String timeText, @Nullable String dateText, Instant now) {
		// "il y a 2 h" must not be read as 02:00: a relative time comes first, from either element.
		for (String text : new String[] { timeText, dateText }) {
			Instant relative = (text != null) ? RelativeTime.read(readable(text), now) : null;
			if (relative != null) {
				return relative;
			}
		}
		ZonedDateTime here = now.atZone(this.zone);
		LocalDate today = here.toLocalDate();
		LocalTime time = (timeText != null) ? time(readable(timeText)) : null;
		// Without a date element, the time element may show the date too ("16/05/2025 19:35").
		String dated = (dateText != null) ? dateText : timeText;
		if (dated != null) {
			String text = readable(dated);
			DateRead read = (this.dateFormat != null) ? formatted(text, this.dateFormat, today)
					: FrenchDates.read(text, today);
			if (read != null) {
				if (time == null) {
					time = (read.time() != null) ? read.time() : time(text.substring(read.end()));
				}
				if (time != null) {
					return ZonedDateTime.of(read.date(), time, this.zone).toInstant();
				}
				return read.date().equals(today) ? null : read.date().atStartOfDay(this.zone).toInstant();
			}
		}
		if (time == null && timeText == null && dateText != null) {
			// One element may show "19:35" for today's items and a date for older ones, and be the operator's date.
			time = timeAlone(readable(dateText));
		}
		if (time == null) {
			return null;
		}
		return latestShowing(today, time, now);
	}

	/**
	 * The latest moment the zone's clocks showed that time, today or else yesterday, and not still to come (beyond
	 * {@link #TOLERANCE}). In the hour the clocks repeat, a time shows twice: the second, once it is past, is the
	 * item's (seen for the first time, it is far likelier new than an hour old).
	 */
	private Instant latestShowing(LocalDate today, LocalTime time, Instant now) {
		Instant latest = now.plus(TOLERANCE);
		ZonedDateTime at = ZonedDateTime.of(today, time, this.zone).withLaterOffsetAtOverlap();
		if (at.toInstant().isAfter(latest)) {
			at = at.withEarlierOffsetAtOverlap();
		}
		if (at.toInstant().isAfter(latest)) {
			at = ZonedDateTime.of(today.minusDays(1), time, this.zone).withLaterOffsetAtOverlap();
		}
		return at.toInstant();
	}

	private @Nullable LocalTime time(String text) {
		if (this.timeFormat != null) {
			TemporalAccessor parsed = scan(text, this.timeFormat);
			return (parsed != null) ? timeOf(parsed) : null;
		}
		Matcher matcher = TIME.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		int minutes = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 0;
		return LocalTime.of(Integer.parseInt(matcher.group(1)), minutes);
	}

	/** A time with no other figure beside it ("19:35", "Publié à 18h05"): not the time of a date left unread. */
	private @Nullable LocalTime timeAlone(String text) {
		Matcher matcher = TIME.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		String around = text.substring(0, matcher.start()) + text.substring(matcher.end());
		return FIGURE.matcher(around).find() ? null : time(text);
	}

	private static @Nullable DateRead formatted(String text, DateTimeFormatter format, LocalDate today) {
		for (int start = 0; start < text.length(); start++) {
			if (!startsAWord(text, start)) {
				continue;
			}
			ParsePosition position = new ParsePosition(start);
			try {
				TemporalAccessor parsed = format.parse(text, position);
				if (!parsed.isSupported(ChronoField.DAY_OF_MONTH) || !parsed.isSupported(ChronoField.MONTH_OF_YEAR)) {
					return null;
				}
				Integer year = parsed.isSupported(ChronoField.YEAR) ? parsed.get(ChronoField.YEAR) : null;
				LocalDate date = FrenchDates.date(year, parsed.get(ChronoField.MONTH_OF_YEAR),
						parsed.get(ChronoField.DAY_OF_MONTH), today);
				return (date != null) ? new DateRead(date, timeOf(parsed), position.getIndex()) : null;
			}
			catch (DateTimeException ex) {
				// Not a date from here: try the next word.
			}
		}
		return null;
	}

	private static @Nullable LocalTime timeOf(TemporalAccessor parsed) {
		if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
			return null;
		}
		int minutes = parsed.isSupported(ChronoField.MINUTE_OF_HOUR) ? parsed.get(ChronoField.MINUTE_OF_HOUR) : 0;
		return LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY), minutes);
	}

	/** The first place in the text where the format reads something, word by word. */
	private static @Nullable TemporalAccessor scan(String text, DateTimeFormatter format) {
		for (int start = 0; start < text.length(); start++) {
			if (startsAWord(text, start)) {
				try {
					return format.parse(text, new ParsePosition(start));
				}
				catch (DateTimeException ex) {
					// Not there: try the next word.
				}
			}
		}
		return null;
	}

	private static boolean startsAWord(String text, int index) {
		return Character.isLetterOrDigit(text.charAt(index))
				&& (index == 0 || !Character.isLetterOrDigit(text.charAt(index - 1)));
	}

	private static @Nullable DateTimeFormatter formatter(@Nullable String pattern) {
		if (pattern == null) {
			return null;
		}
		// French names ("mai", "févr."), whatever their case: sites write MAI, Mai and mai.
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.FRENCH);
	}

	/** One ordinary space for every run of spaces, the no-break ones of French typography included. */
	static String spaced(String text) {
		return SPACES.matcher(text).replaceAll(" ").strip();
	}

	/** The text spaced, its figures ASCII: Arabic pages write their times « ١٩:٣٥ ». */
	private static String readable(String text) {
		return AccentFold.asciiDigits(spaced(text));
	}

}

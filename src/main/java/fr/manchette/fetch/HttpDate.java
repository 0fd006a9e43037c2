package fr.manchette.fetch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Reads an HTTP-date, as {@code Retry-After}, {@code Date} and {@code Last-Modified} carry it. */
final class HttpDate {

	/**
	 * The three forms of an HTTP-date a recipient must read (RFC 9110 §5.6.7): IMF-fixdate
	 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), and the obsolete RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}, its
	 * two-digit year from 1970 to 2069) and asctime ({@code Sun Nov  6 08:49:37 1994}, in GMT) that old servers send.
	 */
	private static final List<DateTimeFormatter> FORMS = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("EEEE, dd-MMM-")
				.appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
				.appendPattern(" HH:mm:ss 'GMT'")
				.toFormatter(Locale.US)
				.withZone(ZoneOffset.UTC),
			new DateTimeFormatterBuilder().parseCaseInsensitive()
				.appendPattern("EEE MMM ppd HH:mm:ss yyyy")
				.toFormatter(Locale.US)
				.withZone(ZoneOffset.UTC));

	/**
	 * The last text read and its instant. Every answer carries a {@code Date} that moves once a second, so the answers
	 * of a round of polls carry the same few: read anew each time, it was a sixteenth of the CPU of a round of 1000
	 * conditional GETs after a restart (their formatter runs mostly interpreted then).
	 */
	private static volatile @Nullable Read last;

	private HttpDate() {
	}

	/** The instant, or null for a text in none of the three forms. */
	static @Nullable Instant parse(String text) {
		Read known = last;
		if (known != null && known.text().equals(text)) {
			return known.instant();
		}
		Instant instant = read(text);
		if (instant != null) {
			last = new Read(text, instant);
		}
		return instant;
	}

	private static @Nullable Instant read(String text) {
		String trimmed = text.trim();
		for (DateTimeFormatter form : FORMS) {
			try {
				return ZonedDateTime.parse(trimmed, form).toInstant();
			}
			catch (DateTimeParseException notThisForm) {
				// The next form, then none.
			}
		}
		return null;
	}

	/** A text and the instant it says. */
	private record Read(String text, Instant instant) {
	}

}

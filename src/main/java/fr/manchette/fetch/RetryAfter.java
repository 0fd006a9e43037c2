package fr.manchette.fetch;

import java.time.Duration;
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

/** Reads the {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {

	/**
	 * The three forms of an HTTP-date a recipient must read (RFC 9110 §5.6.7): IMF-fixdate
	 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), and the obsolete RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}, its
	 * two-digit year from 1970 to 2069) and asctime ({@code Sun Nov  6 08:49:37 1994}, in GMT) that old servers send.
	 */
	private static final List<DateTimeFormatter> HTTP_DATES = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
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

	private RetryAfter() {
	}

	static @Nullable Duration parse(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException notSeconds) {
			Instant at = httpDate(trimmed);
			if (at == null) {
				return null;
			}
			Duration wait = Duration.between(now, at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
	}

	private static @Nullable Instant httpDate(String text) {
		for (DateTimeFormatter form : HTTP_DATES) {
			try {
				return ZonedDateTime.parse(text, form).toInstant();
			}
			catch (DateTimeParseException notThisForm) {
				// The next form, then none.
			}
		}
		return null;
	}

}

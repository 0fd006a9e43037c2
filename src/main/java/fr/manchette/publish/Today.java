package fr.manchette.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;

/**
 * Today in feeds.yml's timezone, for showing times as a French news site's "fil info" does: "19:35" today,
 * "16/05 19:35" on another day. The ticker and the sources page show them alike.
 */
record Today(ZoneId zone, LocalDate date) {

	private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("dd/MM HH:mm");

	/**
	 * RFC 3339 with the zone's offset always as {@code +HH:MM}: {@code +00:00} where the zone is at UTC (Casablanca
	 * during Ramadan, London in winter), not the {@code Z} of UTC itself, which some clients do not read.
	 */
	private static final DateTimeFormatter PUBLISHED = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.appendOffset("+HH:MM", "+00:00")
		.toFormatter();

	static Today in(ZoneId zone, Clock clock) {
		return new Today(zone, LocalDate.now(clock.withZone(zone)));
	}

	/** The instant in the zone, to the second. */
	ZonedDateTime at(Instant instant) {
		return instant.atZone(this.zone).truncatedTo(ChronoUnit.SECONDS);
	}

	/** {@code HH:mm} today, {@code dd/MM HH:mm} on another day. */
	String shown(ZonedDateTime at) {
		return (at.toLocalDate().equals(this.date) ? SAME_DAY : OTHER_DAY).format(at);
	}

	/** The date-time with its offset, e.g. {@code 2026-02-20T19:35:00+00:00}. */
	static String published(ZonedDateTime at) {
		return PUBLISHED.format(at);
	}

}

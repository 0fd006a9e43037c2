package fr.manchette.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link Instant} to JSON to the second, as {@link Instant#toString()} writes it then (ISO 8601 in UTC,
 * {@code Z}), without a {@code DateTimeFormatter}. To the second, as every date the service answers with (the feeds,
 * {@code /api/headlines}): otherwise what the store keeps would show its microseconds, and the clock its nanoseconds
 * (an admin answer), the same field in three precisions. {@code /api/sources} writes four instants per source: for a
 * thousand sources, the formatter was a fifth of the request's CPU.
 */
final class InstantJson extends StdSerializer<Instant> {

	private static final long SECONDS_PER_DAY = 86_400;

	/** 0001-01-01T00:00:00Z: from here to the end of year 9999, {@code toString} writes four digits of year, no sign. */
	private static final long FIRST = -62_135_596_800L;

	/** 10000-01-01T00:00:00Z. */
	private static final long END = 253_402_300_800L;

	InstantJson() {
		super(Instant.class);
	}

	/** The module that makes every JSON the service writes use it. */
	static SimpleModule module() {
		return new SimpleModule("manchette-instants").addSerializer(Instant.class, new InstantJson());
	}

	@Override
	public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
		char[] text = new char[20];
		int length = write(value, text);
		if (length < 0) {
			generator.writeString(value.truncatedTo(ChronoUnit.SECONDS).toString());
		}
		else {
			generator.writeString(text, 0, length);
		}
	}

	/** The instant to the second, as {@link Instant#toString()} writes it. */
	static String format(Instant instant) {
		char[] text = new char[20];
		int length = write(instant, text);
		return (length < 0) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : new String(text, 0, length);
	}

	/**
	 * Writes the instant to the second into {@code text} (20 characters at least) and returns how many it took, or -1
	 * for a year before 1 or after 9999, signed or of five digits: rare enough to leave to the JDK.
	 */
	private static int write(Instant instant, char[] text) {
		long seconds = instant.getEpochSecond();
		if (seconds < FIRST || seconds >= END) {
			return -1;
		}
		long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
		int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
		// Days to a civil date (H. Hinnant's days_from_civil, inverted): eras of 400 years starting on 1 March.
		long z = days + 719_468;
		long era = Math.floorDiv(z, 146_097);
		int dayOfEra = (int) (z - era * 146_097);
		int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		int shiftedMonth = (5 * dayOfYear + 2) / 153;
		int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
		int month = (shiftedMonth < 10) ? shiftedMonth + 3 : shiftedMonth - 9;
		int year = (int) (yearOfEra + era * 400) + ((month <= 2) ? 1 : 0);
		digits(text, 0, year, 4);
		text[4] = '-';
		digits(text, 5, month, 2);
		text[7] = '-';
		digits(text, 8, day, 2);
		text[10] = 'T';
		digits(text, 11, secondOfDay / 3_600, 2);
		text[13] = ':';
		digits(text, 14, secondOfDay / 60 % 60, 2);
		text[16] = ':';
		digits(text, 17, secondOfDay % 60, 2);
		text[19] = 'Z';
		return 20;
	}

	private static void digits(char[] text, int at, int value, int count) {
		for (int i = at + count - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

}

package fr.manchette.normalize;

import java.time.LocalTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The two shapes that nearly every feed writes its dates in, read character by character: RFC 822 as RSS writes it
 * ({@code Fri, 04 Dec 2026 23:53:13 +0100}) and ISO 8601 as Atom does ({@code 2026-12-04T23:53:13+01:00}). Folding
 * the text, splitting it and matching a regex per token was most of the garbage of normalizing an item.
 * <p>
 * Each reader takes only text that {@link PublishedDateParser}'s general reading gives the same fields for, and
 * returns null for anything else (other spacing, words, a two-digit year, a French date), which then goes the general
 * way. {@code CommonDatesTests} holds the two to the same instants.
 */
final class CommonDates {

	private CommonDates() {
	}

	/** {@code Ddd, D[D] Mmm YYYY H[H]:MM[:SS][ ZONE]}, ZONE being {@code +HHMM}, {@code -HHMM} or a named zone. */
	static @Nullable DateFields rfc822(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(3) != ',' || text.charAt(4) != ' ') {
			return null;
		}
		String dayName = lowerLetters(text, 0, 3);
		// Read as the general reading does: a zone's name before a day's (none is both, but that is for DateWords).
		if (dayName == null || DateWords.ZONES.containsKey(dayName) || !DateWords.DAY_NAMES.contains(dayName)) {
			return null;
		}
		int i = 5;
		int dayEnd = digitsEnd(text, i, 2);
		if (dayEnd == i || dayEnd >= length || text.charAt(dayEnd) != ' ') {
			return null;
		}
		int day = number(text, i, dayEnd);
		i = dayEnd + 1;
		if (i + 4 >= length || text.charAt(i + 3) != ' ') {
			return null;
		}
		String monthName = lowerLetters(text, i, i + 3);
		Integer month = (monthName == null) ? null
				: monthName.equals(DateWords.MAR) ? Integer.valueOf(3) : DateWords.MONTHS.get(monthName);
		if (month == null) {
			return null;
		}
		i += 4;
		if (digitsEnd(text, i, 4) != i + 4 || i + 4 >= length || text.charAt(i + 4) != ' ') {
			return null;
		}
		int year = number(text, i, i + 4);
		i += 5;
		int hourEnd = digitsEnd(text, i, 2);
		if (hourEnd == i || !isTwoDigitsAfter(text, hourEnd, ':')) {
			return null;
		}
		int hour = number(text, i, hourEnd);
		int minute = number(text, hourEnd + 1, hourEnd + 3);
		i = hourEnd + 3;
		int second = 0;
		if (isTwoDigitsAfter(text, i, ':')) {
			second = number(text, i + 1, i + 3);
			i += 3;
		}
		ZoneOffset zone = null;
		if (i < length) {
			if (text.charAt(i) != ' ' || i + 1 == length) {
				return null;
			}
			zone = rfc822Zone(text, i + 1);
			if (zone == null) {
				return null;
			}
		}
		return DateFields.of(year, month, day, DateFields.time(hour, minute, second, 0), zone);
	}

	/** {@code +HHMM}, {@code -HHMM} or a named zone, up to the end of the text. */
	private static @Nullable ZoneOffset rfc822Zone(String text, int start) {
		char sign = text.charAt(start);
		if (sign == '+' || sign == '-') {
			if (text.length() != start + 5 || digitsEnd(text, start + 1, 4) != start + 5) {
				return null;
			}
			return DateFields.offset(sign, number(text, start + 1, start + 3), number(text, start + 3, start + 5));
		}
		String name = lowerLetters(text, start, text.length());
		// A month's name there would be a second month to the general reading, which refuses the date.
		return (name != null && !DateWords.MONTHS.containsKey(name)) ? DateWords.ZONES.get(name) : null;
	}

	/** {@code YYYY-MM-DD[Thh:mm[:ss[.fff]]][Z|+hh[[:]mm]|-hh[[:]mm]]}, the T or Z in either case. */
	static @Nullable DateFields iso(String text) {
		int length = text.length();
		if (length < 10 || digitsEnd(text, 0, 4) != 4 || !isTwoDigitsAfter(text, 4, '-')
				|| !isTwoDigitsAfter(text, 7, '-')) {
			return null;
		}
		int year = number(text, 0, 4);
		int month = number(text, 5, 7);
		int day = number(text, 8, 10);
		int i = 10;
		LocalTime time = null;
		if (i < length && (text.charAt(i) == 'T' || text.charAt(i) == 't')) {
			if (digitsEnd(text, i + 1, 2) != i + 3 || !isTwoDigitsAfter(text, i + 3, ':')) {
				return null;
			}
			int hour = number(text, i + 1, i + 3);
			int minute = number(text, i + 4, i + 6);
			i += 6;
			int second = 0;
			int nanos = 0;
			if (isTwoDigitsAfter(text, i, ':')) {
				second = number(text, i + 1, i + 3);
				i += 3;
				// Not a comma: the general reading takes it for a separator, and the date for no ISO date.
				if (i < length && text.charAt(i) == '.') {
					int fractionEnd = digitsEnd(text, i + 1, Integer.MAX_VALUE);
					if (fractionEnd == i + 1) {
						return null;
					}
					// Nine digits at most are nanoseconds; the regex drops the others.
					int kept = Math.min(fractionEnd, i + 10);
					nanos = number(text, i + 1, kept);
					for (int scale = kept - (i + 1); scale < 9; scale++) {
						nanos *= 10;
					}
					i = fractionEnd;
				}
			}
			time = DateFields.time(hour, minute, second, nanos);
		}
		ZoneOffset zone = null;
		if (i < length) {
			zone = isoZone(text, i);
			if (zone == null) {
				return null;
			}
		}
		return DateFields.of(year, month, day, time, zone);
	}

	/** {@code Z}, {@code +hh}, {@code +hhmm} or {@code +hh:mm} (or minus), up to the end of the text. */
	private static @Nullable ZoneOffset isoZone(String text, int start) {
		int length = text.length();
		char sign = text.charAt(start);
		if (sign == 'Z' || sign == 'z') {
			return (length == start + 1) ? ZoneOffset.UTC : null;
		}
		if ((sign != '+' && sign != '-') || digitsEnd(text, start + 1, 2) != start + 3) {
			return null;
		}
		int hours = number(text, start + 1, start + 3);
		if (length == start + 3) {
			return DateFields.offset(sign, hours, 0);
		}
		int minutesStart = (text.charAt(start + 3) == ':') ? start + 4 : start + 3;
		if (length != minutesStart + 2 || digitsEnd(text, minutesStart, 2) != length) {
			return null;
		}
		return DateFields.offset(sign, hours, number(text, minutesStart, length));
	}

	/** True when {@code text} has {@code separator} at {@code at}, then two ASCII digits. */
	private static boolean isTwoDigitsAfter(String text, int at, char separator) {
		return at + 2 < text.length() && text.charAt(at) == separator && isDigit(text.charAt(at + 1))
				&& isDigit(text.charAt(at + 2));
	}

	/** Where the run of at most {@code most} ASCII digits from {@code start} ends. */
	private static int digitsEnd(String text, int start, int most) {
		int i = start;
		while (i < text.length() && i - start < most && isDigit(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int number(String text, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The ASCII letters between the two indexes in lower case, null when one of them is not an ASCII letter. */
	private static @Nullable String lowerLetters(String text, int start, int end) {
		char[] letters = new char[end - start];
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			else if (c < 'a' || c > 'z') {
				return null;
			}
			letters[i - start] = c;
		}
		return new String(letters);
	}

}

package fr.manchette.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a date says, field by field, read from folded text; fields it does not say stay null.
 */
final class DateFields {

	/** 19:35, 19:35:00, 19:35:00.000, 19h35, 19h; possibly glued to its offset. */
	private static final Pattern TIME = Pattern
		.compile("(\\d{1,2})(?::(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?|h(\\d{2})?)(z|[+-]\\d{2}:?\\d{2})?");

	/** 16/05/2025, 16.05.25, 16-05-2025 (day first, as in France), or 2025/05/16. */
	private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})");

	/** +0200, +02:00, -05, GMT+2. */
	private static final Pattern OFFSET = Pattern.compile("(?:gmt|utc|ut)?([+-])(\\d{1,2})(?::?(\\d{2}))?");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");

	/** The names of universal time, after which an offset counts from it, as in "GMT+0100". */
	private static final Set<String> UNIVERSAL = Set.of("gmt", "utc", "ut");

	private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");

	private @Nullable Integer day;

	private @Nullable Integer month;

	private @Nullable Integer year;

	private @Nullable LocalTime time;

	private @Nullable ZoneOffset zone;

	/** The zone said is GMT or UTC by name, which an offset apart may still complete: "GMT +0100". */
	private boolean universal;

	private boolean mar;

	private @Nullable String meridiem;

	/** Fields read by {@link CommonDates}: a whole date, perhaps a time, perhaps a zone. */
	static DateFields of(int year, int month, int day, @Nullable LocalTime time, @Nullable ZoneOffset zone) {
		DateFields fields = new DateFields();
		fields.year = year;
		fields.month = month;
		fields.day = day;
		fields.time = time;
		fields.zone = zone;
		return fields;
	}

	/** Fields of an ISO 8601 date matched by {@code PublishedDateParser}'s pattern. */
	static DateFields ofIso(Matcher iso) {
		DateFields fields = new DateFields();
		fields.year = Integer.parseInt(iso.group(1));
		fields.month = Integer.parseInt(iso.group(2));
		fields.day = Integer.parseInt(iso.group(3));
		if (iso.group(4) != null) {
			int seconds = (iso.group(6) != null) ? Integer.parseInt(iso.group(6)) : 0;
			String fraction = (iso.group(7) != null) ? iso.group(7) : "0";
			int nanos = Integer.parseInt((fraction + "00000000").substring(0, 9));
			fields.time = time(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)), seconds, nanos);
		}
		if (iso.group(8) != null) {
			fields.zone = offset(iso.group(8));
		}
		return fields;
	}

	/** Fields of a date written in words and numbers, in any order; null when a token is not part of a date. */
	static @Nullable DateFields ofTokens(String[] tokens) {
		DateFields fields = new DateFields();
		for (int i = 0; i < tokens.length; i++) {
			// A month of two words, as the Levant names some: « كانون الاول ».
			Integer twoWords = (i + 1 < tokens.length) ? DateWords.MONTHS.get(tokens[i] + " " + tokens[i + 1]) : null;
			if (twoWords != null ? !fields.readMonth(twoWords) : !fields.read(tokens[i])) {
				return null;
			}
			i += (twoWords != null) ? 1 : 0;
		}
		return fields;
	}

	/**
	 * The instant these fields name.
	 * @param assumedZone the zone when none was said
	 * @return the instant, or empty when the day, month or year is missing
	 * @throws DateTimeException when the fields name an impossible date or time
	 */
	Optional<Instant> toInstant(ZoneId assumedZone) {
		Integer namedMonth = (this.month == null && this.mar) ? Integer.valueOf(3) : this.month;
		if (this.day == null || namedMonth == null || this.year == null || this.year < 1900 || this.year > 2999) {
			return Optional.empty();
		}
		LocalDate date = LocalDate.of(this.year, namedMonth, this.day);
		LocalTime at = (this.time != null) ? withMeridiem(this.time) : LocalTime.MIDNIGHT;
		ZoneId in = (this.zone != null) ? this.zone : assumedZone;
		return Optional.of(LocalDateTime.of(date, at).atZone(in).toInstant());
	}

	private boolean read(String token) {
		String word = (token.length() > 1 && token.endsWith(".")) ? token.substring(0, token.length() - 1) : token;
		if (word.isEmpty() || PUNCTUATION.matcher(word).matches()) {
			return true;
		}
		if (word.chars().allMatch(Character::isLetter)) {
			return readWord(word);
		}
		Matcher matcher = TIME.matcher(word);
		if (matcher.matches()) {
			return readTime(matcher);
		}
		matcher = NUMERIC_DATE.matcher(word);
		if (matcher.matches()) {
			return readNumericDate(matcher);
		}
		matcher = OFFSET.matcher(word);
		if (matcher.matches() && !Character.isDigit(word.charAt(0))) {
			if (this.zone == null || this.universal) {
				this.zone = offset(matcher.group(1), matcher.group(2), matcher.group(3));
				this.universal = false;
			}
			return true;
		}
		return NUMBER.matcher(word).matches() && readNumber(word);
	}

	private boolean readWord(String word) {
		Integer named = DateWords.MONTHS.get(word);
		if (named != null) {
			return readMonth(named);
		}
		ZoneOffset namedZone = DateWords.ZONES.get(word);
		if (namedZone != null) {
			// "+0200 CEST": the first zone said wins, but "GMT +0100" is one zone written in two tokens.
			if (this.zone == null) {
				this.zone = namedZone;
				this.universal = UNIVERSAL.contains(word);
			}
			return true;
		}
		if (word.equals(DateWords.MAR)) {
			this.mar = true;
			return true;
		}
		if (word.equals("am") || word.equals("pm")) {
			this.meridiem = word;
			return true;
		}
		return DateWords.DAY_NAMES.contains(word) || DateWords.FILLERS.contains(word);
	}

	/** A month named: the first one only, a second makes no date. */
	private boolean readMonth(int named) {
		boolean first = this.month == null;
		this.month = named;
		return first;
	}

	private boolean readTime(Matcher matcher) {
		if (this.time != null) {
			return false;
		}
		int hour = Integer.parseInt(matcher.group(1));
		String minutes = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(4);
		int minute = (minutes != null) ? Integer.parseInt(minutes) : 0;
		int second = (matcher.group(3) != null) ? Integer.parseInt(matcher.group(3)) : 0;
		this.time = time(hour, minute, second, 0);
		if (matcher.group(5) != null) {
			this.zone = offset(matcher.group(5));
		}
		return true;
	}

	private boolean readNumericDate(Matcher matcher) {
		if (this.day != null || this.month != null || this.year != null) {
			return false;
		}
		boolean yearFirst = matcher.group(1).length() == 4;
		String dayDigits = yearFirst ? matcher.group(4) : matcher.group(1);
		this.day = Integer.parseInt(dayDigits);
		this.month = Integer.parseInt(matcher.group(3));
		this.year = year(yearFirst ? matcher.group(1) : matcher.group(4));
		return dayDigits.length() <= 2;
	}

	/** A lone number is the day if none was read yet, else the year. */
	private boolean readNumber(String digits) {
		if (this.day == null && digits.length() <= 2) {
			this.day = Integer.parseInt(digits);
			return true;
		}
		boolean yearShaped = digits.length() == 4 || (digits.length() == 2 && this.day != null);
		if (this.year == null && yearShaped) {
			this.year = year(digits);
			return true;
		}
		return false;
	}

	private LocalTime withMeridiem(LocalTime time) {
		if (this.meridiem == null) {
			return time;
		}
		if (time.getHour() < 1 || time.getHour() > 12) {
			throw new DateTimeException("Not a 12-hour time: " + time);
		}
		return time.withHour(time.getHour() % 12 + (this.meridiem.equals("pm") ? 12 : 0));
	}

	static LocalTime time(int hour, int minute, int second, int nanos) {
		// A leap second (23:59:60) is the last second of the minute to everyone but astronomers.
		return LocalTime.of(hour, minute, Math.min(second, 59), nanos);
	}

	private static int year(String digits) {
		int year = Integer.parseInt(digits);
		if (digits.length() == 2) {
			// RFC 822 years have two digits; the feeds that still write them are recent.
			return (year < 70) ? 2000 + year : 1900 + year;
		}
		if (digits.length() != 4) {
			throw new DateTimeException("Not a year: " + digits);
		}
		return year;
	}

	private static ZoneOffset offset(String text) {
		if (text.equals("z")) {
			return ZoneOffset.UTC;
		}
		Matcher matcher = OFFSET.matcher(text);
		if (!matcher.matches()) {
			throw new DateTimeException("Not an offset: " + text);
		}
		return offset(matcher.group(1), matcher.group(2), matcher.group(3));
	}

	private static ZoneOffset offset(String sign, String hours, @Nullable String minutes) {
		int m = (minutes != null) ? Integer.parseInt(minutes) : 0;
		return offset(sign.charAt(0), Integer.parseInt(hours), m);
	}

	static ZoneOffset offset(char sign, int hours, int minutes) {
		return (sign == '-') ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
	}

}

package fr.manchette.normalize;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the dates French feeds really write: RFC 822 with its variants, ISO 8601, and French prose such as
 * "ven., 16 mai 2025 19:35:00 +0200" or "Le 16/05/2025 à 19h35".
 * <p>
 * Rather than one formatter per variant, the text is folded (lower case, no accents) and read token by token,
 * so that a missing or wrong day name, a two-digit year or an extra space does not matter.
 */
public final class PublishedDateParser {

	/** ISO 8601 as RFC 3339 and W3C-DTF use it, also with a space instead of the T. */
	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})"
			+ "(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?)? ?(z|[+-]\\d{2}(?::?\\d{2})?)?");

	/** 19:35, 19:35:00, 19:35:00.000, 19h35, 19h; possibly glued to its offset. */
	private static final Pattern TIME = Pattern
		.compile("(\\d{1,2})(?::(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?|h(\\d{2})?)(z|[+-]\\d{2}:?\\d{2})?");

	/** 16/05/2025, 16.05.25, 16-05-2025 (day first, as in France), or 2025/05/16. */
	private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})");

	/** +0200, +02:00, -05, GMT+2. */
	private static final Pattern OFFSET = Pattern.compile("(?:gmt|utc|ut)?([+-])(\\d{1,2})(?::?(\\d{2}))?");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");

	private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");

	private static final Pattern ORDINAL = Pattern.compile("(\\d)(?:er|ᵉʳ)(?=\\s|$)");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z},;]+");

	private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("janv", 1),
			Map.entry("janvier", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("fev", 2),
			Map.entry("fevr", 2), Map.entry("fevrier", 2), Map.entry("february", 2), Map.entry("mars", 3),
			Map.entry("march", 3), Map.entry("apr", 4), Map.entry("avr", 4), Map.entry("avril", 4),
			Map.entry("april", 4), Map.entry("mai", 5), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("juin", 6),
			Map.entry("june", 6), Map.entry("jul", 7), Map.entry("juil", 7), Map.entry("juillet", 7),
			Map.entry("july", 7), Map.entry("aug", 8), Map.entry("aou", 8), Map.entry("aout", 8),
			Map.entry("august", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("septembre", 9),
			Map.entry("september", 9), Map.entry("oct", 10), Map.entry("octobre", 10), Map.entry("october", 10),
			Map.entry("nov", 11), Map.entry("novembre", 11), Map.entry("november", 11), Map.entry("dec", 12),
			Map.entry("decembre", 12), Map.entry("december", 12));

	/** "mar" is March in English and mardi in French; it is read as a month only when no other month is there. */
	private static final String MAR = "mar";

	private static final Set<String> DAY_NAMES = Set.of("lundi", "lun", "mardi", "mercredi", "mer",
			"jeudi", "jeu", "vendredi", "ven", "samedi", "sam", "dimanche", "dim", "mon", "monday", "tue", "tues",
			"tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday",
			"sun", "sunday");

	/** Words around a date that say nothing about it: "Le 16/05/2025 à 19h35", "16 May 2025 at 19:35". */
	private static final Set<String> FILLERS = Set.of("le", "a", "at", "de", "du", "the", "on",
			"publie", "t");

	/**
	 * RFC 822 zone names, plus the European ones French feeds use, as fixed offsets: the JDK's own guesses for
	 * these abbreviations depend on the locale and the tz database, and CST would not mean the same thing twice.
	 */
	private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(Map.entry("ut", ZoneOffset.UTC),
			Map.entry("utc", ZoneOffset.UTC), Map.entry("gmt", ZoneOffset.UTC), Map.entry("z", ZoneOffset.UTC),
			Map.entry("wet", ZoneOffset.UTC), Map.entry("west", ZoneOffset.ofHours(1)),
			Map.entry("bst", ZoneOffset.ofHours(1)), Map.entry("cet", ZoneOffset.ofHours(1)),
			Map.entry("met", ZoneOffset.ofHours(1)), Map.entry("cest", ZoneOffset.ofHours(2)),
			Map.entry("mest", ZoneOffset.ofHours(2)), Map.entry("eet", ZoneOffset.ofHours(2)),
			Map.entry("eest", ZoneOffset.ofHours(3)), Map.entry("msk", ZoneOffset.ofHours(3)),
			Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
			Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)),
			Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)),
			Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)));

	private PublishedDateParser() {
	}

	/**
	 * The instant a feed's date stands for.
	 * @param text the date as written in the feed, or null
	 * @param assumedZone the zone of a date that names none
	 * @return the instant, or empty when the text is not a date or names an impossible one
	 */
	public static Optional<Instant> parse(@Nullable String text, ZoneId assumedZone) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			String folded = fold(text);
			Matcher iso = ISO.matcher(folded);
			Fields fields = iso.matches() ? Fields.ofIso(iso) : Fields.ofTokens(folded.split(" "));
			return Optional.ofNullable(fields).flatMap((found) -> found.toInstant(assumedZone));
		}
		catch (RuntimeException ex) {
			// A date we cannot read is data: the item falls back to another date.
			return Optional.empty();
		}
	}

	/** Lower case, no accents, no RFC 822 comments, single spaces. */
	private static String fold(String text) {
		String withoutAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String lower = withoutAccents.toLowerCase(Locale.ROOT);
		String withoutComments = COMMENT.matcher(lower).replaceAll(" ");
		String spaced = SEPARATORS.matcher(withoutComments).replaceAll(" ").strip();
		return ORDINAL.matcher(spaced).replaceAll("$1");
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

	private static ZoneOffset offset(String sign, String hours, @Nullable String minutes) {
		int h = Integer.parseInt(hours);
		int m = (minutes != null) ? Integer.parseInt(minutes) : 0;
		return sign.equals("-") ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
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

	/** What the text said, field by field; null fields were not said. */
	private static final class Fields {

		private @Nullable Integer day;

		private @Nullable Integer month;

		private @Nullable Integer year;

		private @Nullable LocalTime time;

		private @Nullable ZoneOffset zone;

		private boolean mar;

		private @Nullable String meridiem;

		static Fields ofIso(Matcher iso) {
			Fields fields = new Fields();
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

		static @Nullable Fields ofTokens(String[] tokens) {
			Fields fields = new Fields();
			for (String token : tokens) {
				if (!fields.read(token)) {
					return null;
				}
			}
			return fields;
		}

		/** Reads one token; false when it cannot be part of a date. */
		private boolean read(String token) {
			String word = token.endsWith(".") && token.length() > 1 ? token.substring(0, token.length() - 1) : token;
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
			if (matcher.matches() && this.zone == null && !Character.isDigit(word.charAt(0))) {
				this.zone = offset(matcher.group(1), matcher.group(2), matcher.group(3));
				return true;
			}
			if (NUMBER.matcher(word).matches()) {
				return readNumber(word);
			}
			return false;
		}

		private boolean readWord(String word) {
			Integer named = MONTHS.get(word);
			if (named != null) {
				if (this.month != null) {
					return false;
				}
				this.month = named;
				return true;
			}
			ZoneOffset namedZone = ZONES.get(word);
			if (namedZone != null) {
				if (this.zone == null) {
					this.zone = namedZone;
				}
				return true;
			}
			if (word.equals(MAR)) {
				this.mar = true;
				return true;
			}
			if (word.equals("am") || word.equals("pm")) {
				this.meridiem = word;
				return true;
			}
			return DAY_NAMES.contains(word) || FILLERS.contains(word);
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
			this.day = Integer.parseInt(yearFirst ? matcher.group(4) : matcher.group(1));
			this.month = Integer.parseInt(matcher.group(3));
			this.year = year(yearFirst ? matcher.group(1) : matcher.group(4));
			return (yearFirst ? matcher.group(4) : matcher.group(1)).length() <= 2;
		}

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

		Optional<Instant> toInstant(ZoneId assumedZone) {
			Integer month = (this.month == null && this.mar) ? Integer.valueOf(3) : this.month;
			if (this.day == null || month == null || this.year == null || this.year < 1900 || this.year > 2999) {
				return Optional.empty();
			}
			LocalDate date = LocalDate.of(this.year, month, this.day);
			LocalTime time = (this.time != null) ? withMeridiem(this.time) : LocalTime.MIDNIGHT;
			ZoneId zone = (this.zone != null) ? this.zone : assumedZone;
			return Optional.of(LocalDateTime.of(date, time).atZone(zone).toInstant());
		}

		private LocalTime withMeridiem(LocalTime time) {
			if (this.meridiem == null) {
				return time;
			}
			if (time.getHour() < 1 || time.getHour() > 12) {
				throw new DateTimeException("Not a 12-hour time: " + time);
			}
			int hour = time.getHour() % 12 + (this.meridiem.equals("pm") ? 12 : 0);
			return time.withHour(hour);
		}

		private static LocalTime time(int hour, int minute, int second, int nanos) {
			// A leap second (23:59:60) is the last second of the minute to everyone but astronomers.
			return LocalTime.of(hour, minute, Math.min(second, 59), nanos);
		}

	}

}

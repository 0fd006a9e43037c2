package fr.manchette.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The dates French and Moroccan sites show next to their headlines, read without a format: {@code 16 mai 2025},
 * {@code 1er juin}, {@code 3 FÉVR. 2025} (months in any case, with or without accents), {@code 7 دجنبر 2026} (Arabic
 * months, Moroccan, standard or Levantine: see {@link CalendarWords}), {@code 16/05/2025}, {@code 16.05.25},
 * {@code 2025-05-16}, {@code aujourd'hui}, {@code hier} and {@code avant-hier}. Day first, as in France.
 */
final class FrenchDates {

	/** 16 mai 2025, 1er juin, 3 févr. 2025, 7 دجنبر 2026, 7 كانون الأول 2026 (a month of two words). */
	private static final Pattern WORD_DATE = Pattern
		.compile("(?<!\\d)(\\d{1,2})(?:er|ᵉʳ)? (\\p{L}+)(?: (\\p{L}+))?\\.?(?: (\\d{4}))?(?!\\d)");

	/** 16/05/2025, 16/05/25, 16/05, 16.05.2025, 16-05-2025: day first, as in France. */
	private static final Pattern NUMERIC_DATE = Pattern
		.compile("(?<!\\d)(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?(?!\\d)|(?<!\\d)(\\d{1,2})([.-])(\\d{1,2})\\5(\\d{2}|\\d{4})(?!\\d)");

	private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

	private static final Pattern RELATIVE_DAY = Pattern
		.compile("(?i)(?<!\\p{L})(?:aujourd['’ ]?hui|avant-hier|hier)(?!\\p{L})");

	/** The French and Arabic names of months, abbreviations too: « févr. » is folded to « fevr ». */
	private static final Map<String, Integer> MONTHS = Map.copyOf(CalendarWords.monthsOnPages());

	private FrenchDates() {
	}

	/** Where a date was read, and the time the same text gave with it, if the format has one. */
	record DateRead(LocalDate date, @Nullable LocalTime time, int end) {
	}

	/** The built-in readings: the earliest date in the text, in any of the forms French sites write. */
	static @Nullable DateRead read(String text, LocalDate today) {
		DateRead best = null;
		Matcher relative = RELATIVE_DAY.matcher(text);
		if (relative.find()) {
			String word = relative.group().toLowerCase(Locale.ROOT);
			int daysAgo = word.startsWith("aujourd") ? 0 : word.startsWith("avant") ? 2 : 1;
			best = new DateRead(today.minusDays(daysAgo), null, relative.end());
		}
		Matcher words = WORD_DATE.matcher(text);
		while (words.find()) {
			// A month of two words, as the Levant names some: « كانون الأول ».
			Integer twoWords = (words.group(3) != null)
					? MONTHS.get(AccentFold.fold(words.group(2) + " " + words.group(3))) : null;
			Integer month = (twoWords != null) ? twoWords : MONTHS.get(AccentFold.fold(words.group(2)));
			if (month != null) {
				// The year right after the month: not after a word that follows a month of one (« 16 mai à 2025 »).
				String year = (twoWords != null || words.group(3) == null) ? words.group(4) : null;
				best = earlier(best, read(words, year, month, words.group(1), today));
				break;
			}
		}
		Matcher numeric = NUMERIC_DATE.matcher(text);
		if (numeric.find()) {
			boolean slashes = numeric.group(1) != null;
			String day = slashes ? numeric.group(1) : numeric.group(4);
			String month = slashes ? numeric.group(2) : numeric.group(6);
			String year = slashes ? numeric.group(3) : numeric.group(7);
			best = earlier(best, read(numeric, year, Integer.parseInt(month), day, today));
		}
		Matcher iso = ISO_DATE.matcher(text);
		if (iso.find()) {
			best = earlier(best, read(iso, iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3), today));
		}
		return best;
	}

	private static @Nullable DateRead read(Matcher matcher, @Nullable String year, int month, String day,
			LocalDate today) {
		Integer fullYear = null;
		if (year != null) {
			fullYear = Integer.parseInt(year);
			fullYear += (year.length() == 2) ? 2000 : 0;
		}
		LocalDate date = date(fullYear, month, Integer.parseInt(day), today);
		return (date != null) ? new DateRead(date, null, matcher.end()) : null;
	}

	private static @Nullable DateRead earlier(@Nullable DateRead best, @Nullable DateRead candidate) {
		if (candidate == null) {
			return best;
		}
		return (best == null || candidate.end() < best.end()) ? candidate : best;
	}

	/** A date without a year is in the last twelve months: "31 déc." read on the 1st of January is last year's. */
	static @Nullable LocalDate date(@Nullable Integer year, int month, int day, LocalDate today) {
		try {
			if (year != null) {
				return LocalDate.of(year, month, day);
			}
			LocalDate date = LocalDate.of(today.getYear(), month, day);
			return date.isAfter(today) ? date.minusYears(1) : date;
		}
		catch (DateTimeException ex) {
			// 31/02, or a 29 February read in another year: not a date.
			return null;
		}
	}

}

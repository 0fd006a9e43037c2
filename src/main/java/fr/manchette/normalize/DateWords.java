package fr.manchette.normalize;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.manchette.parse.AccentFold;
import fr.manchette.parse.CalendarWords;

/**
 * The words that French, English and Arabic feeds put in dates, folded: lower case, without accents or final dot. The
 * month and day names are parse's (see {@link CalendarWords}).
 */
final class DateWords {

	/** Month names in French, English and Arabic, abbreviations too, but {@link #MAR}; some Arabic ones are two words. */
	static final Map<String, Integer> MONTHS;

	/** March in English, mardi in French: a month only when no other month is named. */
	static final String MAR = "mar";

	/** Day names (but {@link #MAR}) are ignored, since feeds often get them wrong. */
	static final Set<String> DAY_NAMES;

	static {
		Map<String, Integer> months = new HashMap<>();
		CalendarWords.MONTHS.forEach((month) -> month.words().forEach((word) -> months.put(word, month.number())));
		Set<String> days = new HashSet<>();
		CalendarWords.DAYS.forEach((day) -> days.addAll(day.words()));
		Set<String> both = new HashSet<>(days);
		both.retainAll(months.keySet());
		if (!both.equals(Set.of(MAR))) {
			throw new IllegalStateException("Month and day names shared: " + both + "; only « mar » is read as either");
		}
		months.keySet().removeAll(both);
		days.removeAll(both);
		MONTHS = Map.copyOf(months);
		DAY_NAMES = Set.copyOf(days);
	}

	/**
	 * Words around a date that say nothing about it: "Le 16/05/2025 à 19h35", "16 May 2025 at 19:35",
	 * « الإثنين 7 دجنبر 2026 على الساعة 19:35 » (on the hour), « يوم الإثنين » (on Monday), « في 19:35 » (at),
	 * « نشر بتاريخ » (published on the date). Written here as feeds write them, and folded as the dates are.
	 */
	static final Set<String> FILLERS = Stream
		.of("le", "à", "at", "de", "du", "the", "on", "publié", "t", "يوم", "على", "الساعة", "في", "نشر", "بتاريخ")
		.map(AccentFold::fold)
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * RFC 822 zone names, plus the European ones French feeds use, as fixed offsets: the JDK's own reading of
	 * these abbreviations depends on the locale and the tz database (CST is also China Standard Time).
	 */
	static final Map<String, ZoneOffset> ZONES = Map.ofEntries(Map.entry("ut", ZoneOffset.UTC),
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

	private DateWords() {
	}

}

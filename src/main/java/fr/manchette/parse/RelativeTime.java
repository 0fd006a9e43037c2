package fr.manchette.parse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The times French tickers give relative to the moment the page is read: {@code à l’instant}, {@code il y a 5 min},
 * {@code il y a une heure}, {@code il y a 1 h 30}, {@code il y a 3 jours}. Read against the fetch time, so an item's
 * time is as precise as the site's rounding ("il y a 2 heures" covers two hours to two hours fifty-nine).
 * {@code hier à 23h10} is a date and a time, read by {@link FrenchDates} and {@link TickerTime}.
 */
final class RelativeTime {

	/** « à l’instant », « maintenant », « il y a quelques secondes », « il y a moins d’une minute ». */
	private static final Pattern JUST_NOW = Pattern.compile("(?iu)(?<!\\p{L})(?:[àa] l['’ ]?instant|maintenant"
			+ "|il y a (?:quelques|qq) ?(?:secondes|sec|s)(?!\\p{L})|il y a moins d['’ ]?une? (?:minute|min))(?!\\p{L})");

	/** « il y a 5 min », « il y a une heure », « il y a 1 h 30 », « il y a 3 jours ». */
	private static final Pattern AGO = Pattern.compile("(?iu)(?<!\\p{L})il y a (\\d{1,3}|\\p{L}+) ?"
			+ "(secondes?|sec|s|minutes?|mins?|mn|m|heures?|hrs?|h|jours?|j|semaines?|sem|mois)(?!\\p{L})"
			+ "(?: ?(?:et )?(\\d{1,2}) ?(?:minutes?|mins?|mn)?(?!\\p{L}))?");

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("un", 1), Map.entry("une", 1),
			Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4), Map.entry("cinq", 5),
			Map.entry("six", 6), Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9),
			Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12), Map.entry("quinze", 15),
			Map.entry("vingt", 20), Map.entry("trente", 30));

	private RelativeTime() {
	}

	/** The instant the text stands for, read when the page was {@code fetched}; null when it shows no relative time. */
	static @Nullable Instant read(String text, Instant fetched) {
		// To the second, which no page is finer than: the store keeps no nanoseconds, and an instant that does not read
		// back as it was stored makes its item look changed at each poll.
		Instant now = fetched.truncatedTo(ChronoUnit.SECONDS);
		if (JUST_NOW.matcher(text).find()) {
			return now;
		}
		Matcher ago = AGO.matcher(text);
		if (!ago.find()) {
			return null;
		}
		String count = ago.group(1).toLowerCase(Locale.ROOT);
		Integer amount = Character.isDigit(count.charAt(0)) ? Integer.valueOf(count) : NUMBERS.get(count);
		if (amount == null) {
			// "il y a longtemps", "il y a peu": no figure to go by.
			return null;
		}
		Duration unit = unit(ago.group(2).toLowerCase(Locale.ROOT));
		Duration back = unit.multipliedBy(amount);
		if (ago.group(3) != null && unit.equals(Duration.ofHours(1))) {
			back = back.plusMinutes(Integer.parseInt(ago.group(3)));
		}
		return now.minus(back);
	}

	private static Duration unit(String word) {
		if (word.startsWith("s") && !word.startsWith("sem")) {
			return Duration.ofSeconds(1);
		}
		if (word.startsWith("m") && !word.equals("mois")) {
			return Duration.ofMinutes(1);
		}
		if (word.startsWith("h")) {
			return Duration.ofHours(1);
		}
		if (word.startsWith("j")) {
			return Duration.ofDays(1);
		}
		if (word.startsWith("sem")) {
			return Duration.ofDays(7);
		}
		return Duration.ofDays(30);
	}

}

package fr.manchette.normalize;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * The words that French and English feeds put in dates, folded: lower case, without accents or final dot.
 */
final class DateWords {

	static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("janv", 1),
			Map.entry("janvier", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("fev", 2),
			Map.entry("fevr", 2), Map.entry("fevrier", 2), Map.entry("february", 2), Map.entry("mars", 3),
			Map.entry("march", 3), Map.entry("apr", 4), Map.entry("avr", 4), Map.entry("avril", 4),
			Map.entry("april", 4), Map.entry("mai", 5), Map.entry("may", 5), Map.entry("jun", 6),
			Map.entry("juin", 6), Map.entry("june", 6), Map.entry("jul", 7), Map.entry("juil", 7),
			Map.entry("juillet", 7), Map.entry("july", 7), Map.entry("aug", 8), Map.entry("aou", 8),
			Map.entry("aout", 8), Map.entry("august", 8), Map.entry("sep", 9), Map.entry("sept", 9),
			Map.entry("septembre", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("octobre", 10),
			Map.entry("october", 10), Map.entry("nov", 11), Map.entry("novembre", 11), Map.entry("november", 11),
			Map.entry("dec", 12), Map.entry("decembre", 12), Map.entry("december", 12));

	/** March in English, mardi in French: a month only when no other month is named. */
	static final String MAR = "mar";

	/** Day names are ignored, since feeds often get them wrong. */
	static final Set<String> DAY_NAMES = Set.of("lundi", "lun", "mardi", "mercredi", "mer", "jeudi", "jeu",
			"vendredi", "ven", "samedi", "sam", "dimanche", "dim", "mon", "monday", "tue", "tues", "tuesday", "wed",
			"wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday");

	/** Words around a date that say nothing about it: "Le 16/05/2025 à 19h35", "16 May 2025 at 19:35". */
	static final Set<String> FILLERS = Set.of("le", "a", "at", "de", "du", "the", "on", "publie", "t");

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

package fr.manchette.parse;

import java.time.Instant;
import java.time.ZoneId;

import fr.manchette.config.TickerSelectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TickerTime}: what a ticker's time and date stand for, as a table. "Now" is 16 May 2025 at 21:45 in Paris
 * (19:45 UTC).
 */
class TickerTimeTests {

	private static final Instant NOW = Instant.parse("2025-05-16T19:45:00Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@ParameterizedTest(name = "time \"{0}\" date \"{1}\" → {2}")
	@CsvSource(nullValues = "-", delimiter = '|', textBlock = """
			# time alone: today, or yesterday when later than now plus ten minutes
			19:35                  | -                              | 2025-05-16T17:35:00Z
			- 19:35                | -                              | 2025-05-16T17:35:00Z
			7h05                   | -                              | 2025-05-16T05:05:00Z
			21 h 50                | -                              | 2025-05-16T19:50:00Z
			21:54                  | -                              | 2025-05-16T19:54:00Z
			21:56                  | -                              | 2025-05-15T19:56:00Z
			23:50                  | -                              | 2025-05-15T21:50:00Z
			22h                    | -                              | 2025-05-15T20:00:00Z
			Il y a longtemps       | -                              | -
			# relative times, read against now (21:45 in Paris)
			à l’instant            | -                              | 2025-05-16T19:45:00Z
			À l'instant            | -                              | 2025-05-16T19:45:00Z
			Il y a quelques secondes | -                            | 2025-05-16T19:45:00Z
			maintenant             | -                              | 2025-05-16T19:45:00Z
			il y a 30 s            | -                              | 2025-05-16T19:44:30Z
			il y a 5 min           | -                              | 2025-05-16T19:40:00Z
			Publié il y a 12 minutes | -                            | 2025-05-16T19:33:00Z
			il y a une minute      | -                              | 2025-05-16T19:44:00Z
			il y a 2 heures        | -                              | 2025-05-16T17:45:00Z
			il y a 2 h             | -                              | 2025-05-16T17:45:00Z
			il y a 2h              | -                              | 2025-05-16T17:45:00Z
			il y a une heure       | -                              | 2025-05-16T18:45:00Z
			il y a 1 h 30          | -                              | 2025-05-16T18:15:00Z
			il y a 1h30min         | -                              | 2025-05-16T18:15:00Z
			il y a 3 jours         | -                              | 2025-05-13T19:45:00Z
			Il y a 2 semaines      | -                              | 2025-05-02T19:45:00Z
			-                      | il y a 10 min                  | 2025-05-16T19:35:00Z
			-                      | hier à 23h10                   | 2025-05-15T21:10:00Z
			il y a peu             | -                              | -
			# a date with its time, in words or numbers, French months in any case, with or without accents
			-                      | 16 mai 2025 à 19h35            | 2025-05-16T17:35:00Z
			-                      | Vendredi 16 MAI 2025 - 19:35   | 2025-05-16T17:35:00Z
			-                      | le 3 févr. 2025, 08:05         | 2025-02-03T07:05:00Z
			-                      | le 3 fevrier 2025 08:05        | 2025-02-03T07:05:00Z
			-                      | 1er août 2024 à 12h00          | 2024-08-01T10:00:00Z
			-                      | 16/05/2025 19:35               | 2025-05-16T17:35:00Z
			-                      | 16.05.25 19:35                 | 2025-05-16T17:35:00Z
			-                      | 2025-05-16 19:35               | 2025-05-16T17:35:00Z
			-                      | Hier à 23h10                   | 2025-05-15T21:10:00Z
			-                      | avant-hier, 08:00              | 2025-05-14T06:00:00Z
			-                      | Aujourd’hui à 09h12            | 2025-05-16T07:12:00Z
			# the time element wins over a time in the date
			18:00                  | 16 mai 2025 à 19h35            | 2025-05-16T16:00:00Z
			# without a date element, the time element may show the date too
			15/05/2025 19:35       | -                              | 2025-05-15T17:35:00Z
			hier, 23h50            | -                              | 2025-05-15T21:50:00Z
			# a date without a year is in the last twelve months
			-                      | 31 décembre à 23h00            | 2024-12-31T22:00:00Z
			-                      | 2 janvier, 10:00               | 2025-01-02T09:00:00Z
			# a date alone: the start of the day, or no time at all when it is today
			-                      | 15 mai 2025                    | 2025-05-14T22:00:00Z
			-                      | 16 mai 2025                    | -
			-                      | 15.05.25                       | 2025-05-14T22:00:00Z
			-                      | 2025-05-15                     | 2025-05-14T22:00:00Z
			-                      | hier                           | 2025-05-14T22:00:00Z
			-                      | aujourd'hui                    | -
			-                      | 1er juin                       | 2024-05-31T22:00:00Z
			# a date that does not exist is no date; a time alone is then read as today's
			19:35                  | 31/02/2025                     | 2025-05-16T17:35:00Z
			# Arabic-Indic figures, as Arabic pages write them
			١٩:٣٥                  | -                              | 2025-05-16T17:35:00Z
			-                      | ١٦/٠٥/٢٠٢٥ ١٩:٣٥               | 2025-05-16T17:35:00Z
			-                      | 15 mai ٢٠٢٥ à ١٩h٣٥            | 2025-05-15T17:35:00Z
			-                      | il y a ٥ min                   | 2025-05-16T19:40:00Z
			# Arabic months and days, Moroccan, standard or Levantine, Arabic-Indic figures or not
			-                      | الخميس 15 ماي 2025 - 19:35     | 2025-05-15T17:35:00Z
			-                      | الخميس، ١٥ ماي ٢٠٢٥ - ١٩:٣٥    | 2025-05-15T17:35:00Z
			-                      | ١٥ مايو ٢٠٢٥                   | 2025-05-14T22:00:00Z
			-                      | 15 أيار 2025 19:35             | 2025-05-15T17:35:00Z
			-                      | 7 دجنبر 2024                   | 2024-12-06T23:00:00Z
			-                      | 7 كانون الأول 2024 - 19:35     | 2024-12-07T18:35:00Z
			-                      | 7 كانون الثاني                 | 2025-01-06T23:00:00Z
			-                      | 15 غشت                         | 2024-08-14T22:00:00Z
			""")
	void readsTickerTimesWithBuiltInRules(@Nullable String time, @Nullable String date, @Nullable String expected) {
		TickerTime times = new TickerTime(selectors(null, null));

		assertThat(times.instant(time, date, NOW)).isEqualTo((expected != null) ? Instant.parse(expected) : null);
	}

	/**
	 * Around midnight and the changes of the clocks, in the zone's own day. In the hour the clocks repeat (Paris on
	 * the last Sunday of October, Casablanca on the night Ramadan's time begins) a time shows twice: it is the latest
	 * of the two that is not still to come.
	 */
	@ParameterizedTest(name = "{0} at {1}: time \"{2}\" → {3}")
	@CsvSource(delimiter = '|', textBlock = """
			# just after midnight: a time later than now (plus ten minutes) is yesterday's
			Europe/Paris      | 2026-12-07T23:05:00Z | 23:58 | 2026-12-07T22:58:00Z
			Europe/Paris      | 2026-12-07T23:05:00Z | 00:02 | 2026-12-07T23:02:00Z
			Europe/Paris      | 2026-12-07T23:05:00Z | 00:14 | 2026-12-07T23:14:00Z
			Africa/Casablanca | 2026-12-07T23:05:00Z | 23:58 | 2026-12-07T22:58:00Z
			# the night the clocks go forward: the hour before the gap, and after it
			Europe/Paris      | 2026-03-29T01:05:00Z | 01:55 | 2026-03-29T00:55:00Z
			Europe/Paris      | 2026-03-29T01:05:00Z | 03:02 | 2026-03-29T01:02:00Z
			Africa/Casablanca | 2026-03-22T02:10:00Z | 01:55 | 2026-03-22T01:55:00Z
			Africa/Casablanca | 2026-03-22T02:10:00Z | 03:05 | 2026-03-22T02:05:00Z
			# the night the clocks go back: the first 02:35 while it is the only one past, then the second
			Europe/Paris      | 2026-10-25T00:40:00Z | 02:35 | 2026-10-25T00:35:00Z
			Europe/Paris      | 2026-10-25T01:40:00Z | 02:35 | 2026-10-25T01:35:00Z
			Europe/Paris      | 2026-10-25T01:40:00Z | 02:45 | 2026-10-25T01:45:00Z
			Europe/Paris      | 2026-10-25T01:40:00Z | 02:55 | 2026-10-25T00:55:00Z
			Europe/Paris      | 2026-10-26T00:10:00Z | 02:35 | 2026-10-25T01:35:00Z
			Africa/Casablanca | 2026-02-15T01:40:00Z | 02:35 | 2026-02-15T01:35:00Z
			Africa/Casablanca | 2026-02-15T02:40:00Z | 02:35 | 2026-02-15T02:35:00Z
			""")
	void readsATimeAloneInTheZonesOwnDayAcrossItsChanges(ZoneId zone, Instant now, String time, Instant expected) {
		TickerTime times = new TickerTime(new TickerSelectors("li", "a", null, "span.heure", null, null, null, null,
				null, zone));

		assertThat(times.instant(time, null, now)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "time \"{0}\" as {1}, date \"{2}\" as {3} → {4}")
	@CsvSource(nullValues = "-", delimiter = '|', textBlock = """
			19H35     | HH'H'mm   | -                                 | -                            | 2025-05-16T17:35:00Z
			19.35     | HH.mm     | -                                 | -                            | 2025-05-16T17:35:00Z
			7:05 PM   | h:mm a    | -                                 | -                            | 2025-05-16T17:05:00Z
			-         | -         | JEUDI 15 MAI 2025                 | EEEE d MMMM yyyy             | 2025-05-14T22:00:00Z
			-         | -         | Publié le vendredi 16 mai 2025 à 19h35 | EEEE d MMMM yyyy 'à' HH'h'mm | 2025-05-16T17:35:00Z
			-         | -         | 16 mai, 19:35                     | d MMMM                       | 2025-05-16T17:35:00Z
			-         | -         | 3 févr. 2025                      | d MMM yyyy                   | 2025-02-02T23:00:00Z
			-         | -         | 05/16/2025 07:35 PM               | MM/dd/yyyy hh:mm a           | 2025-05-16T17:35:00Z
			""")
	void readsTickerTimesWithTheOperatorsFormats(@Nullable String time, @Nullable String timeFormat,
			@Nullable String date, @Nullable String dateFormat, @Nullable String expected) {
		TickerTime times = new TickerTime(selectors(timeFormat, dateFormat));

		assertThat(times.instant(time, date, NOW)).isEqualTo((expected != null) ? Instant.parse(expected) : null);
	}

	private static TickerSelectors selectors(@Nullable String timeFormat, @Nullable String dateFormat) {
		return new TickerSelectors("li", "a", null, "span.heure", "span.date", null, null, timeFormat, dateFormat,
				PARIS);
	}

}

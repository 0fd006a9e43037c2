package fr.manchette.normalize;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedDateParserTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			# RFC 822 / RFC 1123, as RSS 2.0 asks
			Fri, 16 May 2025 19:35:00 +0200                | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 17:35:00 GMT                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 19:35:00 CEST                 | 2025-05-16T17:35:00Z
			Thu, 16 Jan 2025 19:35:00 CET                  | 2025-01-16T18:35:00Z
			Fri, 16 May 2025 17:35:00 UT                   | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 17:35:00 UTC                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 17:35:00 Z                    | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 12:35:00 EST                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 13:35:00 EDT                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 11:35:00 CST                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 12:35:00 CDT                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 10:35:00 MST                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 11:35:00 MDT                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 09:35:00 PST                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 10:35:00 PDT                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 17:35:00 WET                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 18:35:00 WEST                 | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 18:35:00 BST                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 20:35:00 MSK                  | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 19:35 +0200                   | 2025-05-16T17:35:00Z
			Tue, 6 May 2025 19:35:00 +0200                 | 2025-05-06T17:35:00Z
			Mon, 10 Feb 25 12:40:04 +0100                  | 2025-02-10T11:40:04Z
			16 May 2025 19:35:00 +0200                     | 2025-05-16T17:35:00Z
			Mon, 16 May 2025 19:35:00 +0200                | 2025-05-16T17:35:00Z
			'Fri,  16 May  2025   19:35:00    +0200 '      | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 19:35:00 +02:00               | 2025-05-16T17:35:00Z
			Fri, 16 May 2025 19:35:00 +0200 (CEST)         | 2025-05-16T17:35:00Z
			Tue, 04 Mar 2025 12:00:00 GMT                  | 2025-03-04T12:00:00Z
			Fri, 16 May 2025 19:35:00                      | 2025-05-16T17:35:00Z
			# ISO 8601, RFC 3339, W3C-DTF, as Atom and Dublin Core ask
			2025-05-16T19:35:00+02:00                      | 2025-05-16T17:35:00Z
			2025-05-16T17:35:00Z                           | 2025-05-16T17:35:00Z
			2025-05-16T19:35:00.123+02:00                  | 2025-05-16T17:35:00.123Z
			2025-05-16T19:35:00.123456789Z                 | 2025-05-16T19:35:00.123456789Z
			2025-05-16T19:35:00+0200                       | 2025-05-16T17:35:00Z
			2025-05-16T19:35                               | 2025-05-16T17:35:00Z
			2025-05-16 19:35:00                            | 2025-05-16T17:35:00Z
			2025-05-16                                     | 2025-05-15T22:00:00Z
			# French, as French CMSs write it
			ven., 16 mai 2025 19:35:00 +0200               | 2025-05-16T17:35:00Z
			vendredi 16 mai 2025 19:35                     | 2025-05-16T17:35:00Z
			16 mai 2025 à 19h35                            | 2025-05-16T17:35:00Z
			Le 16/05/2025 à 19h35                          | 2025-05-16T17:35:00Z
			16/05/2025 19:35                               | 2025-05-16T17:35:00Z
			16.05.2025 19h35                               | 2025-05-16T17:35:00Z
			1er mai 2025                                   | 2025-04-30T22:00:00Z
			VENDREDI 16 MAI 2025 19H35                     | 2025-05-16T17:35:00Z
			mercredi 1er janvier 2025 00h00                | 2024-12-31T23:00:00Z
			lun., 3 févr. 2025 08:00                       | 2025-02-03T07:00:00Z
			3 fév 2025                                     | 2025-02-02T23:00:00Z
			mar., 4 mars 2025 12:00                        | 2025-03-04T11:00:00Z
			30 avr. 2025 06:15                             | 2025-04-30T04:15:00Z
			21 juin 2025 22:00                             | 2025-06-21T20:00:00Z
			7 juil. 2025 7h05                              | 2025-07-07T05:05:00Z
			15 août 2025 10h                               | 2025-08-15T08:00:00Z
			15 aout 2025                                   | 2025-08-14T22:00:00Z
			sam. 20 sept. 2025                             | 2025-09-19T22:00:00Z
			jeu 9 oct 2025 14:00                           | 2025-10-09T12:00:00Z
			mardi 25 nov. 2025 18h                         | 2025-11-25T17:00:00Z
			12 déc. 2024 23:59:59 +0100                    | 2024-12-12T22:59:59Z
			lun., 07 déc. 2026 19:35:00 +0100              | 2026-12-07T18:35:00Z
			Lundi 7 Décembre 2026                          | 2026-12-06T23:00:00Z
			07 dec 2026 19h35                              | 2026-12-07T18:35:00Z
			Mon, 07 Dec 26 19:35:00 +0100                  | 2026-12-07T18:35:00Z
			07/12/26 19h35                                 | 2026-12-07T18:35:00Z
			1ᵉʳ décembre 2026 à 19h35                      | 2026-12-01T18:35:00Z
			# the hour as French typography writes it, with spaces: 19 h 35
			vendredi 16 mai 2025 à 19 h 35                 | 2025-05-16T17:35:00Z
			16 mai 2025 à 19 h                             | 2025-05-16T17:00:00Z
			16/05/2025 19h 35                              | 2025-05-16T17:35:00Z
			# offsets after GMT or UTC, glued or apart
			Mon, 07 Dec 2026 19:35:00 GMT+1                | 2026-12-07T18:35:00Z
			Mon, 07 Dec 2026 19:35:00 UTC+01:00            | 2026-12-07T18:35:00Z
			Mon Dec 07 2026 19:35:00 GMT+0100 (heure normale d’Europe centrale) | 2026-12-07T18:35:00Z
			Mon, 07 Dec 2026 19:35:00 GMT +0100            | 2026-12-07T18:35:00Z
			Mon, 07 Dec 2026 19:35:00 UTC +01:00           | 2026-12-07T18:35:00Z
			Mon, 07 Dec 2026 19:35:00 +0100 GMT            | 2026-12-07T18:35:00Z
			# Arabic-Indic figures, as Arabic pages write them
			٠٧/١٢/٢٠٢٦ ١٩:٣٥                               | 2026-12-07T18:35:00Z
			٢٠٢٦-١٢-٠٧T١٩:٣٥:٠٠+٠١:٠٠                      | 2026-12-07T18:35:00Z
			7 décembre ٢٠٢٦                                | 2026-12-06T23:00:00Z
			# Arabic, as Moroccan sites write it: Moroccan, standard and Levantine months, day names, either figures
			الإثنين 7 دجنبر 2026 - 19:35                   | 2026-12-07T18:35:00Z
			٧ دجنبر ٢٠٢٦                                   | 2026-12-06T23:00:00Z
			الإثنين، ٧ دجنبر ٢٠٢٦ - ١٩:٣٥                  | 2026-12-07T18:35:00Z
			الاثنين 7 ديسمبر 2026 19:35                    | 2026-12-07T18:35:00Z
			الاثنين 7 كانون الأول 2026 19:35               | 2026-12-07T18:35:00Z
			1 كانون الثاني 2026                            | 2025-12-31T23:00:00Z
			1 تشرين الثاني 2026                            | 2026-10-31T23:00:00Z
			الأحد 5 يناير 2026                             | 2026-01-04T23:00:00Z
			5 فبراير 2026                                  | 2026-02-04T23:00:00Z
			5 شباط 2026                                    | 2026-02-04T23:00:00Z
			الثلاثاء 3 مارس 2026 08:00                     | 2026-03-03T07:00:00Z
			3 آذار 2026                                    | 2026-03-02T23:00:00Z
			الأربعاء 1 أبريل 2026                          | 2026-03-31T22:00:00Z
			1 ابريل 2026                                   | 2026-03-31T22:00:00Z
			1 نيسان 2026                                   | 2026-03-31T22:00:00Z
			الخميس 14 ماي 2026 10:00                       | 2026-05-14T08:00:00Z
			14 مايو 2026                                   | 2026-05-13T22:00:00Z
			14 أيار 2026                                   | 2026-05-13T22:00:00Z
			الجمعة 5 يونيو 2026                            | 2026-06-04T22:00:00Z
			5 حزيران 2026                                  | 2026-06-04T22:00:00Z
			السبت 4 يوليوز 2026                            | 2026-07-03T22:00:00Z
			4 يوليو 2026                                   | 2026-07-03T22:00:00Z
			4 تموز 2026                                    | 2026-07-03T22:00:00Z
			15 غشت 2026                                    | 2026-08-14T22:00:00Z
			15 أغسطس 2026                                  | 2026-08-14T22:00:00Z
			15 آب 2026                                     | 2026-08-14T22:00:00Z
			20 شتنبر 2026                                  | 2026-09-19T22:00:00Z
			20 سبتمبر 2026                                 | 2026-09-19T22:00:00Z
			20 أيلول 2026                                  | 2026-09-19T22:00:00Z
			6 أكتوبر 2026                                  | 2026-10-05T22:00:00Z
			6 تشرين الأول 2026                             | 2026-10-05T22:00:00Z
			18 نونبر 2026                                  | 2026-11-17T23:00:00Z
			18 نوفمبر 2026                                 | 2026-11-17T23:00:00Z
			# Arabic words around the day and the time, as the French « le », « à »: يوم, على الساعة, في, نشر, بتاريخ
			الإثنين 7 دجنبر 2026 على الساعة 19:35          | 2026-12-07T18:35:00Z
			يوم الإثنين 7 دجنبر 2026 - 19:35               | 2026-12-07T18:35:00Z
			7 دجنبر 2026 في 19:35                          | 2026-12-07T18:35:00Z
			الإثنين، ٧ دجنبر ٢٠٢٦ على الساعه ١٩:٣٥         | 2026-12-07T18:35:00Z
			نشر يوم الخميس 14 ماي 2026 على الساعة 10:00    | 2026-05-14T08:00:00Z
			نشر بتاريخ 7 دجنبر 2026 في الساعة 19:35        | 2026-12-07T18:35:00Z
			""")
	void readsRealWorldDates(String text, Instant expected) {
		assertThat(PublishedDateParser.parse(text, PARIS)).contains(expected);
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "not a date", "hier", "il y a 5 minutes", "12345", "1747416900", "????",
			"lundi", "19:35", "16 mai", "mai 2025", "31 février 2025", "30/02/2025", "2025-02-29", "2025-13-01",
			"32/05/2025 19:35", "Fri, 16 May 2025 25:00:00 +0200", "16/05/2025 19:61",
			"2025-05-16T19:35:00+25:00", "Fri, 16 Foo 2025 19:35:00 +0200", "16 mai mai 2025",
			"7 كانون 2026", "دجنبر 2026", "7 دجنبر يناير 2026", "يوم 7 دجنبر على الساعة 19:35",
			"7 دجنبر 2026 على الطريق 19:35",
			"<pubDate>Fri, 16 May 2025</pubDate>" })
	void refusesGarbageAndImpossibleDates(String text) {
		assertThat(PublishedDateParser.parse(text, PARIS)).isEmpty();
	}

	@Test
	void assumesTheGivenZoneWhenTheTextNamesNone() {
		ZoneId casablanca = ZoneId.of("Africa/Casablanca");
		assertThat(PublishedDateParser.parse("16/05/2025 19:35", casablanca))
			.contains(Instant.parse("2025-05-16T18:35:00Z"));
	}

	/**
	 * The README's word for an hour the zone's clocks skip or repeat: read as java.time reads it, the skipped 02:30 as
	 * 03:30 of summer time, the repeated 02:30 as the first, of summer time.
	 */
	@Test
	void anHourTheClocksSkipOrRepeatIsReadAsJavaTimeReadsIt() {
		assertThat(PublishedDateParser.parse("30/03/2025 02:30", PARIS)).contains(Instant.parse("2025-03-30T01:30:00Z"));
		assertThat(PublishedDateParser.parse("2025-03-30T02:30:00", PARIS)).contains(Instant.parse("2025-03-30T01:30:00Z"));
		assertThat(PublishedDateParser.parse("26/10/2025 02:30", PARIS)).contains(Instant.parse("2025-10-26T00:30:00Z"));
		assertThat(PublishedDateParser.parse("2025-10-26T02:30:00", PARIS)).contains(Instant.parse("2025-10-26T00:30:00Z"));
	}

	@Test
	void prefersTheTextsOwnOffsetToTheAssumedZone() {
		ZoneId casablanca = ZoneId.of("Africa/Casablanca");
		assertThat(PublishedDateParser.parse("Fri, 16 May 2025 19:35:00 +0200", casablanca))
			.contains(Instant.parse("2025-05-16T17:35:00Z"));
	}

	@Test
	void readsNoBreakSpacesAsSpaces() {
		assertThat(PublishedDateParser.parse("16\u00A0mai\u202F2025 à\u00A019h35", PARIS))
			.contains(Instant.parse("2025-05-16T17:35:00Z"));
	}

}

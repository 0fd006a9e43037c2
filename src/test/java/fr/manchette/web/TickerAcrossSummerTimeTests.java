package fr.manchette.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticker in Europe/Paris across the nights its clocks change (2026: forward on 29 March at 02:00, back on
 * 25 October at 03:00) and at its midnight: {@code time} is the wall clock of Paris at that instant, {@code published}
 * carries the offset then in force, and newest first is by instant, whatever the wall clock says.
 */
class TickerAcrossSummerTimeTests extends ClockedTickerTests {

	@DynamicPropertySource
	static void feeds(DynamicPropertyRegistry registry) throws IOException {
		use(registry, "Europe/Paris", List.of("printemps", "automne", "minuit"));
	}

	@Test
	void theSpringForwardNightHasNoTwoThirtyAndAnItemDatedThenIsAnHourLater() throws Exception {
		poll("printemps", Instant.parse("2026-03-29T02:00:00Z"),
				"avant", "Sun, 29 Mar 2026 01:59:00 +0100",
				"apres", "Sun, 29 Mar 2026 03:15:00 CEST",
				// 02:30 does not exist in Paris that night: a date without its offset is read as the same instant
				// an hour on (the offset before the gap, as java.time resolves a gap).
				"trou", "2026-03-29T02:30:00");

		assertThat(headlines("printemps")).containsExactly(
				"trou 03:30 2026-03-29T03:30:00+02:00",
				"apres 03:15 2026-03-29T03:15:00+02:00",
				"avant 01:59 2026-03-29T01:59:00+01:00");
	}

	@Test
	void theFallBackNightShowsTwoThirtyTwiceNewestFirstEachWithItsOffset() throws Exception {
		poll("automne", Instant.parse("2026-10-25T02:00:00Z"),
				"ete", "Sun, 25 Oct 2026 02:30:00 +0200",
				"hiver", "Sun, 25 Oct 2026 02:30:00 +0100",
				"cest", "Sun, 25 Oct 2026 02:40:00 CEST",
				"cet", "Sun, 25 Oct 2026 02:40:00 CET",
				// 02:45 happens twice that night: a date without its offset is the first (summer time), as java.time
				// resolves an overlap.
				"double", "2026-10-25T02:45:00");

		assertThat(headlines("automne")).containsExactly(
				"cet 02:40 2026-10-25T02:40:00+01:00",
				"hiver 02:30 2026-10-25T02:30:00+01:00",
				"double 02:45 2026-10-25T02:45:00+02:00",
				"cest 02:40 2026-10-25T02:40:00+02:00",
				"ete 02:30 2026-10-25T02:30:00+02:00");
	}

	@Test
	void atMidnightInParisTodaysTimesTakeTheirDateAndAClockSetBackTakesItAway() throws Exception {
		poll("minuit", Instant.parse("2026-12-04T22:59:00Z"), "soir", "Fri, 04 Dec 2026 23:30:00 +0100");
		assertThat(headlines("minuit")).containsExactly("soir 23:30 2026-12-04T23:30:00+01:00");

		CLOCK.advance(Duration.ofMinutes(1));
		assertThat(headlines("minuit")).containsExactly("soir 04/12 23:30 2026-12-04T23:30:00+01:00");

		// NTP sets the clock back two minutes: it is the 4th again in Paris.
		CLOCK.advance(Duration.ofMinutes(-2));
		assertThat(headlines("minuit")).containsExactly("soir 23:30 2026-12-04T23:30:00+01:00");
	}

}

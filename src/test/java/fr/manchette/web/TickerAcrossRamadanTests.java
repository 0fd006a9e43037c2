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
 * The ticker in Africa/Casablanca, which is at UTC+1 all year but during Ramadan, at UTC+0 (in the JDK's time zone
 * data: 15 February to 22 March 2026, 7 February to 14 March 2027): {@code time} is Casablanca's wall clock,
 * {@code published} carries the offset in force, written {@code +00:00} during Ramadan as {@code +01:00} outside it.
 */
class TickerAcrossRamadanTests extends ClockedTickerTests {

	@DynamicPropertySource
	static void feeds(DynamicPropertyRegistry registry) throws IOException {
		use(registry, "Africa/Casablanca", List.of("debut", "fin", "minuit", "jour"));
	}

	@Test
	void whenRamadanBeginsTwoThirtyComesTwiceNewestFirst() throws Exception {
		poll("debut", Instant.parse("2026-02-15T03:00:00Z"),
				"avant", "Sun, 15 Feb 2026 02:30:00 +0100",
				"pendant", "Sun, 15 Feb 2026 02:30:00 GMT");

		assertThat(headlines("debut")).containsExactly(
				"pendant 02:30 2026-02-15T02:30:00+00:00",
				"avant 02:30 2026-02-15T02:30:00+01:00");
	}

	@Test
	void whenRamadanEndsTheClockSkipsAnHour() throws Exception {
		poll("fin", Instant.parse("2026-03-22T02:30:00Z"),
				"pendant", "Sun, 22 Mar 2026 01:59:00 UT",
				"apres", "Sun, 22 Mar 2026 03:01:00 +0100");

		assertThat(headlines("fin")).containsExactly(
				"apres 03:01 2026-03-22T03:01:00+01:00",
				"pendant 01:59 2026-03-22T01:59:00+00:00");
	}

	@Test
	void duringRamadanTheDayEndsAtMidnightUtc() throws Exception {
		poll("minuit", Instant.parse("2027-02-20T22:59:00Z"), "soir", "Sat, 20 Feb 2027 22:30:00 +0000");
		// 23:59 in Casablanca, at UTC+0 that day: still the 20th.
		CLOCK.advance(Duration.ofHours(1));
		assertThat(headlines("minuit")).containsExactly("soir 22:30 2027-02-20T22:30:00+00:00");

		CLOCK.advance(Duration.ofMinutes(1));
		assertThat(headlines("minuit")).containsExactly("soir 20/02 22:30 2027-02-20T22:30:00+00:00");
	}

	@Test
	void sinceADateIsFromMidnightInCasablancaWhateverItsOffsetThatDay() throws Exception {
		poll("jour", Instant.parse("2027-02-21T12:00:00Z"),
				"veille", "Sat, 20 Feb 2027 23:59:00 GMT",
				"matin", "Sun, 21 Feb 2027 00:00:00 GMT");

		assertThat(ticker("/api/headlines?source=jour&since=2027-02-21").get("headlines").valueStream()
			.map((headline) -> headline.get("time").asString())).containsExactly("00:00");
	}

}

package fr.manchette.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import fr.manchette.support.SettableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What time the sources say, and when retention believes them rather than this machine's clock. */
class SourcesTimeTests {

	private static final Instant REAL = Instant.parse("2026-12-06T12:00:00Z");

	private static final Duration YEAR = Duration.ofDays(365);

	private final SettableClock clock = new SettableClock(REAL.plus(YEAR));

	private final SourcesTime time = new SourcesTime(this.clock);

	@Test
	void withNoAnswerHeardTheClockIsBelieved() {
		assertThat(this.time.correct(this.clock.instant())).isEqualTo(this.clock.instant());
	}

	@Test
	void aClockAYearAheadOfTheSourcesCountsFromTheirTime() {
		heard("https://www.lemonde.fr/rss/une.xml", REAL);
		heard("https://www.hespress.com/feed", REAL.plusSeconds(2));
		heard("https://le360.ma/rss", REAL.minusSeconds(1));

		assertThat(this.time.correct(this.clock.instant())).isEqualTo(REAL);
		// Whatever instant of the poll it corrects.
		assertThat(this.time.correct(REAL.plus(YEAR).plusSeconds(60))).isEqualTo(REAL.plusSeconds(60));
	}

	@Test
	void aClockLessThanADayOffIsBelievedEitherWay() {
		heard("https://www.lemonde.fr/rss/une.xml", this.clock.instant().minus(Duration.ofHours(23)));
		assertThat(this.time.correct(this.clock.instant())).isEqualTo(this.clock.instant());

		// Behind the sources: retention never deletes more for what they say.
		heard("https://www.lemonde.fr/rss/une.xml", this.clock.instant().plus(YEAR));
		assertThat(this.time.correct(this.clock.instant())).isEqualTo(this.clock.instant());
	}

	@Test
	void itemsAreSeenAtTheSourcesTimeWhenTheClockRunsFarBehindIt() {
		// This clock a year behind: the sources say REAL plus a year.
		SourcesTime behind = new SourcesTime(new SettableClock(REAL));
		Instant theirs = REAL.plus(YEAR);
		behind.heard(URI.create("https://www.lemonde.fr/rss/une.xml"), date(theirs), null);
		assertThat(behind.seen(REAL)).as("one host is not enough").isEqualTo(REAL);

		behind.heard(URI.create("https://le360.ma/rss"), date(theirs.plusSeconds(2)), null);
		assertThat(behind.seen(REAL)).isEqualTo(theirs);
		assertThat(behind.seen(REAL.plusSeconds(60))).isEqualTo(theirs.plusSeconds(60));
		// Retention is only ever corrected the other way.
		assertThat(behind.correct(REAL)).isEqualTo(REAL);
	}

	@Test
	void aClockBeforeThisCodeWasWrittenNeedsOneHost() {
		Instant boot = Instant.parse("1970-01-01T00:00:30Z");
		SourcesTime booting = new SourcesTime(new SettableClock(boot));
		assertThat(booting.seen(boot)).as("nothing heard").isEqualTo(boot);

		booting.heard(URI.create("https://www.hespress.com/feed"), date(REAL), null);
		assertThat(booting.seen(boot)).isEqualTo(REAL);
	}

	@Test
	void ofTwoHostsTheSmallerCorrectionCountsEitherWay() {
		SourcesTime behind = new SourcesTime(new SettableClock(REAL));
		behind.heard(URI.create("https://www.lemonde.fr/rss/une.xml"), date(REAL.plusSeconds(1)), null);
		behind.heard(URI.create("https://vieux-serveur.example/rss"), date(REAL.plus(YEAR)), null);
		assertThat(behind.seen(REAL)).isEqualTo(REAL);

		heard("https://www.lemonde.fr/rss/une.xml", this.clock.instant());
		heard("https://vieux-serveur.example/rss", REAL);
		assertThat(this.time.correct(this.clock.instant())).isEqualTo(this.clock.instant());
		// A clock far ahead of the sources' is never moved on by seen.
		heard("https://le360.ma/rss", REAL);
		assertThat(this.time.seen(this.clock.instant())).isEqualTo(this.clock.instant());
	}

	@Test
	void oneServerWithAWrongClockChangesNothing() {
		heard("https://www.lemonde.fr/rss/une.xml", this.clock.instant());
		heard("https://le360.ma/rss", this.clock.instant().plusSeconds(3));
		heard("https://vieux-serveur.example/rss", REAL);

		assertThat(this.time.correct(this.clock.instant())).isEqualTo(this.clock.instant());
	}

	@Test
	void aHostCountsOnceByItsLatestAnswer() {
		// Ten feeds of one host a year behind, and two hosts in step: two against one.
		for (int i = 0; i < 10; i++) {
			heard("https://www.hespress.com/feed/" + i, REAL);
		}
		heard("https://www.lemonde.fr/rss/une.xml", this.clock.instant());
		heard("https://le360.ma/rss", this.clock.instant());
		assertThat(this.time.correct(this.clock.instant())).isEqualTo(this.clock.instant());

		// Both set right, to the year behind: the median is theirs.
		heard("https://WWW.LEMONDE.FR/rss/une.xml", REAL);
		heard("https://le360.ma/rss", REAL);
		assertThat(this.time.ahead()).isEqualTo(YEAR);
	}

	@Test
	void aCachedAnswerCountsItsAge() {
		// Kept two days by a cache in step with us: its Date is two days old, its Age says so.
		this.time.heard(URI.create("https://www.lemonde.fr/rss/une.xml"), date(this.clock.instant().minus(Duration.ofDays(2))),
				String.valueOf(Duration.ofDays(2).toSeconds()));
		assertThat(this.time.ahead()).isZero();
		assertThat(this.time.correct(this.clock.instant())).isEqualTo(this.clock.instant());
	}

	@Test
	void anAnswerWithoutAReadableDateSaysNothing() {
		this.time.heard(URI.create("https://www.lemonde.fr/rss/une.xml"), null, null);
		this.time.heard(URI.create("https://le360.ma/rss"), "hier soir", "12");
		this.time.heard(URI.create("https://www.hespress.com/feed"), date(REAL), "beaucoup");
		// Only the last one, its Age unreadable and so nought.
		assertThat(this.time.ahead()).isEqualTo(YEAR);
	}

	@Test
	void anAgeBeyondAnyCacheSaysNothing() {
		// A lying server's Age, past what an instant holds once added: its answer is left out, its poll unharmed.
		this.time.heard(URI.create("https://www.lemonde.fr/rss/une.xml"), date(REAL), "9000000000000000000");
		this.time.heard(URI.create("https://le360.ma/rss"), date(REAL), String.valueOf(Duration.ofDays(400).toSeconds()));
		assertThat(this.time.ahead()).isZero();
	}

	@Test
	void theObsoleteDateFormsAreRead() {
		this.time.heard(URI.create("https://a.example/rss"), "Sunday, 06-Dec-26 12:00:00 GMT", null);
		this.time.heard(URI.create("https://b.example/rss"), "Sun Dec  6 12:00:00 2026", null);
		this.time.heard(URI.create("https://c.example/rss"), "Sun, 06 Dec 2026 12:00:00 GMT", null);
		assertThat(this.time.ahead()).isEqualTo(YEAR);
	}

	private void heard(String url, Instant said) {
		this.time.heard(URI.create(url), date(said), null);
	}

	private static String date(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

}

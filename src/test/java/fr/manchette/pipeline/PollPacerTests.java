package fr.manchette.pipeline;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.store.PollPace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** What the pacer decides for fixed, adaptive, pushed and failing sources, and the reason it gives. */
class PollPacerTests {

	private static final Instant NOW = Instant.parse("2025-05-16T10:00:00Z");

	private final Source fixed = source("fixed", false);

	private final Source adaptive = source("adaptive", true);

	@Test
	void fixedSourceKeepsItsIntervalUnlessTheFeedAsksForLonger() {
		PollPacer pacer = pacer(Set.of());
		PollPacer.Decision plain = pacer.afterSuccess(this.fixed, null, NOW.minusSeconds(900), NOW, 3, null);
		PollPacer.Decision ttl = pacer.afterSuccess(this.fixed, null, NOW.minusSeconds(900), NOW, 3,
				Duration.ofHours(1));
		assertThat(plain.pace().reason()).isEqualTo("fixed");
		assertThat(plain.pace().interval()).isEqualTo(Duration.ofMinutes(15));
		assertThat(plain.next()).isBetween(NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofSeconds(990)));
		assertThat(ttl.pace().reason()).isEqualTo("ttl");
		assertThat(ttl.pace().interval()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void pushedSourceIsPolledAtItsCeilingOnly() {
		PollPacer.Decision pushed = pacer(Set.of("fixed")).afterSuccess(this.fixed, null, NOW.minusSeconds(900), NOW,
				3, null);
		assertThat(pushed.pace().reason()).isEqualTo("pushed");
		assertThat(pushed.pace().interval()).isEqualTo(Duration.ofHours(6));
		assertThat(pushed.next()).isBetween(NOW.plus(Duration.ofHours(6)).minusSeconds(1), NOW.plus(Duration.ofHours(6)));
	}

	@Test
	void adaptiveNextPollNeverPassesTheCeiling() {
		PollPace quiet = new PollPace("adaptive", 0.0, 2.0, Duration.ofHours(6), "ceiling");
		for (int i = 0; i < 50; i++) {
			PollPacer.Decision decision = pacer(Set.of()).afterSuccess(this.adaptive, quiet, NOW.minusSeconds(21_600),
					NOW, 0, null);
			assertThat(decision.pace().reason()).isEqualTo("ceiling");
			assertThat(decision.next()).isBetween(NOW.plus(Duration.ofHours(6)), NOW.plus(Duration.ofHours(6)));
		}
	}

	/**
	 * The README's promise: a feed that declares a longer period than its interval is polled at most every 6 h, and a
	 * failing source's wait grows to 6 h at most. The jitter (up to a tenth more) once took both to 6 h 36 min.
	 */
	@Test
	void aLongTtlAndALongBackoffWaitSixHoursAtMost() {
		PollPacer pacer = pacer(Set.of());
		for (int i = 0; i < 50; i++) {
			PollPacer.Decision ttl = pacer.afterSuccess(this.fixed, null, NOW.minusSeconds(900), NOW, 3,
					Duration.ofDays(1));
			PollPacer.Decision failing = pacer.afterFailure(this.fixed, null, NOW, 20, null);
			assertThat(ttl.pace().reason()).isEqualTo("ttl");
			assertThat(ttl.next()).isEqualTo(NOW.plus(Duration.ofHours(6)));
			assertThat(failing.next()).isEqualTo(NOW.plus(Duration.ofHours(6)));
		}
	}

	/**
	 * The README's table of failures: a failing source retries after its interval, then twice as long after each
	 * further failure, at most 6 h, or its own interval when that is longer (a weekly source is not polled more often
	 * because it fails).
	 */
	@Test
	void aFailingSourceRetriesAfterItsIntervalThenDoublesUpToSixHoursOrItsInterval() {
		PollPacer pacer = pacer(Set.of());
		Source weekly = source("weekly", false, Duration.ofDays(7));
		for (int i = 0; i < 50; i++) {
			assertThat(pacer.afterFailure(this.fixed, null, NOW, 1, null).next())
				.isBetween(NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofSeconds(990)));
			assertThat(pacer.afterFailure(this.fixed, null, NOW, 3, null).next())
				.isBetween(NOW.plus(Duration.ofMinutes(60)), NOW.plus(Duration.ofMinutes(66)));
			assertThat(pacer.afterFailure(weekly, null, NOW, 1, null).next())
				.isBetween(NOW.plus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(7).multipliedBy(11).dividedBy(10)));
			assertThat(pacer.afterFailure(weekly, null, NOW, 5, null).next())
				.isBetween(NOW.plus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(7).multipliedBy(11).dividedBy(10)));
		}
	}

	/**
	 * A {@code Retry-After} lengthens the wait up to 6 h, and never shortens it: a source of a 12-hour interval told to
	 * come back in a day was once polled again after 6 h.
	 */
	@Test
	void aRetryAfterLengthensTheWaitUpToSixHoursAndNeverShortensIt() {
		PollPacer pacer = pacer(Set.of());
		Source twiceADay = source("twice", false, Duration.ofHours(12));
		for (int i = 0; i < 50; i++) {
			assertThat(pacer.afterFailure(this.fixed, null, NOW, 1, Duration.ofHours(2)).next())
				.isEqualTo(NOW.plus(Duration.ofHours(2)));
			assertThat(pacer.afterFailure(this.fixed, null, NOW, 1, Duration.ofDays(1)).next())
				.isEqualTo(NOW.plus(Duration.ofHours(6)));
			assertThat(pacer.afterFailure(twiceADay, null, NOW, 1, Duration.ofDays(1)).next())
				.isBetween(NOW.plus(Duration.ofHours(12)), NOW.plus(Duration.ofHours(12).multipliedBy(11).dividedBy(10)));
		}
	}

	@Test
	void failureBacksOffFromTheAdaptiveIntervalAndKeepsTheRate() {
		PollPace busy = new PollPace("adaptive", 120.0, 2.0, Duration.ofMinutes(1), "floor");
		PollPacer.Decision first = pacer(Set.of()).afterFailure(this.adaptive, busy, NOW, 1, null);
		PollPacer.Decision third = pacer(Set.of()).afterFailure(this.adaptive, busy, NOW, 3, null);
		assertThat(first.pace().reason()).isEqualTo("backoff");
		assertThat(first.pace().arrivalRate()).isEqualTo(120.0);
		assertThat(Duration.between(NOW, first.next())).isBetween(Duration.ofMinutes(1), Duration.ofSeconds(66));
		assertThat(Duration.between(NOW, third.next())).isBetween(Duration.ofMinutes(4), Duration.ofSeconds(264));
	}

	@Test
	void theRateIsRecordedOnceAPollHasMeasuredItNotBefore() {
		PollPacer pacer = pacer(Set.of());
		// A first poll's items are the feed's backlog; a failure measures nothing.
		PollPacer.Decision first = pacer.afterSuccess(this.adaptive, null, null, NOW, 30, null);
		PollPacer.Decision failed = pacer.afterFailure(this.adaptive, null, NOW, 1, null);
		PollPacer.Decision second = pacer.afterSuccess(this.adaptive, first.pace(), NOW, NOW.plusSeconds(900), 2, null);

		assertThat(first.pace().arrivalRate()).isNull();
		assertThat(first.pace().interval()).as("chosen from the assumption").isEqualTo(Duration.ofMinutes(15));
		assertThat(first.pace().reason()).as("no rate decided it").isEqualTo("start");
		assertThat(failed.pace().arrivalRate()).isNull();
		assertThat(failed.pace().observedHours()).isNull();
		assertThat(second.pace().arrivalRate()).isGreaterThan(4.0);
		assertThat(second.pace().observedHours()).isPositive();
		assertThat(second.pace().reason()).isEqualTo("rate");
	}

	private static PollPacer pacer(Set<String> pushed) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("pushed", new Pushed(pushed));
		ManchetteProperties properties = new ManchetteProperties(Path.of("feeds.yml"), "test",
				new ManchetteProperties.Polling(false, 1, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1),
						Duration.ofMinutes(1), Duration.ofSeconds(30)),
				Duration.ofSeconds(2), null, null);
		return new PollPacer(properties, beans.getBeanProvider(PushedSources.class));
	}

	/** The sources pushed, as WebSub's subscriptions would say. */
	private record Pushed(Set<String> ids) implements PushedSources {

		@Override
		public boolean pushed(String sourceId) {
			return this.ids.contains(sourceId);
		}

		@Override
		public Set<String> pushedNow() {
			return this.ids;
		}

	}

	private static Source source(String id, boolean adaptive) {
		return source(id, adaptive, Duration.ofMinutes(15));
	}

	private static Source source(String id, boolean adaptive, Duration interval) {
		return new Source(id, id, URI.create("https://" + id + ".example/rss"), null, interval, true, SourceType.FEED,
				null, false, adaptive, Duration.ofHours(6));
	}

}

package fr.manchette.store;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceStatusTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private final SourceStatus fresh = SourceStatus.unknown("le360", "https://le360.ma/rss")
		.forSource("https://le360.ma/rss", "feed");

	@Test
	void failuresCountUpAndASuccessResetsThem() {
		SourceStatus twice = this.fresh.failed(T0, PollOutcome.TIMEOUT, "slow", T0.plusSeconds(60))
			.failed(T0.plusSeconds(60), PollOutcome.HTTP_STATUS, "HTTP 500", T0.plusSeconds(180));
		SourceStatus ok = twice.succeeded(T0.plusSeconds(180), "\"v2\"", null, T0.plusSeconds(1080), null,
				Duration.ofHours(1));

		assertThat(twice.consecutiveFailures()).isEqualTo(2);
		assertThat(twice.lastError()).isEqualTo("HTTP 500");
		assertThat(twice.lastSuccessAt()).isNull();
		assertThat(ok.consecutiveFailures()).isZero();
		assertThat(ok.lastError()).isNull();
		assertThat(ok.lastSuccessAt()).isEqualTo(T0.plusSeconds(180));
		assertThat(ok.etag()).isEqualTo("\"v2\"");
		assertThat(ok.declaredInterval()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aMoveIsRememberedUntilTheUrlChanges() {
		SourceStatus moved = this.fresh.succeeded(T0, "\"v1\"", null, T0.plusSeconds(900), "https://le360.ma/feed",
				null);

		assertThat(moved.notModified(T0.plusSeconds(900), T0.plusSeconds(1800)).movedTo())
			.isEqualTo("https://le360.ma/feed");
		assertThat(moved.forSource("https://le360.ma/rss", "feed")).isSameAs(moved);
		SourceStatus edited = moved.forSource("https://le360.ma/nouveau", "feed");
		assertThat(edited.movedTo()).isNull();
		assertThat(edited.etag()).isNull();
	}

	/**
	 * The same address read another way (another type, other selectors) starts afresh, validators first; a status
	 * from before readings were kept keeps what it learnt, and is the current reading's from then on.
	 */
	@Test
	void whatWasLearntReadingTheUrlOneWayDoesNotHoldForAnother() {
		SourceStatus read = this.fresh.succeeded(T0, "\"v1\"", "Fri, 16 May 2025 10:00:00 GMT", T0.plusSeconds(900),
				null, null);
		SourceStatus failing = read.failed(T0.plusSeconds(900), PollOutcome.NOT_A_FEED, "an HTML page", T0.plusSeconds(2700));

		SourceStatus scraped = failing.forSource("https://le360.ma/rss", "html:0123");
		assertThat(scraped.etag()).isNull();
		assertThat(scraped.lastModified()).isNull();
		assertThat(scraped.consecutiveFailures()).isZero();
		assertThat(scraped.lastOutcome()).isEqualTo(PollOutcome.PENDING);
		assertThat(scraped.reading()).isEqualTo("html:0123");
		assertThat(scraped.forSource("https://le360.ma/rss", "html:4567").etag()).isNull();

		SourceStatus older = new SourceStatus("le360", "https://le360.ma/rss", T0, T0, PollOutcome.OK, 0, null, "\"v1\"",
				null, T0.plusSeconds(900), null, null, null);
		SourceStatus kept = older.forSource("https://le360.ma/rss", "html:0123");
		assertThat(kept.etag()).isEqualTo("\"v1\"");
		assertThat(kept.reading()).isEqualTo("html:0123");
		assertThat(kept.forSource("https://le360.ma/rss", "feed").etag()).isNull();
	}

	@Test
	void aGoneSourceComesBackWhenItsUrlChanges() {
		SourceStatus gone = this.fresh.failed(T0, PollOutcome.GONE, "HTTP 410 Gone", null);

		assertThat(gone.gone()).isTrue();
		assertThat(gone.forSource("https://le360.ma/rss", "feed").gone()).isTrue();
		assertThat(gone.forSource("https://le360.ma/nouveau", "feed").gone()).isFalse();
		assertThat(gone.forSource("https://le360.ma/nouveau", "feed").consecutiveFailures()).isZero();
	}

}

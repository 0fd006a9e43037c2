package fr.manchette.store;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceStatusTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private final SourceStatus fresh = SourceStatus.unknown("le360", "https://le360.ma/rss");

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
		assertThat(moved.forUrl("https://le360.ma/rss")).isSameAs(moved);
		SourceStatus edited = moved.forUrl("https://le360.ma/nouveau");
		assertThat(edited.movedTo()).isNull();
		assertThat(edited.etag()).isNull();
	}

	@Test
	void aGoneSourceComesBackWhenItsUrlChanges() {
		SourceStatus gone = this.fresh.failed(T0, PollOutcome.GONE, "HTTP 410 Gone", null);

		assertThat(gone.gone()).isTrue();
		assertThat(gone.forUrl("https://le360.ma/rss").gone()).isTrue();
		assertThat(gone.forUrl("https://le360.ma/nouveau").gone()).isFalse();
		assertThat(gone.forUrl("https://le360.ma/nouveau").consecutiveFailures()).isZero();
	}

}

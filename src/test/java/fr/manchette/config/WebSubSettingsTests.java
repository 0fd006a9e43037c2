package fr.manchette.config;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link WebSubSettings}: what runs with which settings, and the settings refused. */
class WebSubSettingsTests {

	private static final WebSubSettings.WebSub DEFAULTS = new WebSubSettings.WebSub(null, Duration.ofDays(10),
			Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(5));

	@Test
	void withoutAPublicUrlNothingRuns() {
		WebSubSettings settings = new WebSubSettings(null, DEFAULTS);
		assertThat(settings.subscribing()).isFalse();
		assertThat(settings.publishing()).isFalse();
	}

	@Test
	void thePublicUrlIsABaseEvenBehindAPath() {
		WebSubSettings settings = new WebSubSettings(URI.create("https://fil.example/manchette"), DEFAULTS);
		assertThat(settings.subscribing()).isTrue();
		assertThat(settings.publishing()).isFalse();
		assertThat(settings.publicAddress("websub/abc")).isEqualTo(URI.create("https://fil.example/manchette/websub/abc"));
		assertThat(settings.publicAddress("feed.atom")).isEqualTo(URI.create("https://fil.example/manchette/feed.atom"));
	}

	@Test
	void aHubNeedsAPublicUrl() {
		WebSubSettings.WebSub hub = new WebSubSettings.WebSub(URI.create("https://hub.example/"), Duration.ofDays(10),
				Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(5));
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSubSettings(null, hub))
			.withMessageContaining("manchette.websub.hub needs manchette.public-url");
		assertThat(new WebSubSettings(URI.create("https://fil.example/"), hub).publishing()).isTrue();
	}

	@Test
	void refusesAddressesThatAreNotHttp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebSubSettings(URI.create("ftp://fil.example/"), DEFAULTS))
			.withMessageContaining("manchette.public-url");
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSubSettings(URI.create("/relative/"), DEFAULTS))
			.withMessageContaining("manchette.public-url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebSubSettings(URI.create("https://fil.example/"), new WebSubSettings.WebSub(
					URI.create("mailto:hub@example.org"), Duration.ofDays(10), Duration.ofSeconds(5),
					Duration.ofMinutes(5), Duration.ofSeconds(5))))
			.withMessageContaining("manchette.websub.hub");
	}

	@Test
	void aDurationPastItsLongestIsRefused() {
		// A subscription's end, a verification's deadline: dates the store keeps, which PostgreSQL refuses a hundred
		// million days ahead; and the ping's clock counts in nanoseconds, which overflow past 292 years.
		Duration absurd = Duration.ofDays(1_000_000);
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSubSettings.WebSub(null, absurd,
				Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(5)))
			.withMessage("manchette.websub.lease must be from 1m to 366d, not PT24000000H");
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSubSettings.WebSub(null, Duration.ofDays(10),
				absurd, Duration.ofMinutes(5), Duration.ofSeconds(5)))
			.withMessage("manchette.websub.ping-interval must be from 0 to 1d, not PT24000000H");
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSubSettings.WebSub(null, Duration.ofDays(10),
				Duration.ofSeconds(5), absurd, Duration.ofSeconds(5)))
			.withMessage("manchette.websub.verify-timeout must be positive and at most 1d, not PT24000000H");
		assertThat(new WebSubSettings.WebSub(null, Duration.ofDays(366), Duration.ofDays(1), Duration.ofDays(1),
				Duration.ofSeconds(5)).lease()).isEqualTo(Duration.ofDays(366));
	}

	@Test
	void aLeaseUnderAMinuteIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebSubSettings.WebSub(null, Duration.ofSeconds(59),
				Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(5)))
			.withMessage("manchette.websub.lease must be from 1m to 366d, not PT59S");
		assertThat(new WebSubSettings.WebSub(null, Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(5),
				Duration.ofSeconds(5)).lease()).isEqualTo(Duration.ofMinutes(1));
	}

}

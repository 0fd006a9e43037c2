package fr.manchette.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link PageSettings}: the refreshes the ticker page's timer can hold. */
class PageSettingsTests {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	@Test
	void theTickerPageAsksEveryTwentySecondsAndOnceAMinuteInABackgroundTabUnlessToldOtherwise() {
		PageSettings settings = new Binder(new MapConfigurationPropertySource()).bindOrCreate("manchette.page",
				PageSettings.class);

		assertThat(settings.refresh()).isEqualTo(Duration.ofSeconds(20));
		assertThat(settings.backgroundRefresh()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aRefreshPastAnHourIsRefused() {
		// ticker.js waits with setTimeout, whose delay is a 32-bit number of milliseconds: 25 days wraps round to
		// none, and every open page would ask for the headlines again at once, without end.
		assertThatIllegalArgumentException().isThrownBy(() -> new PageSettings(Duration.ofDays(25), MINUTE))
			.withMessage("manchette.page.refresh must be from 500ms to 1h, not PT600H");
		assertThat(new PageSettings(Duration.ofHours(1), MINUTE).refresh()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aRefreshUnderHalfASecondIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PageSettings(Duration.ofMillis(499), MINUTE))
			.withMessage("manchette.page.refresh must be from 500ms to 1h, not PT0.499S");
		assertThat(new PageSettings(Duration.ofMillis(500), MINUTE).refresh()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void aBackgroundRefreshOutsideHalfASecondToAnHourIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PageSettings(MINUTE, Duration.ofMillis(499)))
			.withMessage("manchette.page.background-refresh must be from 500ms to 1h, not PT0.499S");
		assertThatIllegalArgumentException().isThrownBy(() -> new PageSettings(MINUTE, Duration.ofDays(25)))
			.withMessage("manchette.page.background-refresh must be from 500ms to 1h, not PT600H");
	}

}

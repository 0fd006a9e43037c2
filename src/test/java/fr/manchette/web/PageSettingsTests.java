package fr.manchette.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link PageSettings}: the refreshes the ticker page's timer can hold, the sites that may frame it. */
class PageSettingsTests {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final List<String> NOWHERE = List.of();

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
		assertThatIllegalArgumentException().isThrownBy(() -> new PageSettings(Duration.ofDays(25), MINUTE, NOWHERE))
			.withMessage("manchette.page.refresh must be from 500ms to 1h, not PT600H");
		assertThat(new PageSettings(Duration.ofHours(1), MINUTE, NOWHERE).refresh()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aRefreshUnderHalfASecondIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PageSettings(Duration.ofMillis(499), MINUTE, NOWHERE))
			.withMessage("manchette.page.refresh must be from 500ms to 1h, not PT0.499S");
		assertThat(new PageSettings(Duration.ofMillis(500), MINUTE, NOWHERE).refresh()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void aBackgroundRefreshOutsideHalfASecondToAnHourIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PageSettings(MINUTE, Duration.ofMillis(499), NOWHERE))
			.withMessage("manchette.page.background-refresh must be from 500ms to 1h, not PT0.499S");
		assertThatIllegalArgumentException().isThrownBy(() -> new PageSettings(MINUTE, Duration.ofDays(25), NOWHERE))
			.withMessage("manchette.page.background-refresh must be from 500ms to 1h, not PT600H");
	}

	@Test
	void noSiteMayFrameTheTickerPageUnlessNamed() {
		PageSettings settings = new Binder(new MapConfigurationPropertySource()).bindOrCreate("manchette.page",
				PageSettings.class);

		assertThat(settings.frameAncestors()).isEmpty();
		assertThat(settings.framedBy()).isEqualTo("'none'");
	}

	@Test
	void theSitesThatMayFrameTheTickerPageAreOriginsGivenAsAListOrSeparatedBySpaces() {
		PageSettings spaced = new Binder(new MapConfigurationPropertySource(Map.of("manchette.page.frame-ancestors",
				" https://www.exemple.ma  HTTPS://*.Exemple.ma"))).bindOrCreate("manchette.page", PageSettings.class);
		PageSettings listed = new Binder(new MapConfigurationPropertySource(
				Map.of("manchette.page.frame-ancestors[0]", "https://www.exemple.ma",
						"manchette.page.frame-ancestors[1]", "https://*.exemple.ma",
						"manchette.page.frame-ancestors[2]", "https://www.exemple.ma")))
			.bindOrCreate("manchette.page", PageSettings.class);
		PageSettings commas = new Binder(new MapConfigurationPropertySource(Map.of("manchette.page.frame-ancestors",
				"https://www.exemple.ma,http://localhost:8794,http://[::1]:8794")))
			.bindOrCreate("manchette.page", PageSettings.class);

		assertThat(spaced.framedBy()).isEqualTo("https://www.exemple.ma https://*.exemple.ma");
		assertThat(listed.framedBy()).isEqualTo("https://www.exemple.ma https://*.exemple.ma");
		assertThat(commas.frameAncestors()).containsExactly("https://www.exemple.ma", "http://localhost:8794",
				"http://[::1]:8794");
	}

	@Test
	void aFrameAncestorThatIsNotAnOriginIsRefused() {
		for (String wrong : List.of("https://www.exemple.ma/widget", "https://www.exemple.ma/", "www.exemple.ma",
				"ftp://www.exemple.ma", "'self'", "'none'", "https://www.exemple.ma:*", "https://www.*.ma",
				"https://user@www.exemple.ma", "https://www.exemple.ma;script-src", "https://www.exemple.ma:70000",
				"https://www.exemple.ma?x", "https://exemple.ma#top")) {
			assertThatIllegalArgumentException().as(wrong)
				.isThrownBy(() -> new PageSettings(MINUTE, MINUTE, List.of(wrong)))
				.withMessage("manchette.page.frame-ancestors must be origins such as https://www.exemple.ma or "
						+ "https://*.exemple.ma (no path), not " + wrong);
		}
	}

	@Test
	void anySiteIsRefusedAsAFrameAncestor() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PageSettings(MINUTE, MINUTE, List.of("https://www.exemple.ma *")))
			.withMessage("manchette.page.frame-ancestors must name the sites that may frame the ticker page: * would "
					+ "let any site lay it under its own page");
	}

}

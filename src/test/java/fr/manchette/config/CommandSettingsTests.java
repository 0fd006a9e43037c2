package fr.manchette.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The service's settings as the operator's commands read them: the service's sources, order and defaults. */
class CommandSettingsTests {

	@Test
	void withNothingGivenTheyAreTheServicesDefaultsAndItsPackagedApplicationYml() {
		ManchetteProperties settings = CommandSettings.read(Map.of(), Map.of());

		assertThat(settings.feeds().toAbsolutePath().normalize()).isEqualTo(Path.of("feeds.yml").toAbsolutePath());
		// application.yml's, with the version Maven wrote into it.
		assertThat(settings.userAgent()).matches("Manchette/[0-9][^ @]* \\(\\+https://github\\.com/manchette/manchette\\)");
		// As the README gives them: edits of feeds.yml seen within 2 s, no interval under a minute.
		assertThat(settings.reloadInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.polling().minInterval()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void theEnvironmentNamesFeedsYmlAsItDoesForTheService() {
		ManchetteProperties settings = CommandSettings.read(Map.of("MANCHETTE_FEEDS", "/srv/manchette/feeds.yml"),
				Map.of());

		assertThat(settings.feeds()).isEqualTo(Path.of("/srv/manchette/feeds.yml"));
	}

	@Test
	void theCommandLineWinsOverTheEnvironment() {
		ManchetteProperties settings = CommandSettings.read(Map.of("MANCHETTE_FEEDS", "/srv/manchette/feeds.yml"),
				Map.of("manchette.feeds", "ici.yml"));

		assertThat(settings.feeds()).isEqualTo(Path.of("ici.yml"));
	}

	@Test
	void anOperatorsUserAgentIsTheCommandsToo() {
		ManchetteProperties settings = CommandSettings.read(
				Map.of("MANCHETTE_USER_AGENT", "Manchette de la rédaction (contact: web@exemple.ma)"), Map.of());

		assertThat(settings.userAgent()).isEqualTo("Manchette de la rédaction (contact: web@exemple.ma)");
	}

	/**
	 * Each of these is added to or taken from now for a date the store keeps: far enough (a hundred million days
	 * ahead, a few million back) PostgreSQL refuses it, and the service would poll nothing rather than refuse to start.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			MANCHETTE_POLLING_LEASE         | manchette.polling.lease must be at most 1d, not PT24000000H
			MANCHETTE_POLLING_MININTERVAL   | manchette.polling.min-interval must be at most 24h (the longest max-interval), not PT24000000H
			MANCHETTE_POLLING_STARTJITTER   | manchette.polling.start-jitter must be from 0 to 1d, not PT24000000H
			MANCHETTE_POLLING_STOPWAIT      | manchette.polling.stop-wait must be from 0 to 1h, not PT24000000H
			MANCHETTE_STORIES_WINDOW        | manchette.stories.window must be from 0 to 7d, not PT24000000H
			""")
	void aDurationPastItsLongestIsRefused(String variable, String message) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandSettings.read(Map.of(variable, "1000000d"), Map.of()))
			.withMessageEndingWith(": " + message);
	}

	@Test
	void theLongestDurationsAreAccepted() {
		ManchetteProperties settings = CommandSettings.read(Map.of("MANCHETTE_POLLING_LEASE", "1d",
				"MANCHETTE_POLLING_MININTERVAL", "24h", "MANCHETTE_POLLING_STARTJITTER", "1d",
				"MANCHETTE_POLLING_STOPWAIT", "1h", "MANCHETTE_STORIES_WINDOW", "7d"), Map.of());

		assertThat(settings.polling().lease()).isEqualTo(Duration.ofDays(1));
		assertThat(settings.polling().minInterval()).isEqualTo(Duration.ofDays(1));
		assertThat(settings.polling().startJitter()).isEqualTo(Duration.ofDays(1));
		assertThat(settings.polling().stopWait()).isEqualTo(Duration.ofHours(1));
		assertThat(settings.stories().window()).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void aSettingTheServiceWouldRefuseIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandSettings.read(Map.of("MANCHETTE_POLLING_CONCURRENCY", "0"), Map.of()))
			.withMessageStartingWith("Failed to bind properties under 'manchette.polling'")
			.withMessageEndingWith(": manchette.polling.concurrency must be at least 1");
	}

}

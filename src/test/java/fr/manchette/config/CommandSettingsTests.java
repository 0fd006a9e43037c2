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

	/** What the README tells an operator to use for a command, which takes no {@code --name=value}: {@code -D}. */
	@Test
	void aJavaSystemPropertyIsReadAsTheServiceReadsIt() {
		System.setProperty("manchette.user-agent", "Manchette de la rédaction");
		try {
			assertThat(CommandSettings.read(Map.of("MANCHETTE_USER_AGENT", "ignored"), Map.of()).userAgent())
				.isEqualTo("Manchette de la rédaction");
		}
		finally {
			System.clearProperty("manchette.user-agent");
		}
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
			MANCHETTE_POLLING_MININTERVAL   | manchette.polling.min-interval must be from 0 to 24h (the longest max-interval), not PT24000000H
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

	/**
	 * Each of these the service once took, to fail later with no word of the setting: a reload-interval of zero or
	 * less stopped the start with a bare IllegalArgumentException from the scheduler, a negative min-interval with
	 * "'minInterval' must not be negative", and a User-Agent with a line break or a character beyond Latin-1 (as
	 * « — ») made every poll UNEXPECTED, since Java's HTTP client refuses such a header.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			MANCHETTE_RELOADINTERVAL      | 0s                  | manchette.reload-interval must be positive, not PT0S
			MANCHETTE_RELOADINTERVAL      | -2s                 | manchette.reload-interval must be positive, not PT-2S
			MANCHETTE_POLLING_MININTERVAL | -1m                 | manchette.polling.min-interval must be from 0 to 24h (the longest max-interval), not PT-1M
			MANCHETTE_USERAGENT           | '  '                | manchette.user-agent must be one line of printable characters (a header of every request: no line break, nothing beyond Latin-1), not "  "
			MANCHETTE_USERAGENT           | Manchette — Le Fil  | manchette.user-agent must be one line of printable characters (a header of every request: no line break, nothing beyond Latin-1), not "Manchette — Le Fil"
			""")
	void aSettingThatWouldFailLaterIsRefusedByName(String variable, String value, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandSettings.read(Map.of(variable, value), Map.of()))
			.withMessageEndingWith(": " + message);
	}

	@Test
	void aUserAgentOnTwoLinesIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandSettings.read(Map.of("MANCHETTE_USERAGENT", "Manchette\nHost: ailleurs"), Map.of()))
			.withMessageContaining("manchette.user-agent must be one line");
	}

	@Test
	void aSettingTheServiceWouldRefuseIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandSettings.read(Map.of("MANCHETTE_POLLING_CONCURRENCY", "0"), Map.of()))
			.withMessageStartingWith("Failed to bind properties under 'manchette.polling'")
			.withMessageEndingWith(": manchette.polling.concurrency must be at least 1");
	}

}

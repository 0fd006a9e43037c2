package fr.manchette.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

	@Test
	void aSettingTheServiceWouldRefuseIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandSettings.read(Map.of("MANCHETTE_POLLING_CONCURRENCY", "0"), Map.of()))
			.withMessageStartingWith("Failed to bind properties under 'manchette.polling'")
			.withMessageEndingWith(": manchette.polling.concurrency must be at least 1");
	}

}

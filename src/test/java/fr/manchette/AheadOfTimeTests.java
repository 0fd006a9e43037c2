package fr.manchette;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which settings keep the packaged service from starting on the code generated ahead of time. */
class AheadOfTimeTests {

	private static final PropertySource<?> BUILT_IN = new MapPropertySource("application.yml",
			Map.of("management.endpoints.web.exposure.include", "health,prometheus", "server.port", "8080"));

	@Test
	void settingsThatDecideSpringBootsBeansDifferentlyAreNamed() {
		StandardEnvironment environment = environment(Map.of("management.server.port", "9090",
				"spring.h2.console.enabled", "true"), Map.of("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "*"));

		assertThat(AheadOfTime.decidingSettings(environment, BUILT_IN)).containsExactly(
				"management.endpoints.web.exposure.include", "management.server.port", "spring.h2.console.enabled");
	}

	@Test
	void theStoresTheWebServersManchettesAndApplicationYmlsOwnValuesAreNot() {
		StandardEnvironment environment = environment(Map.of("server.port", "8181", "server.address", "127.0.0.1",
				"spring.datasource.url", "jdbc:postgresql://localhost/manchette",
				"spring.datasource.hikari.connection-timeout", "5s", "manchette.public-url", "https://fil.example/",
				"manchette.polling.enabled", "false", "logging.level.root", "warn", "spring.application.pid", "4242"),
				Map.of("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,prometheus", "SPRING_DATASOURCE_PASSWORD",
						"secret", "PATH", "/usr/bin"));

		assertThat(AheadOfTime.decidingSettings(environment, BUILT_IN)).isEmpty();
	}

	private static StandardEnvironment environment(Map<String, Object> arguments, Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("arguments", arguments));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		environment.getPropertySources().addLast(BUILT_IN);
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

}

package fr.manchette.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The service's settings ({@link ManchetteProperties}) as an operator's command ({@code preview}, {@code discover})
 * reads them without starting the service: the same property sources in the same order (the command line's
 * {@code --manchette.*}, Java system properties, the environment such as {@code MANCHETTE_FEEDS}, then the
 * {@code application.yml} files Spring Boot finds, the packaged one last) and the same defaults, bound by Spring's
 * {@link Binder}. So a command finds feeds.yml where the service would, and sends the service's User-Agent.
 */
public final class CommandSettings {

	private CommandSettings() {
	}

	/**
	 * @param environment the process's environment variables ({@code System.getenv()})
	 * @param commandLine properties given on the command line, e.g. {@code manchette.feeds}
	 * @throws IllegalArgumentException if a setting is wrong, as the service would refuse to start with it; its
	 * message names the setting and says why
	 */
	public static ManchetteProperties read(Map<String, String> environment, Map<String, String> commandLine) {
		StandardEnvironment spring = new StandardEnvironment();
		MutablePropertySources sources = spring.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new LinkedHashMap<String, Object>(environment)));
		sources.addFirst(new MapPropertySource("commandLineArgs", new LinkedHashMap<String, Object>(commandLine)));
		// What SpringApplication does before the context exists: application.yml, profiles, spring.config.*.
		ConfigDataEnvironmentPostProcessor.applyTo(spring);
		try {
			return Binder.get(spring).bindOrCreate("manchette", ManchetteProperties.class);
		}
		catch (BindException ex) {
			// "Failed to bind properties under 'manchette.polling' to …: manchette.polling.concurrency must be …"
			Throwable why = NestedExceptionUtils.getMostSpecificCause(ex);
			throw new IllegalArgumentException(ex.getMessage() + ((why != ex) ? ": " + why.getMessage() : ""), ex);
		}
	}

}

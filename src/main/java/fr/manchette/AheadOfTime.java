package fr.manchette;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.OriginTrackedResource;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * Has the packaged service start from the code that the build generated ahead of time (process-aot in pom.xml): the
 * bean definitions that Spring works out at every start otherwise (the component scan, the auto-configuration's
 * conditions), written once as plain code, which takes a start less CPU.
 * <p>
 * That code holds what the conditions decided at the build, from application.yml: a setting that would decide
 * otherwise at run time (an actuator endpoint exposed, a management port) would be ignored in silence. So the start
 * goes without it when a setting that can decide Spring Boot's beans ({@code spring.*}, {@code management.*},
 * {@code server.*}) differs from application.yml, but for those that act at run time either way ({@link #RUN_TIME}).
 * Manchette's own settings decide at run time which of its beans exist (the polling's, WebSub's).
 * <p>
 * From a jar only, whose generated code was made from its own classes: classes in a directory (spring-boot:run, the
 * tests) may lie beside the generated code of an earlier build. {@code -Dspring.aot.enabled} given decides instead.
 */
final class AheadOfTime implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final String ENABLED = "spring.aot.enabled";

	private static final String GENERATED = ManchetteApplication.class.getName() + "__ApplicationContextInitializer";

	/**
	 * Settings that the generated code reads at run time like the rest: the store's, the web server's address, and
	 * those Spring Boot sets itself (the process id).
	 */
	private static final List<String> RUN_TIME = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "spring.datasource.driver-class-name", "spring.datasource.hikari.",
			"server.port", "server.address", "spring.config.", "spring.profiles.", "spring.application.",
			ENABLED);

	private static final Logger log = LoggerFactory.getLogger(AheadOfTime.class);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (System.getProperty(ENABLED) != null || !packaged()) {
			return;
		}
		List<String> deciding = decidingSettings(event.getEnvironment(), builtIn(event.getEnvironment()));
		if (deciding.isEmpty()) {
			System.setProperty(ENABLED, "true");
		}
		else {
			log.info("Starting without the code generated ahead of time: {} may decide which beans exist", deciding);
		}
	}

	/** Whether the classes come from a jar that holds the code generated for them. */
	private static boolean packaged() {
		URL classes = ManchetteApplication.class.getProtectionDomain().getCodeSource().getLocation();
		try {
			boolean directory = classes.getProtocol().equals("file") && Files.isDirectory(Path.of(classes.toURI()));
			return !directory && ClassUtils.isPresent(GENERATED, ManchetteApplication.class.getClassLoader());
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** The jar's application.yml, as Spring Boot read it: what the build decided from. */
	private static PropertySource<?> builtIn(ConfigurableEnvironment environment) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> names && names.getPropertyNames().length > 0
					&& OriginLookup.getOrigin(source, names.getPropertyNames()[0]) instanceof TextResourceOrigin origin
					&& origin.getResource() instanceof OriginTrackedResource tracked
					&& tracked.getResource() instanceof ClassPathResource resource
					&& resource.getPath().equals("application.yml")) {
				return source;
			}
		}
		return new MapPropertySource("application.yml", Map.of());
	}

	/**
	 * The settings, from anywhere (arguments, environment variables, files), that may decide Spring Boot's beans and
	 * whose value is not application.yml's.
	 */
	static List<String> decidingSettings(Environment environment, PropertySource<?> builtIn) {
		Set<String> deciding = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource names) {
				names.stream()
					.map(ConfigurationPropertyName::toString)
					.filter(AheadOfTime::mayDecideBeans)
					.filter((name) -> !Objects.equals(environment.getProperty(name), text(builtIn.getProperty(name))))
					.forEach(deciding::add);
			}
		}
		return List.copyOf(deciding);
	}

	private static boolean mayDecideBeans(String name) {
		return (name.startsWith("spring.") || name.startsWith("management.") || name.startsWith("server."))
				&& RUN_TIME.stream().noneMatch((runTime) -> runTime.endsWith(".") ? name.startsWith(runTime)
						: name.equals(runTime));
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}

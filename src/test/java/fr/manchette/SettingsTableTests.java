package fr.manchette;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tables of settings (Service settings, WebSub) against the service's own: every {@code manchette.*}
 * row names a setting the service binds, with the default it binds when nothing is given (application.yml over the
 * records' defaults, as Spring Boot reads them), and every setting the service binds has its row. An operator
 * copies these names and trusts these defaults; a default changed in the code alone fails here.
 */
class SettingsTableTests {

	/** {@code | `manchette.x.y` | default | meaning |}, and the webhooks' row, {@code `manchette.webhooks[N].url`, `.secret`}. */
	private static final Pattern ROW = Pattern.compile("^\\| `(manchette\\.[^`]+)`(?:, `[^`]+`)* \\| ([^|]+) \\|",
			Pattern.MULTILINE);

	private static final Map<String, String> documented = new LinkedHashMap<>();

	/** Each {@code @ConfigurationProperties} record of the service, bound with nothing given. */
	private static final List<Bound> bound = new ArrayList<>();

	private static Binder binder;

	@BeforeAll
	static void readBoth() throws IOException, ClassNotFoundException {
		Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
		while (row.find()) {
			documented.put(row.group(1), row.group(2).strip());
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		binder = Binder.get(environment);
		ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
		scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition found : scan.findCandidateComponents("fr.manchette")) {
			Class<?> type = ClassUtils.forName(found.getBeanClassName(), null);
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			bound.add(new Bound(prefix, binder.bindOrCreate(prefix, type)));
		}
	}

	@Test
	void theTablesListSettings() {
		assertThat(documented).containsKeys("manchette.feeds", "manchette.polling.concurrency", "manchette.public-url",
				"manchette.webhooks[N].url", "manchette.h2.compaction.force-every");
		assertThat(bound).hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void everyDocumentedDefaultIsTheOneTheServiceBinds() {
		List<String> wrong = new ArrayList<>();
		documented.forEach((key, shown) -> {
			Optional<Object> value = valueOf(key);
			if (value == null) {
				wrong.add(key + ": no such setting");
			}
			else if (!sameDefault(shown, value.orElse(null))) {
				wrong.add(key + ": the README says " + shown + ", the service binds " + value.orElse(null));
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void everySettingTheServiceBindsHasItsRow() {
		TreeSet<String> undocumented = new TreeSet<>();
		bound.forEach((settings) -> leaves(settings.prefix(), settings.value().getClass(), undocumented));
		undocumented.removeIf((key) -> documented.containsKey(key)
				|| documented.keySet().stream().anyMatch((row) -> row.startsWith(key + "[N].")));
		assertThat(undocumented).isEmpty();
	}

	/** The bound value of a documented key; empty for a setting that is unset; null for no such setting. */
	private static Optional<Object> valueOf(String key) {
		String path = key.replace("[N]", "");
		for (Bound settings : bound) {
			String prefix = settings.prefix();
			if (!path.startsWith(prefix + ".")) {
				continue;
			}
			Object value = settings.value();
			boolean found = true;
			for (String name : path.substring(prefix.length() + 1).split("\\.")) {
				RecordComponent component = (value != null) ? component(value.getClass(), name) : null;
				if (component == null) {
					found = false;
					break;
				}
				value = read(component, value);
				if (value instanceof Collection<?> list && key.contains("[N]")) {
					// A list of records (the webhooks): documented by its elements' names, and empty by default.
					return list.isEmpty() ? Optional.empty() : Optional.of(list);
				}
			}
			if (found) {
				return Optional.ofNullable(value);
			}
		}
		// Read by the store rather than a record: application.yml's value, or none.
		return binder.bind(key, String.class).map(Object.class::cast).map(Optional::of).orElse(null);
	}

	private static boolean sameDefault(String shown, Object value) {
		if (shown.equals("none")) {
			// A list an operator gives nothing for (manchette.page.frame-ancestors) binds as an empty one.
			return value == null || (value instanceof Collection<?> list && list.isEmpty());
		}
		String text = shown.replaceAll("^`|`$", "");
		if (value instanceof Duration duration) {
			return DurationStyle.detectAndParse(text).equals(duration);
		}
		if (value instanceof Path path) {
			return Path.of(text).normalize().equals(path.normalize());
		}
		if (text.contains("<version>")) {
			return String.valueOf(value).matches(Pattern.quote(text).replace("<version>", "\\E[0-9][^ @]*\\Q"));
		}
		return text.equals(String.valueOf(value));
	}

	/** Every setting under a prefix, as an operator writes it: kebab-case, a record's components nested. */
	private static void leaves(String prefix, Class<?> type, Collection<String> keys) {
		for (RecordComponent component : type.getRecordComponents()) {
			String key = prefix + "." + kebab(component.getName());
			if (component.getType().isRecord()) {
				leaves(key, component.getType(), keys);
			}
			else {
				keys.add(key);
			}
		}
	}

	private static RecordComponent component(Class<?> type, String kebabName) {
		if (!type.isRecord()) {
			return null;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			if (kebab(component.getName()).equals(kebabName)) {
				return component;
			}
		}
		return null;
	}

	private static Object read(RecordComponent component, Object from) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(from);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Bound(String prefix, Object value) {
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}

package fr.manchette.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the store's URL ({@link DatabaseUrl}) in place of {@code spring.datasource.url} once every setting is known
 * (application.yml, arguments, environment, and a test's dynamic properties) and before any bean is made, so that
 * the DataSource, Flyway and the logs all see the same URL, and a URL that cannot work stops the start before
 * anything else does. Registered in {@code META-INF/spring.factories}, so that it also serves test slices.
 */
class DatabaseUrlResolver implements ApplicationListener<ApplicationPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUrlResolver.class);

	static final String URL = "spring.datasource.url";

	static final String DATA_DIR = "manchette.data-dir";

	private static final Path DEFAULT_DATA_DIR = Path.of("./data");

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
		String configured = environment.getProperty(URL);
		String dataDirectory = environment.getProperty(DATA_DIR);
		// The store's place is one setting to an operator: a directory, or the URL of an H2 file (jdbc:h2:file:…).
		boolean urlInDataDir = (configured == null || configured.isBlank()) && dataDirectory != null
				&& dataDirectory.strip().regionMatches(true, 0, "jdbc:", 0, "jdbc:".length());
		Path dataDir = urlInDataDir ? DEFAULT_DATA_DIR
				: Binder.get(environment).bind(DATA_DIR, Path.class).orElse(DEFAULT_DATA_DIR);
		String url = DatabaseUrl.resolve(urlInDataDir ? dataDirectory : configured, dataDir);
		// First even when unchanged: every later read gets the URL the pool was given, whatever gave it (a test's
		// dynamic property is computed again at each read, and a PostgreSQL test's makes its database anew).
		Map<String, Object> store = new HashMap<>(Map.of(URL, url));
		// What the operator gave stays theirs (ours, from an earlier run of this listener, are put again).
		if (DatabaseUrl.isH2(url)) {
			DatabaseUrl.H2_POOL_DEFAULTS.forEach((key, value) -> {
				String given = environment.getProperty(key);
				if (given == null || given.equals(value)) {
					store.put(key, value);
				}
			});
		}
		else {
			DatabaseUrl.POSTGRESQL_DEFAULTS.forEach((property, value) -> {
				String key = DatabaseUrl.DRIVER_PROPERTIES + property;
				String given = environment.getProperty(key);
				if (!DatabaseUrl.gives(url, property) && (given == null || given.equals(value))) {
					store.put(key, value);
				}
			});
		}
		environment.getPropertySources().addFirst(new MapPropertySource("manchette.store", store));
		log.info("Store: {}", DatabaseUrl.masked(url));
		H2FileDirectory.prepare(url);
	}

}

package fr.manchette.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The JDBC URL that the store runs on, from {@code spring.datasource.url} and {@code manchette.data-dir}.
 *
 * <p>The same SQL runs on PostgreSQL and on H2, provided H2 behaves as PostgreSQL does: PostgreSQL's dialect
 * ({@code INSERT … ON CONFLICT DO NOTHING}), lower-case names, and nulls sorted last when ascending. Those are
 * settings of H2's URL, so any H2 URL gets the ones it lacks, and the user's own settings (a write delay, a cache
 * size, {@code AUTO_SERVER}) stay; it also gets a lock timeout, {@code DB_CLOSE_ON_EXIT=FALSE} and a query cache
 * unless it sets them. A PostgreSQL URL is used as given, its driver told a lock timeout and a socket timeout unless
 * the URL or the settings give them ({@link #POSTGRESQL_DEFAULTS}). Anything else cannot work, and says so in one
 * sentence before any connection is tried.
 *
 * <p>H2 keeps its default {@code WRITE_DELAY} (500 ms): its background writer also compacts the file. With
 * {@code WRITE_DELAY=0} it has no background writer, and the file grew without bound (10 GB for 100 000 items stored
 * in a burst). A kill -9 may lose the last half second of commits: a poll's items and validators go together, so
 * the next poll stores them.
 */
final class DatabaseUrl {

	/** What the store's SQL needs of H2, in the order they are appended. */
	static final Map<String, String> H2_SETTINGS = h2Settings();

	/**
	 * What H2 gets unless the URL says otherwise: a poll's transaction waits up to a minute for the story lock (H2's
	 * default, one second, fails a poll whenever another one storing a big feed holds it); and the database closes
	 * with the service's connection pool, not from a JVM shutdown hook of H2's own racing the service's stop (polls
	 * still running failed with "Database is already closed"); and each connection keeps 64 parsed statements, not 8:
	 * a poll runs more than 8 on its connection, so with H2's default the item insert of 30 rows (some 160 KB parsed)
	 * was pushed out and parsed again at every poll, and its copies filled the old generation (a cold pass of 1000
	 * feeds: 7 fewer young collections, a tenth less promoted, the parser's share of the samples 1.7 to 0.5 %).
	 */
	static final Map<String, String> H2_DEFAULTS = defaults();

	/**
	 * What PostgreSQL's driver gets unless the URL gives the parameter, or the pool's property of the same name
	 * ({@link #DRIVER_PROPERTIES}) another value. A statement waits a minute at most for a lock, as on H2
	 * ({@code LOCK_TIMEOUT} above), not for ever behind a table someone locked (a {@code VACUUM FULL}, an
	 * {@code ALTER TABLE}, a transaction left open in psql), every poll that stores items with it. And an answer is
	 * waited for 5 minutes at most: a network that drops packets without closing the connection (a firewall's state
	 * lost, a failover that moves an address) otherwise holds the statement until the system's TCP timeout, or for
	 * ever when the request had gone out whole, and its poll with it. Five minutes is many times the longest statement
	 * the service runs (a poll's store step, a batch of the hourly prune, a lock waited for a minute).
	 */
	static final Map<String, String> POSTGRESQL_DEFAULTS = Map.of("options", "-c lock_timeout=60000", "socketTimeout",
			"300");

	/**
	 * What the pool gets on H2 unless the operator sets it: a connection on which H2 said that it closed the database
	 * (its file could not be written) is thrown away and replaced, which opens the file anew ({@link ClosedH2Eviction}).
	 */
	static final Map<String, String> H2_POOL_DEFAULTS = Map.of("spring.datasource.hikari.exception-override-class-name",
			ClosedH2Eviction.class.getName());

	/** The prefix of the pool's properties that pass connection properties to PostgreSQL's driver. */
	static final String DRIVER_PROPERTIES = "spring.datasource.hikari.data-source-properties.";

	private static final String H2 = "jdbc:h2:";

	private static final String POSTGRESQL = "jdbc:postgresql:";

	/** The H2 file's name in the data directory ({@code manchette.mv.db} on disk). */
	private static final String H2_FILE = "manchette";

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

	private DatabaseUrl() {
	}

	/**
	 * The URL to connect to.
	 * @param configured {@code spring.datasource.url}, if given
	 * @param dataDir {@code manchette.data-dir}: where the H2 file is when no URL is given
	 * @throws UnusableDatabaseUrlException if the configured URL cannot work
	 */
	static String resolve(@Nullable String configured, Path dataDir) {
		if (configured == null || configured.isBlank()) {
			return withH2Settings(H2 + "file:" + dataDir.toAbsolutePath().normalize().resolve(H2_FILE));
		}
		String url = configured.strip();
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith(POSTGRESQL)) {
			return url;
		}
		if (lower.startsWith(H2)) {
			return withH2Settings(url);
		}
		if (lower.startsWith("jdbc:")) {
			throw new UnusableDatabaseUrlException(url,
					"Manchette stores its items in H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…) only");
		}
		throw new UnusableDatabaseUrlException(url,
				"it is not a JDBC URL (jdbc:h2:… for H2, jdbc:postgresql:… for PostgreSQL)");
	}

	/** Whether a PostgreSQL URL gives this driver property of its own ({@code ?options=-c …}). */
	static boolean gives(String url, String property) {
		return Pattern.compile("[?&]" + Pattern.quote(property) + "=", Pattern.CASE_INSENSITIVE).matcher(url).find();
	}

	/** Whether the URL is H2's (a file, in memory or a server), whatever the case its prefix is written in. */
	static boolean isH2(String url) {
		return url.regionMatches(true, 0, H2, 0, H2.length());
	}

	/** The URL with any password in it hidden, for logs and messages. */
	static String masked(String url) {
		return USER_INFO.matcher(PASSWORD.matcher(url).replaceAll("$1****")).replaceAll("$1****@");
	}

	/** Whether an H2 URL sets {@code key} ({@code RETENTION_TIME}, say) itself, whatever the case it is written in. */
	static boolean sets(String url, String key) {
		return given(url).containsKey(key.toUpperCase(Locale.ROOT));
	}

	/** The value an H2 URL gives {@code key} ({@code AUTO_SERVER}, say), whatever the case it is written in; null if none. */
	static @Nullable String setting(String url, String key) {
		return given(url).get(key.toUpperCase(Locale.ROOT));
	}

	/** The settings written in a URL after its first ';', by upper-case name. */
	private static Map<String, String> given(String url) {
		List<String> parts = parts(url);
		Map<String, String> given = new LinkedHashMap<>();
		for (String setting : parts.subList(1, parts.size())) {
			int equals = setting.indexOf('=');
			String key = ((equals < 0) ? setting : setting.substring(0, equals)).strip().toUpperCase(Locale.ROOT);
			given.put(key, (equals < 0) ? "" : setting.substring(equals + 1).strip());
		}
		return given;
	}

	private static List<String> parts(String url) {
		List<String> parts = new ArrayList<>(List.of(url.split(";", -1)));
		parts.removeIf(String::isBlank);
		return parts;
	}

	private static String withH2Settings(String url) {
		List<String> parts = parts(url);
		Map<String, String> given = given(url);
		if ("TRUE".equalsIgnoreCase(given.get("DATABASE_TO_UPPER"))) {
			throw new UnusableDatabaseUrlException(url, "DATABASE_TO_UPPER=TRUE contradicts the DATABASE_TO_LOWER=TRUE"
					+ " that Manchette's SQL needs (leave it out and Manchette sets what H2 needs)");
		}
		StringBuilder resolved = new StringBuilder(String.join(";", parts));
		H2_SETTINGS.forEach((key, needed) -> {
			String value = given.get(key);
			if (value == null) {
				resolved.append(';').append(key).append('=').append(needed);
			}
			else if (!value.equalsIgnoreCase(needed)) {
				throw new UnusableDatabaseUrlException(url, key + "=" + value + " contradicts the " + key + "="
						+ needed + " that Manchette's SQL needs (leave it out and Manchette sets what H2 needs)");
			}
		});
		H2_DEFAULTS.forEach((key, value) -> {
			if (!given.containsKey(key)) {
				resolved.append(';').append(key).append('=').append(value);
			}
		});
		return resolved.toString();
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("LOCK_TIMEOUT", "60000");
		defaults.put("DB_CLOSE_ON_EXIT", "FALSE");
		defaults.put("QUERY_CACHE_SIZE", "64");
		return Collections.unmodifiableMap(defaults);
	}

	private static Map<String, String> h2Settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("MODE", "PostgreSQL");
		settings.put("DATABASE_TO_LOWER", "TRUE");
		settings.put("DEFAULT_NULL_ORDERING", "HIGH");
		return Collections.unmodifiableMap(settings);
	}

}

package fr.manchette.support;

import java.nio.file.Path;

/** The JDBC URL of an H2 file database with the options the service runs with (PostgreSQL mode). */
public final class H2Files {

	public static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000";

	private H2Files() {
	}

	/** A database in {@code dir}, e.g. a test's temporary directory. */
	public static String url(Path dir) {
		return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/manchette") + OPTIONS;
	}

}

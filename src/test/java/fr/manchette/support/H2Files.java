package fr.manchette.support;

import java.nio.file.Path;

/**
 * The JDBC URL of an H2 file database for a test or a benchmark: a bare file URL, as an operator would write it;
 * the service adds the settings that H2 needs at start.
 */
public final class H2Files {

	private H2Files() {
	}

	/** A database in {@code dir}, e.g. a test's temporary directory. */
	public static String url(Path dir) {
		return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/manchette");
	}

}

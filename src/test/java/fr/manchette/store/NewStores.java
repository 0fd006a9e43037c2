package fr.manchette.store;

import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/** New empty stores for the tests that run Flyway and the repositories themselves, upgrades above all. */
final class NewStores {

	private NewStores() {
	}

	/** A new empty H2 store in {@code target/h2/<name>}, as a JDBC URL: what an earlier run left there is deleted. */
	static String h2(String name) {
		Path dir = Path.of("target", "h2", name).toAbsolutePath();
		FileSystemUtils.deleteRecursively(dir.toFile());
		return DatabaseUrl.resolve(null, dir);
	}

}

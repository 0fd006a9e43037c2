package fr.manchette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.springframework.util.FileSystemUtils;

/**
 * A throwaway PostgreSQL server for the tests, made from the system's binaries (Debian's {@code postgresql}
 * package, which {@code .ci/run} installs): a fresh cluster in {@code target/}, on a free loopback port, started
 * once per JVM and removed at exit. PostgreSQL refuses to run as root, so as root it runs as the
 * {@code postgres} user. Without the binaries the PostgreSQL tests are skipped, except on CI where they fail.
 */
public final class LocalPostgres {

	private static LocalPostgres instance;

	private final String jdbcUrl;

	private LocalPostgres(String jdbcUrl) {
		this.jdbcUrl = jdbcUrl;
	}

	/** The running server, started at the first call. */
	public static synchronized LocalPostgres get() {
		if (instance == null) {
			Optional<Path> bin = binaries();
			if (bin.isEmpty()) {
				String message = "PostgreSQL binaries not found (apt-get install postgresql, or set MANCHETTE_PG_BIN)";
				if (System.getenv("CI") != null) {
					throw new IllegalStateException(message);
				}
				Assumptions.abort(message);
			}
			instance = start(bin.get());
		}
		return instance;
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** A new empty database on the same server, for a test that needs a store of its own. */
	public String newDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return this.jdbcUrl.replace("/postgres?", "/" + name + "?");
	}

	private static LocalPostgres start(Path bin) {
		try {
			Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-");
			List<String> asUser = asPostgresUser();
			if (!asUser.isEmpty()) {
				run(List.of("chown", "-R", "postgres", data.toString()));
			}
			int port = freePort();
			run(concat(asUser, bin.resolve("initdb").toString(), "-D", data.resolve("cluster").toString(), "-A",
					"trust", "-U", "postgres", "-E", "UTF8", "--no-locale"));
			run(concat(asUser, bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-w",
					"-l", data.resolve("server.log").toString(), "-o",
					"-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					run(concat(asUser, bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(),
							"-m", "immediate", "stop"));
				}
				catch (RuntimeException ex) {
					// Exiting anyway: the directory goes below.
				}
				FileSystemUtils.deleteRecursively(data.toFile());
			}));
			return new LocalPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Path> binaries() {
		String configured = System.getenv("MANCHETTE_PG_BIN");
		if (configured != null) {
			return Optional.of(Path.of(configured));
		}
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((dir) -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
				.max(Comparator.comparing((dir) -> Integer.parseInt(dir.getParent().getFileName().toString().replaceAll("\\D", "0"))));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static List<String> asPostgresUser() {
		return "root".equals(System.getProperty("user.name")) ? List.of("runuser", "-u", "postgres", "--")
				: List.of();
	}

	private static List<String> concat(List<String> prefix, String... command) {
		List<String> all = new ArrayList<>(prefix);
		all.addAll(List.of(command));
		return all;
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

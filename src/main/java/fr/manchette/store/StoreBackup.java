package fr.manchette.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A copy of the store taken while the service runs, on H2: H2's {@code BACKUP TO}, a zip of the database file as it
 * is at one moment (its pages are versions: nothing is locked, polls go on), written next to the file under
 * {@code backups/}. On PostgreSQL the database's own tools do it ({@code pg_dump}), and there is nothing to copy here.
 */
@Component
public class StoreBackup {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	StoreBackup(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A copy written, where and how large.
	 *
	 * @param file the zip, {@code manchette-<UTC time>.zip}
	 * @param bytes its size
	 * @param at when it was taken
	 */
	public record Copy(Path file, long bytes, Instant at) {
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
		Path file = dir.resolve("manchette-" + STAMP.format(at) + ".zip");
		for (int n = 2; Files.exists(file); n++) {
			file = dir.resolve("manchette-" + STAMP.format(at) + "-" + n + ".zip");
		}
		try {
			Files.createDirectories(dir);
			this.jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
			return Optional.of(new Copy(file, Files.size(file), at));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

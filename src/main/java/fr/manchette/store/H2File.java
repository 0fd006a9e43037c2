package fr.manchette.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.api.ErrorCode;
import org.h2.engine.Database;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RandomAccessStore;
import org.jspecify.annotations.Nullable;

/**
 * The embedded H2 file, as its storage engine (MVStore) sees it, and the steps that compact it. H2 never writes a
 * page in place: each commit appends new pages in a new chunk and leaves the old ones dead in theirs. A step
 * rewrites the live pages of the emptiest old chunks, a few MB, then, when no one writes, moves chunks down into the
 * space freed and cuts the end of the file: what {@code MVStore.compactFile} does in 16 MB steps, but without holding
 * the store for the whole of it. Only H2's own API can compact an open file, hence MVStore's types here and in no
 * other class.
 */
final class H2File {

	/** H2's own target for its chunks ({@code AUTO_COMPACT_FILL_RATE}'s default). */
	static final int CHUNK_FILL_TARGET = 90;

	/** H2's file block: a chunk takes whole ones. */
	private static final int BLOCK = 4096;

	private static final int STALLED_STEPS = 8;

	private final MVStore store;

	/**
	 * The store version held since the last {@link #forceToDisk}: every chunk up to it is on the disk, and H2
	 * overwrites no chunk that a version from it on still needs. Null while nothing is forced.
	 */
	private MVStore.@Nullable TxCounter forced;

	/** The file of a store opened here; {@link #of} finds the database's own. */
	H2File(MVStore store) {
		this.store = store;
	}

	/** The file of an H2 database opened in this process; null for anything else (PostgreSQL, H2 in memory). */
	static @Nullable H2File of(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!(databaseOf(connection) instanceof Database database) || !database.isPersistent()) {
				return null;
			}
			MVStore store = database.getStore().getMvStore();
			return (store.getFileStore() instanceof RandomAccessStore) ? new H2File(store) : null;
		}
	}

	/**
	 * The database that {@code connection} is on, as H2 has it open in this process: the same object for every
	 * connection until H2 opens the database anew. Null for anything else (PostgreSQL, an H2 server).
	 */
	static @Nullable Object databaseOf(Connection connection) throws SQLException {
		if (!connection.isWrapperFor(JdbcConnection.class)) {
			return null;
		}
		Session session = connection.unwrap(JdbcConnection.class).getSession();
		return (session instanceof SessionLocal local) ? local.getDatabase() : null;
	}

	/**
	 * Whether {@code failure} comes from H2's file: it could not be written or read (the disk full, a file system
	 * remounted read-only), after which H2 closes the database for every session.
	 */
	static boolean failed(Throwable failure) {
		boolean inStorage = false;
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			inStorage |= cause instanceof MVStoreException;
			if (inStorage && cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	boolean isOpen() {
		return !this.store.isClosed();
	}

	H2Fill fill() {
		Map<String, String> info = new HashMap<>();
		this.store.populateInfo(info::put);
		return H2Fill.of(info);
	}

	/**
	 * Forces what H2 has written to the disk, and from then on lets it overwrite only the chunks that a version on
	 * the disk no longer needs. H2 frees a chunk once no page of it is live, the chunk is older than the retention
	 * time (counted from the chunk's own writing, not from when it emptied), and the version that emptied it is older
	 * than every version in use. So the current version is held as in use (as a reading transaction holds its own),
	 * H2's chunks up to it are forced to the disk, and only then is the version held before given back: a chunk
	 * emptied by version V is overwritten only once the chunk of V, which holds its replacement pages, is on the
	 * disk, whatever the retention time. A crash, power lost included, finds on the disk the version forced last or
	 * a later one, whole.
	 */
	synchronized void forceToDisk() {
		MVStore.TxCounter next = this.store.registerVersionUsage();
		// Its chunk may still be in H2's write pipeline (serialized and written by threads of H2's own): this
		// returns once the pipeline is empty.
		this.store.executeFilestoreOperation(() -> {
		});
		this.store.sync();
		MVStore.TxCounter previous = this.forced;
		this.forced = next;
		if (previous != null) {
			this.store.deregisterVersionUsage(previous);
		}
	}

	/**
	 * Writes to the file the commits H2 took and holds in memory (its background writer writes them within
	 * {@code WRITE_DELAY}, half a second), and forces the file to the disk unless {@code forceNext}: then the caller
	 * forces it next ({@link #forceToDisk}), and one sync does for both (the start waits for each, some 10 to 40 ms).
	 */
	void writeTaken(boolean forceNext) {
		this.store.commit();
		if (!forceNext) {
			this.store.sync();
		}
	}

	/** Whether H2 has stored a version since the last {@link #forceToDisk} (or nothing was ever forced). */
	synchronized boolean storedSinceForced() {
		MVStore.TxCounter held = this.forced;
		return held == null || this.store.getCurrentVersion() != held.version;
	}

	/**
	 * Gives back the version held by {@link #forceToDisk}, once no one forces the file any more: H2's own rule
	 * (the retention time) is back alone.
	 */
	synchronized void stopForcing() {
		MVStore.TxCounter held = this.forced;
		this.forced = null;
		if (held != null && isOpen()) {
			this.store.deregisterVersionUsage(held);
		}
	}

	/** How long H2 keeps a chunk it wrote before it may overwrite it once it is empty, in milliseconds. */
	int retentionTime() {
		return this.store.getRetentionTime();
	}

	void retentionTime(int millis) {
		this.store.setRetentionTime(millis);
	}

	/**
	 * Lets chunks be overwritten as soon as nothing reads them, rather than after the retention time (45 s, for a
	 * disk that has not yet written what came before): as H2's own close does, once no one else writes.
	 */
	void closing() {
		this.store.setRetentionTime(0);
	}

	/**
	 * Runs {@code compaction} with no retention time, as {@code MVStore.compactFile} and H2's own close do; for a
	 * store no one else writes to. What came before is forced to the disk first, so nothing it still needs can be
	 * overwritten; and after, before the retention time is back.
	 */
	Compacted withoutRetention(Supplier<Compacted> compaction) {
		int kept = this.store.getRetentionTime();
		this.store.sync();
		this.store.setRetentionTime(0);
		try {
			return compaction.get();
		}
		finally {
			this.store.sync();
			this.store.setRetentionTime(kept);
		}
	}

	/**
	 * Steps until the file is tight enough for the pace, the time is up, the steps stop gaining, or {@code more}
	 * says no more.
	 */
	Compacted compact(CompactionPace pace, long budgetMillis, BooleanSupplier more) {
		long started = System.nanoTime();
		long deadline = started + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
		H2Fill before = fill();
		H2Fill best = before;
		H2Fill now = before;
		int stalled = 0;
		while (pace.wants(now) && stalled < STALLED_STEPS && isOpen() && System.nanoTime() - deadline < 0
				&& more.getAsBoolean()) {
			long stepStarted = System.nanoTime();
			step(now, pace);
			if (forcing()) {
				// What the step emptied may be overwritten by the next one only once the step is on the disk.
				forceToDisk();
			}
			now = fill();
			if (now.betterThan(best)) {
				best = now;
				stalled = 0;
			}
			else {
				stalled++;
			}
			if (pace.pause()) {
				rest(System.nanoTime() - stepStarted);
			}
		}
		return new Compacted(before, now, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private synchronized boolean forcing() {
		return this.forced != null;
	}

	private void step(H2Fill now, CompactionPace pace) {
		// Only old chunks that are emptier than H2's own target: H2 would rewrite full ones as well.
		if (now.oldChunksLive() < CHUNK_FILL_TARGET && this.store.compact(CHUNK_FILL_TARGET, pace.stepBytes())) {
			this.store.commit();
		}
		if (pace.moveAllBelow() > 0 && this.store.getFileStore() instanceof RandomAccessStore file) {
			long inChunks = now.size() * now.inChunks() / 100;
			file.compactMoveChunks(CHUNK_FILL_TARGET,
					(inChunks <= pace.moveAllBelow()) ? Math.max(inChunks + BLOCK, pace.stepBytes()) : pace.stepBytes(),
					this.store);
			// The moves begin by freeing the chunks no version needs any more. When those were the end of the file,
			// behind chunks already packed, there is nothing to move, and H2 cuts the file only when it next stores
			// something: what the freeing changed is stored now. Left to a later write, a store no one writes to
			// kept a file of free space after its live data, which H2 counts as full (it measures its chunks up to
			// the last one's end, not up to the file's).
			this.store.commit();
		}
	}

	/**
	 * {@code SHUTDOWN COMPACT}: the database closes, its live rows are written anew into a file of their own, which
	 * replaces the old one. The tightest file H2 can write (pages full, in order), in a time that grows with the live
	 * data, not the file. Interrupted, it leaves the old file whole and a temporary one that H2 removes at the next
	 * start.
	 */
	static void shutdownCompact(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			// The pool checks the connection it lent once it is given back, on a database closed by then: H2 would
			// write that to its trace file as an error, at every stop.
			statement.execute("SET TRACE_LEVEL_FILE 0");
			statement.execute("SHUTDOWN COMPACT");
		}
		catch (SQLException ex) {
			// The statement's own answer, once it has closed the database under the connection it came on.
			if (ex.getErrorCode() != ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
				throw ex;
			}
		}
	}

	private static void rest(long nanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A compaction: the file before and after, and how long it took. */
	record Compacted(H2Fill before, H2Fill after, long millis) {

		static final Compacted NOTHING = new Compacted(new H2Fill(0, 100, 100, 100, 0, 0),
				new H2Fill(0, 100, 100, 100, 0, 0), 0);

	}

}

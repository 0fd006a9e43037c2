package fr.manchette.store;

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
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jspecify.annotations.Nullable;

/**
 * The embedded H2 file, as its storage engine (MVStore) sees it, and the steps that compact it. H2 never writes a
 * page in place: each commit appends new pages in a new chunk and leaves the old ones dead in theirs. A step
 * rewrites the live pages of the emptiest old chunks, a few MB, then moves chunks down into the space freed and
 * cuts the end of the file: what {@code MVStore.compactFile} does in 16 MB steps, but without holding the store for
 * the whole of it. Only H2's own API can compact an open file, hence the H2 types here and in no other class.
 */
final class H2File {

	/** H2's own target for its chunks ({@code AUTO_COMPACT_FILL_RATE}'s default). */
	private static final int CHUNK_FILL_TARGET = 90;

	/** H2's file block: a chunk takes whole ones. */
	private static final int BLOCK = 4096;

	private static final int STALLED_STEPS = 8;

	private final MVStore store;

	private H2File(MVStore store) {
		this.store = store;
	}

	/** The file of an H2 database opened in this process; null for anything else (PostgreSQL, H2 in memory). */
	static @Nullable H2File of(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.isWrapperFor(JdbcConnection.class)) {
				return null;
			}
			Session session = connection.unwrap(JdbcConnection.class).getSession();
			if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
				return null;
			}
			MVStore store = local.getDatabase().getStore().getMvStore();
			return (store.getFileStore() instanceof RandomAccessStore) ? new H2File(store) : null;
		}
	}

	boolean isOpen() {
		return !this.store.isClosed();
	}

	Fill fill() {
		return Fill.of(this.store);
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
	Compacted compact(Pace pace, long budgetMillis, BooleanSupplier more) {
		long started = System.nanoTime();
		long deadline = started + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
		Fill before = fill();
		Fill best = before;
		Fill now = before;
		int stalled = 0;
		while (pace.wants(now) && stalled < STALLED_STEPS && isOpen() && System.nanoTime() - deadline < 0
				&& more.getAsBoolean()) {
			long stepStarted = System.nanoTime();
			step(now, pace);
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

	private void step(Fill now, Pace pace) {
		// Only old chunks that are emptier than H2's own target: H2 would rewrite full ones as well.
		if (now.oldChunksLive() < CHUNK_FILL_TARGET && this.store.compact(CHUNK_FILL_TARGET, pace.stepBytes())) {
			this.store.commit();
		}
		if (pace.moveAllBelow() > 0 && this.store.getFileStore() instanceof RandomAccessStore file) {
			long inChunks = now.size() * now.inChunks() / 100;
			file.compactMoveChunks(CHUNK_FILL_TARGET,
					(inChunks <= pace.moveAllBelow()) ? Math.max(inChunks + BLOCK, pace.stepBytes()) : pace.stepBytes(),
					this.store);
		}
	}

	/**
	 * How hard a compaction goes.
	 * @param enough the share of the file in live pages it aims at, in percent
	 * @param stepBytes how many bytes of pages a step rewrites (and moves)
	 * @param moveAllBelow chunks this few, in all, are all moved at once: given less than all of the chunks past
	 * the first hole, H2 may keep moving ones that free no end of the file (a file of holes stayed at 330 MB so);
	 * {@code 0}: no moves at all
	 * @param pause whether each step is followed by a pause as long as itself, for the writers
	 * @param youngToo whether the chunks younger than the retention time count: when there is none to wait for
	 */
	record Pace(int enough, int stepBytes, long moveAllBelow, boolean pause, boolean youngToo) {

		/**
		 * While polls write: a few MB of old pages rewritten per step, and no moves, which go by the end of the
		 * file and, under a burst, made it grow; H2's background writer moves chunks as it writes.
		 */
		static final Pace BUSY = new Pace(60, 4 << 20, 0, true, false);

		/** No one wrote since the last look: larger steps hold up no one (readers never wait for the store lock). */
		static final Pace IDLE = new Pace(60, 16 << 20, 256L << 20, true, true);

		/**
		 * A stop, no one writing any more: a store no one writes to packs tighter; a move stays within seconds, as
		 * the time is checked between steps.
		 */
		static final Pace STOPPING = new Pace(80, 16 << 20, 256L << 20, false, true);

		/** Whether the file is still looser than this pace aims at. */
		boolean wants(Fill now) {
			return this.youngToo ? now.liveShare() < this.enough : now.below(this.enough);
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

	/**
	 * The file as H2 sees it ({@code INFORMATION_SCHEMA.SETTINGS} shows the same as {@code info.*}): its size, the
	 * share of it in chunks (the rest is holes), and the share of the chunks' bytes still live, of all chunks and of
	 * those old enough to be rewritten (younger ones are what the last seconds wrote, mostly dead already, and off
	 * limits for the retention time); and how many writes the file has had. It counts pages, not rows: a file
	 * compacted offline is smaller still.
	 */
	record Fill(long size, int inChunks, int chunksLive, int oldChunksLive, long writes) {

		static Fill of(MVStore store) {
			Map<String, String> info = new HashMap<>();
			store.populateInfo(info::put);
			return new Fill(Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0")), percent(info, "info.FILL_RATE"),
					percent(info, "info.CHUNKS_FILL_RATE"), percent(info, "info.CHUNKS_FILL_RATE_RW"),
					Long.parseLong(info.getOrDefault("info.FILE_WRITE", "0")));
		}

		private static int percent(Map<String, String> info, String name) {
			return Integer.parseInt(info.getOrDefault(name, "100"));
		}

		/** The share of the file in live pages, young chunks included. */
		int liveShare() {
			return this.inChunks * this.chunksLive / 100;
		}

		/** The live pages, in bytes, as far as H2 can tell. */
		long live() {
			return this.size * this.inChunks / 100 * this.chunksLive / 100;
		}

		/**
		 * Whether less than {@code percent} % of the file is live pages, counting the young chunks as if they were as
		 * full as the old ones: holes and dead pages in old chunks are what a compaction can take away.
		 */
		boolean below(int percent) {
			return this.inChunks * this.oldChunksLive < percent * 100;
		}

		boolean betterThan(Fill other) {
			return this.size < other.size || this.inChunks > other.inChunks || this.oldChunksLive > other.oldChunksLive
					|| this.chunksLive > other.chunksLive;
		}

		@Override
		public String toString() {
			return "%d MiB (%d %% in chunks, %d %% of them live, %d %% of the old ones)".formatted(this.size >> 20,
					this.inChunks, this.chunksLive, this.oldChunksLive);
		}

	}

	/** A compaction: the file before and after, and how long it took. */
	record Compacted(Fill before, Fill after, long millis) {

		static final Compacted NOTHING = new Compacted(new Fill(0, 100, 100, 100, 0), new Fill(0, 100, 100, 100, 0),
				0);

	}

}

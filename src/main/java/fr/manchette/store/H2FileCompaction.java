package fr.manchette.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file near the size of its live data. H2 never writes a page in place: each commit appends
 * new pages and leaves the old ones dead in their chunks, which its background writer reclaims only as far as it can
 * while the store is busy. Under a burst of polls it fell behind: a million items stored left an 11.4 GB file that
 * {@code SHUTDOWN COMPACT} brought to 1.05 GB. So this does what H2's own background writer does, harder, in small
 * steps (rewrite a few MB of live pages out of the emptiest chunks, then move chunks down into the holes and cut the
 * end of the file):
 * <ul>
 * <li>in the background, every {@code manchette.h2.compaction.interval}, when less than half of the file is in
 * chunks or less than half of the old chunks is live: a few steps (what a step frees is reused only once older than
 * H2's retention time, 45 s, so the next look carries on). Each step holds H2's store lock for a fraction of a
 * second and is followed by a pause as long as itself, so writers are never held up for long. Chunks younger than
 * the retention time are left alone: during a burst they are most of the file, and what a compaction can reach is
 * what they become;
 * <li>on a clean stop, before the connection pool closes, the same steps for at most
 * {@code manchette.h2.compaction.on-stop}.
 * </ul>
 * Only H2's own API can do this ({@code SHUTDOWN COMPACT} closes the database and takes as long as it takes), hence
 * the H2 types here and nowhere else. On PostgreSQL, or an H2 that is not a file of this process, nothing happens.
 */
@Component
class H2FileCompaction implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

	/**
	 * The background compaction starts when less than this percentage of the file is in chunks (the rest being
	 * holes), or of the old chunks' bytes is live: the file is then more than twice what it needs to be.
	 */
	static final int START_BELOW = 50;

	/** ...and stops when both are above this. */
	static final int ENOUGH_BACKGROUND = 60;

	/** What a stop aims at: a store no one writes to packs tighter (steps stop gaining around there anyway). */
	static final int ENOUGH_ON_STOP = 80;

	/** A file this small is left as it is. */
	static final long MIN_SIZE = 16L << 20;

	private static final int STEP_BYTES = 4 << 20;

	/** H2's own target for its chunks ({@code AUTO_COMPACT_FILL_RATE}'s default). */
	private static final int CHUNK_FILL_TARGET = 90;

	private static final int STALLED_STEPS = 8;

	/** Steps per look in the background: some 32 MB of live pages rewritten, every {@code interval}. */
	private static final int STEPS_PER_LOOK = 8;

	/** H2's file block: a chunk takes whole ones. */
	private static final int BLOCK = 4096;

	/** Chunks this few are all moved in one step. */
	private static final long MOVE_ALL_BELOW = 64L << 20;

	private final DataSource dataSource;

	private final CompactionSettings settings;

	private volatile @Nullable MVStore store;

	private @Nullable ScheduledExecutorService background;

	private volatile boolean stopping;

	H2FileCompaction(DataSource dataSource, CompactionSettings settings) {
		this.dataSource = dataSource;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		MVStore found = fileStoreOf(this.dataSource);
		if (found == null) {
			return;
		}
		this.store = found;
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "h2-compaction");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.settings.interval().toMillis();
		executor.scheduleWithFixedDelay(this::inBackground, every, every, TimeUnit.MILLISECONDS);
		this.background = executor;
	}

	/** Whether there is an H2 file to look after: false on PostgreSQL. */
	boolean active() {
		return this.store != null;
	}

	private void inBackground() {
		try {
			compactIfOvergrown();
		}
		catch (RuntimeException ex) {
			// H2 reports a failed write itself, to the next statement; a compaction that did not happen loses nothing.
			log.warn("H2 file compaction failed kind={} detail={}", ex.getClass().getSimpleName(), ex.getMessage());
		}
	}

	/**
	 * One look at the file, and as many steps as it needs. Chunks younger than H2's {@code RETENTION_TIME} (45 s)
	 * are left alone: what a burst has just written is compacted on a later look.
	 * @return the file before and after; the same if it needed nothing
	 */
	Compacted compactIfOvergrown() {
		MVStore mv = this.store;
		if (mv == null || mv.isClosed()) {
			return Compacted.NOTHING;
		}
		Fill before = Fill.of(mv);
		if (before.size() < MIN_SIZE || !before.below(START_BELOW)) {
			return new Compacted(before, before, 0);
		}
		Compacted done = steps(mv, before, ENOUGH_BACKGROUND, Long.MAX_VALUE, true);
		log.debug("H2 file compacted from {} to {} in {} ms", before, done.after(), done.millis());
		return done;
	}

	/** On a clean stop: the background stopped, then as much compaction as the time allowed gives, pool still open. */
	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		ScheduledExecutorService executor = this.background;
		if (executor != null) {
			// Never interrupted: an interrupt closes the file channel under H2. A step ends within a second or so.
			executor.shutdown();
			executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		MVStore mv = this.store;
		long budget = this.settings.onStop().toMillis();
		if (mv == null || budget == 0 || mv.isClosed()) {
			return;
		}
		try {
			// Closing anyway: chunks may be overwritten as soon as nothing reads them, as H2's own close does. So
			// every chunk is old enough to be rewritten.
			mv.setRetentionTime(0);
			Fill before = Fill.of(mv);
			if (before.size() < MIN_SIZE) {
				return;
			}
			Compacted done = steps(mv, before, ENOUGH_ON_STOP, budget, false);
			log.info("H2 file compacted on stop from {} to {} in {} ms", before, done.after(), done.millis());
		}
		catch (RuntimeException ex) {
			// H2's own shutdown hook may have closed the database first (a SIGTERM without DB_CLOSE_ON_EXIT=FALSE).
			log.warn("H2 file not compacted on stop kind={} detail={}", ex.getClass().getSimpleName(),
					ex.getMessage());
		}
	}

	/**
	 * Steps until the file is tight enough, the time is up, or the steps stop gaining; in the background, also at
	 * most {@value #STEPS_PER_LOOK} steps a look, as what a step frees is reused only once older than the retention
	 * time: the next look carries on.
	 */
	private Compacted steps(MVStore mv, Fill before, int enough, long budgetMillis, boolean background) {
		long started = System.nanoTime();
		long deadline = started + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
		Fill best = before;
		Fill now = before;
		int stalled = 0;
		int steps = 0;
		while (now.below(enough) && stalled < STALLED_STEPS && !mv.isClosed() && System.nanoTime() - deadline < 0
				&& (!background || (!this.stopping && steps < STEPS_PER_LOOK))) {
			long stepStarted = System.nanoTime();
			step(mv, now.oldChunksLive() < enough);
			steps++;
			now = Fill.of(mv);
			if (now.betterThan(best)) {
				best = now;
				stalled = 0;
			}
			else {
				stalled++;
			}
			if (background) {
				// As long again for the writers, who may be waiting on H2's store lock.
				rest(System.nanoTime() - stepStarted);
			}
		}
		return new Compacted(before, now, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	/**
	 * Rewrites the live pages of the emptiest old chunks (a few MB) and commits them, then moves chunks down into
	 * the space freed and cuts the end of the file: what {@code MVStore.compactFile} does in 16 MB steps, without
	 * holding the store for the whole of it.
	 * @param rewrite whether old chunks are empty enough to be worth rewriting: H2 would rewrite full ones as well
	 */
	private static void step(MVStore mv, boolean rewrite) {
		if (rewrite && mv.compact(CHUNK_FILL_TARGET, STEP_BYTES)) {
			mv.commit();
		}
		if (mv.getFileStore() instanceof RandomAccessStore file) {
			long inChunks = file.size() * file.getFillRate() / 100;
			// Given less than all of the chunks past the first hole, H2 may keep moving ones that free no end of the
			// file: a file that is mostly holes stayed at 330 MB that way. So all of them when they are few.
			long move = (inChunks <= MOVE_ALL_BELOW) ? Math.max(inChunks + BLOCK, STEP_BYTES) : STEP_BYTES;
			file.compactMoveChunks(CHUNK_FILL_TARGET, move, mv);
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

	/** The MVStore of an H2 file database opened in this process; null for anything else. */
	static @Nullable MVStore fileStoreOf(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.isWrapperFor(JdbcConnection.class)) {
				return null;
			}
			Session session = connection.unwrap(JdbcConnection.class).getSession();
			if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
				return null;
			}
			MVStore mv = local.getDatabase().getStore().getMvStore();
			return (mv.getFileStore() instanceof RandomAccessStore) ? mv : null;
		}
		catch (SQLException ex) {
			log.warn("H2 file compaction off: no connection kind={} detail={}", ex.getClass().getSimpleName(),
					ex.getMessage());
			return null;
		}
	}

	/**
	 * The file as H2 sees it ({@code INFORMATION_SCHEMA.SETTINGS} shows the same as {@code info.*}): its size, the
	 * share of it in chunks (the rest is holes), and the share of the chunks' bytes still live, of all chunks and of
	 * those old enough to be rewritten (younger ones are what the last seconds wrote, mostly dead already, and off
	 * limits for the retention time). It counts pages, not rows: a file compacted offline is smaller still.
	 */
	record Fill(long size, int inChunks, int chunksLive, int oldChunksLive) {

		static Fill of(MVStore mv) {
			Map<String, String> info = new HashMap<>();
			mv.populateInfo(info::put);
			return new Fill(Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0")), percent(info, "info.FILL_RATE"),
					percent(info, "info.CHUNKS_FILL_RATE"), percent(info, "info.CHUNKS_FILL_RATE_RW"));
		}

		private static int percent(Map<String, String> info, String name) {
			return Integer.parseInt(info.getOrDefault(name, "100"));
		}

		/** The share of the file that is live data, as far as H2 can tell. */
		int liveShare() {
			return this.inChunks * this.chunksLive / 100;
		}

		/** Whether holes or dead pages in old chunks take more of the file than {@code 100 - percent}. */
		boolean below(int percent) {
			return this.inChunks < percent || this.oldChunksLive < percent;
		}

		boolean betterThan(Fill other) {
			return this.size < other.size || this.inChunks > other.inChunks || this.oldChunksLive > other.oldChunksLive;
		}

		@Override
		public String toString() {
			return "%d MiB (%d %% in chunks, %d %% of them live, %d %% of the old ones)".formatted(this.size >> 20,
					this.inChunks, this.chunksLive, this.oldChunksLive);
		}

	}

	/** A compaction: the file before and after, and how long it took. */
	record Compacted(Fill before, Fill after, long millis) {

		static final Compacted NOTHING = new Compacted(new Fill(0, 100, 100, 100), new Fill(0, 100, 100, 100), 0);

	}

}

package fr.manchette.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
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
 * <li>in the background, every {@code manchette.h2.compaction.interval}, when less than half of the file is live:
 * a few steps, until {@value #ENOUGH_BACKGROUND} % is or the file stops shrinking (what a step frees is reused only
 * once older than H2's retention time, 45 s, so the next look carries on). Each step holds H2's store lock for a
 * fraction of a second and is followed by a pause as long as itself, so writers are never held up for long;
 * <li>on a clean stop, before the connection pool closes, the same steps for at most
 * {@code manchette.h2.compaction.on-stop}.
 * </ul>
 * Only H2's own API can do this ({@code SHUTDOWN COMPACT} closes the database and takes as long as it takes), hence
 * the H2 types here and nowhere else. On PostgreSQL, or an H2 that is not a file of this process, nothing happens.
 */
@Component
class H2FileCompaction implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

	/** Percent of the file that is live data, below which the background compaction starts. */
	static final int START_BELOW = 50;

	/** ...and above which it stops. */
	static final int ENOUGH_BACKGROUND = 60;

	/** What a stop aims at: an offline store can be packed tighter (steps stop gaining around there anyway). */
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
		if (before.size() < MIN_SIZE || before.liveShare() >= START_BELOW) {
			return new Compacted(before, before, 0);
		}
		Compacted done = steps(mv, before, ENOUGH_BACKGROUND, Long.MAX_VALUE, true);
		log.debug("H2 file compacted from {} MiB to {} MiB ({} % live) in {} ms", before.size() >> 20,
				done.after().size() >> 20, done.after().liveShare(), done.millis());
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
			Fill before = Fill.of(mv);
			if (before.size() < MIN_SIZE) {
				return;
			}
			// Closing anyway: chunks may be overwritten as soon as nothing reads them, as H2's own close does.
			mv.setRetentionTime(0);
			Compacted done = steps(mv, before, ENOUGH_ON_STOP, budget, false);
			log.info("H2 file compacted on stop from {} MiB to {} MiB ({} % live) in {} ms", before.size() >> 20,
					done.after().size() >> 20, done.after().liveShare(), done.millis());
		}
		catch (RuntimeException ex) {
			// H2's own shutdown hook may have closed the database first (a SIGTERM without DB_CLOSE_ON_EXIT=FALSE).
			log.warn("H2 file not compacted on stop kind={} detail={}", ex.getClass().getSimpleName(),
					ex.getMessage());
		}
	}

	/**
	 * Steps until enough of the file is live, the time is up, or the steps stop gaining. In the background also at
	 * most {@value #STEPS_PER_LOOK} steps, and none once the file grows: what a step frees can be reused only once
	 * it is older than H2's retention time, so rewriting on regardless would only append.
	 */
	private Compacted steps(MVStore mv, Fill before, int enough, long budgetMillis, boolean background) {
		long started = System.nanoTime();
		long deadline = started + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
		Fill best = before;
		Fill now = before;
		int stalled = 0;
		int steps = 0;
		while (now.liveShare() < enough && stalled < STALLED_STEPS && !mv.isClosed()
				&& System.nanoTime() - deadline < 0
				&& (!background || (!this.stopping && steps < STEPS_PER_LOOK && now.size() <= before.size()))) {
			long stepStarted = System.nanoTime();
			step(mv);
			steps++;
			now = Fill.of(mv);
			if (now.size() < best.size() || now.liveShare() > best.liveShare()) {
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
	 * Rewrites the live pages of the emptiest chunks (a few MB) and commits them, then moves chunks down into the
	 * space freed and cuts the end of the file: what {@code MVStore.compactFile} does in 16 MB steps, without holding
	 * the store for the whole of it.
	 */
	private static void step(MVStore mv) {
		if (mv.compact(CHUNK_FILL_TARGET, STEP_BYTES)) {
			mv.commit();
		}
		if (mv.getFileStore() instanceof RandomAccessStore file) {
			long inChunks = file.size() * file.getFillRate() / 100;
			// Given less than all of the chunks past the first hole, H2 may keep moving ones that free no end of the
			// file: a file that is mostly holes stayed at 330 MB that way. So all of them when they are few.
			long move = (inChunks <= MOVE_ALL_BELOW) ? Math.max(inChunks + BLOCK, STEP_BYTES)
					: STEP_BYTES;
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
	 * How much of the file is live data, as H2 counts it: the share of the file in chunks times the share of the
	 * chunks' bytes still referenced. It counts pages, not rows: a file compacted offline is smaller still.
	 */
	record Fill(long size, int liveShare) {

		static Fill of(MVStore mv) {
			FileStore<?> file = mv.getFileStore();
			return new Fill(file.size(), file.getFillRate() * file.getChunksFillRate() / 100);
		}

	}

	/** A compaction: the file before and after, and how long it took. */
	record Compacted(Fill before, Fill after, long millis) {

		static final Compacted NOTHING = new Compacted(new Fill(0, 100), new Fill(0, 100), 0);

	}

}

package fr.manchette.store;

import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import fr.manchette.store.H2File.Compacted;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file near the size of its live data while the service runs. H2's own background writer reclaims
 * dead pages only as far as it can while the store is busy: under a burst of polls it fell behind, and a million items
 * stored left an 11.4 GB file that {@code SHUTDOWN COMPACT} brought to 1.05 GB. So every
 * {@code manchette.h2.compaction.interval} this looks at the file and, when less than half of it is live pages (holes
 * and dead pages in old chunks taking the rest), takes a few {@link H2File} steps: each holds H2's store lock for a
 * fraction of a second and is followed by a pause as long as itself, so writers are never held up for long. While polls
 * write, chunks younger than H2's retention time (5 s while the file is forced to the disk, the default; 45 s with a
 * URL of its own {@code RETENTION_TIME}) are left alone: during a burst they are most of the file, mostly dead already,
 * and reachable at a later look. Once no one has written since the last look, a look runs without the retention time
 * (as {@code MVStore.compactFile} does), and what it frees is reused at once. What a stop does is
 * {@link H2StopCompaction}'s. On PostgreSQL, nothing happens.
 * <p>
 * H2 keeps a chunk it wrote for its retention time (45 s by default), for a disk that may not have written the
 * versions after it yet; under a burst that was most of the file (4.6 GB for a million items stored, of which
 * 1.5 GB live). Rather than trust the disk to have written within that time, this forces the file to it every
 * {@code manchette.h2.compaction.force-every} (a second) while H2 writes, and lets H2 overwrite only what a version
 * on the disk no longer needs ({@link H2File#forceToDisk}); the retention time is then {@link #RETENTION}, which
 * only keeps the chunks just written, mostly emptied within seconds, from being rewritten by compactions. An H2 URL
 * that sets its own {@code RETENTION_TIME} keeps it, and H2's rule alone.
 */
@Component
class H2FileCompaction implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

	/** Below this percentage of the file in live pages, the file is more than twice what it needs. */
	static final int START_BELOW = 50;

	/** A file this small is left as it is. */
	static final long MIN_SIZE = 16L << 20;

	/** Steps per look: while polls write, at most some 32 MB of old pages rewritten; the next look carries on. */
	private static final int STEPS_PER_LOOK = 8;

	/** H2's retention time while the file is forced, in milliseconds: a few rounds of forcing. */
	static final int RETENTION = 5_000;

	private final DataSource dataSource;

	private final Environment environment;

	private final CompactionSettings settings;

	private volatile @Nullable H2File file;

	private final BackgroundRounds background = new BackgroundRounds("h2-compaction");

	private final BackgroundRounds forcing = new BackgroundRounds("h2-force");

	/** Whether the file is forced to the disk (not with an H2 URL that sets its own retention time). */
	private volatile boolean forced;

	/** H2's retention time before this shortened it. */
	private int retentionBefore;

	/** H2's count of writes to the file when the last look ended: the same at the next look means no one wrote. */
	private long writesAfterLastLook = -1;

	private final StoreOutage outage;

	H2FileCompaction(DataSource dataSource, CompactionSettings settings, Environment environment,
			StoreOutage outage) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.environment = environment;
		this.outage = outage;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		try {
			this.file = H2File.of(this.dataSource);
		}
		catch (SQLException ex) {
			log.warn("H2 file compaction off: no connection kind={} detail={}", ex.getClass().getSimpleName(),
					ex.getMessage());
		}
		H2File started = this.file;
		if (started == null) {
			return;
		}
		// What the start stored (the tables Flyway made, the sources of feeds.yml) is in the file before the service
		// goes on. H2 that could not write its file opens it anew (ClosedH2Eviction) with only what is in it, and
		// nothing does the start again: taken but not yet written when the disk filled, it was lost, and the service
		// went on with a store without its sources, or without its tables.
		String url = this.environment.getProperty(DatabaseUrlResolver.URL, "");
		boolean forcing = !DatabaseUrl.sets(url, "RETENTION_TIME");
		started.writeTaken(forcing);
		if (forcing) {
			// Forced once, with what the start stored, before the retention time is shortened: from then on it is the
			// forcing that guards.
			started.forceToDisk();
			this.retentionBefore = started.retentionTime();
			started.retentionTime(RETENTION);
			this.forced = true;
			// A forcing that works is what says that the file takes writes again, after H2 could not write it.
			this.outage.watchWrites();
			this.forcing.start(this.settings.forceEvery(), this.settings.forceEvery(), this::forceIfStored);
		}
		this.background.start(this.settings.interval(), this.settings.interval(), this::inBackground);
	}

	/** One round of forcing: the file forced to the disk if H2 stored anything since the last. */
	void forceIfStored() {
		try {
			H2File current = current();
			if (this.forced && current != null && current.isOpen() && current.storedSinceForced()) {
				current.forceToDisk();
				this.outage.written();
			}
		}
		catch (RuntimeException ex) {
			// The version held stays held: H2 overwrites nothing newer than the last version forced. A file that
			// cannot be written (the disk full) is the store's outage, said once.
			if (!this.forcing.stopping() && !this.outage.said("forcing the H2 file to disk", ex)) {
				log.warn("H2 file not forced to disk kind={} detail={}", ex.getClass().getSimpleName(),
						ex.getMessage());
			}
		}
	}

	/**
	 * The file as H2 has it open. When H2 could not write its file, it closed the database, and the pool's next
	 * connection opened the file anew, in a store of its own: that one is looked after from then on, forced as at the
	 * start. Null while none is open.
	 */
	private @Nullable H2File current() {
		H2File known = this.file;
		if (known == null || known.isOpen()) {
			return known;
		}
		H2File reopened;
		try {
			reopened = H2File.of(this.dataSource);
		}
		catch (SQLException | RuntimeException ex) {
			// Not open again yet: the next round asks again.
			return null;
		}
		if (reopened == null || !reopened.isOpen()) {
			return null;
		}
		if (this.forced) {
			reopened.forceToDisk();
			reopened.retentionTime(RETENTION);
		}
		this.file = reopened;
		return reopened;
	}

	/** Whether there is an H2 file to look after: false on PostgreSQL. */
	boolean active() {
		return this.file != null;
	}

	private void inBackground() {
		try {
			compactIfOvergrown();
		}
		catch (RuntimeException ex) {
			// A compaction that did not happen loses nothing; H2 reports a failed write to the next statement itself.
			if (this.outage.said("compacting the H2 file", ex)) {
				return;
			}
			log.warn("H2 file compaction failed kind={} detail={}", ex.getClass().getSimpleName(), ex.getMessage());
		}
	}

	/**
	 * One look at the file, and the steps it needs.
	 * @return the file before and after; the same if it needed nothing
	 */
	Compacted compactIfOvergrown() {
		H2File current = current();
		if (current == null || !current.isOpen()) {
			return Compacted.NOTHING;
		}
		H2Fill before = current.fill();
		boolean idle = before.writes() == this.writesAfterLastLook;
		// Idle, the young chunks count too: the look will not have to wait for them.
		boolean overgrown = idle ? before.liveShare() < START_BELOW : before.below(START_BELOW);
		if (before.size() < MIN_SIZE || !overgrown) {
			this.writesAfterLastLook = before.writes();
			return new Compacted(before, before, 0);
		}
		int[] steps = { 0 };
		// No one wrote since the last look: nothing to wait for, what a step frees may be reused at once.
		CompactionPace pace = idle ? CompactionPace.IDLE : CompactionPace.BUSY;
		Supplier<Compacted> look = () -> current.compact(pace, Long.MAX_VALUE,
				() -> !this.background.stopping() && steps[0]++ < STEPS_PER_LOOK);
		Compacted done = idle ? current.withoutRetention(look) : look.get();
		this.writesAfterLastLook = current.fill().writes();
		log.debug("H2 file compacted{} from {} to {} in {} ms", idle ? " (idle)" : "", done.before(), done.after(),
				done.millis());
		return done;
	}

	/**
	 * Stops the looks, before the connection pool closes: a step under way ends within a second or so. Then the
	 * forcing: H2's retention time is given back, and so is the version held.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.background.stop();
		this.forcing.stop();
		H2File current = this.file;
		if (current != null && this.forced) {
			if (current.isOpen()) {
				current.retentionTime(this.retentionBefore);
			}
			current.stopForcing();
			log.debug("H2 file no longer forced to disk: retention time {} ms", this.retentionBefore);
		}
	}

}

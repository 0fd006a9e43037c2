package fr.manchette.pipeline;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.manchette.store.KeyHashes;
import fr.manchette.store.KeyHashes.H2FileWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the hashes of their keys to the items stored before they existed, in the background, a batch per
 * transaction (see {@link KeyHashes}), then drops the indexes of the full keys. The service polls and answers
 * meanwhile: until every item has its hashes, its queries go through the full keys. A round that fails (another
 * instance filling the same rows, a stop) leaves the items it did not reach to the next one; on a store whose items
 * all have their hashes, the first round finds nothing, drops the old indexes if they are still there, and is the last.
 */
@Component
class KeyHashBackfill implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(KeyHashBackfill.class);

	/** Between a failed round and the next. */
	private static final long RETRY_SECONDS = 60;

	/** The least the fill may write per retention time, however small the file: a small store is filled at once. */
	static final long MIN_ALLOWANCE = 64L << 20;

	private final KeyHashes hashes;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "key-hashes");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean stopping;

	KeyHashBackfill(KeyHashes hashes) {
		this.hashes = hashes;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.executor.scheduleWithFixedDelay(this::round, 0, RETRY_SECONDS, TimeUnit.SECONDS);
	}

	/**
	 * Fills every item that lacks its hashes; returns whether it reached the end (false when stopped). On H2, paced
	 * (see {@link #pauseNanos}).
	 */
	boolean fill() {
		long filled = 0;
		long started = System.nanoTime();
		Optional<H2FileWrites> before = this.hashes.h2FileWrites();
		int last;
		do {
			last = this.hashes.fillNext();
			filled += last;
			if (last > 0 && before.isPresent()) {
				H2FileWrites now = this.hashes.h2FileWrites().orElseThrow();
				rest(pauseNanos(now.written() - before.get().written(), before.get().size(),
						System.nanoTime() - started, now.retention().toNanos()));
			}
		}
		while (last > 0 && !this.stopping);
		if (last > 0) {
			return false;
		}
		this.hashes.dropFullKeyIndexes();
		if (filled > 0) {
			log.info("Key hashes given to items={} stored before they existed, in {} s", filled,
					(System.nanoTime() - started) / 1_000_000_000);
		}
		return true;
	}

	/**
	 * How long the fill waits before its next batch, so that in any retention time it writes no more than the file's
	 * size when it started: each of its batches rewrites pages of the item table and of its indexes all over the
	 * file, some 19 kB an item in all, and H2 may write over none of them for the retention time (45 s measured
	 * here; 5 s now that the service forces the file to the disk, so the same store fills some nine times faster). Unpaced, 200 000
	 * items of a 448 MiB file wrote 3.7 GB in 100 s and left a 3.8 GB file, which the compaction, that leaves young
	 * chunks alone, could not hold back; paced, the file levels off at some 2.5 times its size (1.1 GB), as H2 writes
	 * over the chunks the fill left dead a retention time before, and the fill takes 11 minutes instead of 2.
	 * @param written bytes H2 has written to the file since the fill started (the polls' too: the file's growth is
	 * theirs as much)
	 * @param size the file's size when the fill started
	 * @param elapsed nanoseconds since the fill started
	 * @param retention H2's retention time, in nanoseconds: what the fill writes in that time makes the file grow,
	 * whatever the compaction does
	 */
	static long pauseNanos(long written, long size, long elapsed, long retention) {
		long allowance = Math.max(size, MIN_ALLOWANCE);
		long due = (long) ((double) written / allowance * retention);
		return Math.max(0, due - elapsed);
	}

	/** Waits, a second at a time so that a stop is not held up. */
	private void rest(long nanos) {
		long until = System.nanoTime() + nanos;
		long left;
		while (!this.stopping && (left = until - System.nanoTime()) > 0) {
			try {
				Thread.sleep(Math.min(left / 1_000_000 + 1, 1000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void round() {
		try {
			if (fill()) {
				this.executor.shutdown();
			}
		}
		catch (RuntimeException ex) {
			// The next round starts where this one stopped; until then the queries go through the full keys.
			if (!this.stopping) {
				log.warn("Key hashes not completed kind={} detail={}", ex.getClass().getSimpleName(), ex.getMessage());
			}
		}
	}

	/**
	 * Stops the rounds before the connection pool closes, without an interrupt (it closes the file channel under
	 * H2): a batch under way ends first.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.executor.shutdown();
		this.executor.awaitTermination(30, TimeUnit.SECONDS);
	}

}

package fr.manchette.pipeline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.manchette.store.KeyHashes;
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

	/** Fills every item that lacks its hashes; returns whether it reached the end (false when stopped). */
	boolean fill() {
		long filled = 0;
		long started = System.nanoTime();
		int last;
		do {
			last = this.hashes.fillNext();
			filled += last;
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

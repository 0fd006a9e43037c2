package fr.manchette.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A task of the store run in rounds on a daemon thread of its own, at a fixed delay, and stopped without an
 * interrupt: an interrupt closes the file channel under H2. A round under way ends first (within 30 s).
 */
final class BackgroundRounds {

	private final String threadName;

	private volatile @Nullable ScheduledExecutorService executor;

	private volatile boolean stopping;

	BackgroundRounds(String threadName) {
		this.threadName = threadName;
	}

	/** Starts the rounds: the first after {@code first}, each next one {@code every} after the last ended. */
	synchronized void start(Duration first, Duration every, Runnable round) {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(round, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	/** Whether {@link #stop} was called: a long round checks it between its steps. */
	boolean stopping() {
		return this.stopping;
	}

	/** No round after this one; waits for the one under way. Nothing to do if the rounds never started. */
	void stop() throws InterruptedException {
		this.stopping = true;
		ScheduledExecutorService started = this.executor;
		if (started != null) {
			started.shutdown();
			started.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

}

package fr.manchette.pipeline;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A thread of {@link PollWorkers}, which the service's stop interrupts only while it waits for a source's answer.
 * An interrupt that reaches a thread inside H2's file I/O closes the file channel, and the whole store with it: the
 * last commits of every poll lost, the leases not given back, no compaction on stop, and an error with its trace for
 * the poll. So once a poll has its answer, reading, storing and recording it run to their end, and a poll that the
 * stop finds anywhere but in its wait does not wait again.
 */
final class PollThread extends Thread {

	/** In {@link #whileWaiting}; guarded by this. */
	private boolean waiting;

	/** The service is stopping; guarded by this. */
	private boolean stopping;

	PollThread(Runnable task, String name) {
		super(task, name);
		setDaemon(true);
	}

	/**
	 * Runs {@code wait} where the stop may interrupt it, on a poll thread; elsewhere (tests, a caller of its own) just
	 * runs it.
	 * @return what {@code wait} gave, or empty when the service is stopping: the poll then ends without touching the
	 * store, and no interrupt is left pending on the thread
	 */
	static <T> Optional<T> whileWaiting(Supplier<T> wait) {
		if (!(Thread.currentThread() instanceof PollThread thread)) {
			return Optional.of(wait.get());
		}
		if (!thread.startWait()) {
			return Optional.empty();
		}
		T answer;
		boolean stopped;
		try {
			answer = wait.get();
		}
		finally {
			stopped = thread.endWait();
		}
		return stopped ? Optional.empty() : Optional.of(answer);
	}

	/** Stops this thread's poll: interrupts its wait if it is in one, or else keeps it from starting one. */
	synchronized void stopPolling() {
		this.stopping = true;
		if (this.waiting) {
			interrupt();
		}
	}

	private synchronized boolean startWait() {
		this.waiting = !this.stopping;
		return this.waiting;
	}

	/** Whether the service stopped meanwhile; an interrupt it sent is cleared. Called by this thread. */
	private synchronized boolean endWait() {
		this.waiting = false;
		if (this.stopping) {
			Thread.interrupted();
		}
		return this.stopping;
	}

}

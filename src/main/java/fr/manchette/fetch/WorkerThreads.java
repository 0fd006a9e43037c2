package fr.manchette.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The daemon threads of a pool whose work waits for peers (sources, webhook receivers, WebSub hubs) and writes to the
 * store, which the service's stop interrupts only while they wait for a peer's answer. An interrupt that reaches a
 * thread inside H2's file I/O closes the file channel, and the whole store with it: the last commits lost, no
 * compaction on stop. So once a thread has its answer, what it does with it (storing, recording) runs to its end, and
 * a thread that the stop finds anywhere but in its wait does not wait again.
 */
public final class WorkerThreads implements ThreadFactory {

	private final String name;

	/** The threads made, each stopped in its own way; the lock of {@link #count} and {@link #stopping} too. */
	private final List<WorkerThread> threads = new ArrayList<>();

	private int count;

	private boolean stopping;

	/** Threads named {@code name-1}, {@code name-2}... */
	public WorkerThreads(String name) {
		this.name = name;
	}

	@Override
	public Thread newThread(Runnable task) {
		synchronized (this.threads) {
			WorkerThread thread = new WorkerThread(task, this.name + "-" + ++this.count);
			if (this.stopping) {
				thread.stopWork();
			}
			this.threads.add(thread);
			return thread;
		}
	}

	/**
	 * Runs {@code wait} where the stop may interrupt it, on a worker thread; elsewhere (tests, a caller of its own) just
	 * runs it.
	 * @return what {@code wait} gave, or empty when the service is stopping: the work then ends without touching the
	 * store, and no interrupt is left pending on the thread
	 */
	public static <T> Optional<T> whileWaiting(Supplier<T> wait) {
		if (!(Thread.currentThread() instanceof WorkerThread thread)) {
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

	/** Whether the service is stopping, on a worker thread: work done in turns takes no next one. */
	public static boolean stopping() {
		return Thread.currentThread() instanceof WorkerThread thread && thread.stopped();
	}

	/**
	 * Stops {@code pool}, which runs on these threads: interrupts those waiting for a peer, lets the others end what
	 * they do, lets none wait for a peer after it, and waits a little for them. A wait for the headers of an answer
	 * does not end at an interrupt (the JDK's socket reads ignore it): it ends at its own deadline, after at most the
	 * few seconds the stop waits, and touches nothing after.
	 */
	public void stop(ExecutorService pool) {
		synchronized (this.threads) {
			this.stopping = true;
			this.threads.forEach(WorkerThread::stopWork);
		}
		pool.shutdown();
		try {
			pool.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class WorkerThread extends Thread {

		/** In {@link #whileWaiting}; guarded by this. */
		private boolean waiting;

		/** The service is stopping; guarded by this. */
		private boolean stopping;

		WorkerThread(Runnable task, String name) {
			super(task, name);
			setDaemon(true);
		}

		/** Interrupts this thread's wait if it is in one, or else keeps it from starting one. */
		synchronized void stopWork() {
			this.stopping = true;
			if (this.waiting) {
				interrupt();
			}
		}

		synchronized boolean stopped() {
			return this.stopping;
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

}

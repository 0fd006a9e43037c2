package fr.manchette.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The daemon threads of a pool whose work waits for peers (sources, webhook receivers, WebSub hubs) and writes to the
 * store, which the service's stop interrupts only while they wait for a peer's answer. An interrupt that reaches a
 * thread inside H2's file I/O closes the file channel, and the whole store with it: the last commits lost, no
 * compaction on stop. So once a thread has its answer, what it does with it (storing, recording) runs to its end, and
 * a thread that the stop finds anywhere but in its wait does not wait again. A stop that will wait no longer says so
 * ({@link #abandon()}): work in a transaction then rolls it back itself, at its next step.
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
	 * they do, lets none wait for a peer after it, and waits a little for them.
	 */
	public void stop(ExecutorService pool) {
		stopWaits();
		pool.shutdown();
		await(pool, Duration.ofSeconds(5));
	}

	/**
	 * Ends the threads' waits for a peer, and lets none start one after: an exchange open is cut (as its deadline
	 * would; a wait for an answer's headers ends at an interrupt only at its deadline, the JDK's socket reads ignore
	 * it), any other wait interrupted. A thread found anywhere else goes on with what it does.
	 * @return how many threads were in a wait
	 */
	public int stopWaits() {
		synchronized (this.threads) {
			this.stopping = true;
			int waiting = 0;
			for (WorkerThread thread : this.threads) {
				waiting += thread.stopWork() ? 1 : 0;
			}
			return waiting;
		}
	}

	/**
	 * Tells the threads still at work that the stop waits for them no longer ({@link #abandoned()}): what a rollback
	 * undoes should end now, before the store closes under it.
	 */
	public void abandon() {
		synchronized (this.threads) {
			this.threads.forEach(WorkerThread::abandon);
		}
	}

	/** Whether the stop waits no longer for this worker thread's work ({@link #abandon()}). */
	public static boolean abandoned() {
		return Thread.currentThread() instanceof WorkerThread thread && thread.abandoned;
	}

	/** Waits up to {@code wait} for {@code pool}, shut down, to end; whether it did. */
	public static boolean await(ExecutorService pool, Duration wait) {
		try {
			return pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return pool.isTerminated();
		}
	}

	/**
	 * Has the stop run {@code cut} if it comes while this thread waits for the exchange that {@code cut} closes;
	 * run at once when the stop came already. Elsewhere than in a worker's wait, does nothing.
	 * @return what forgets {@code cut}, once the exchange is closed
	 */
	static Runnable cutOnStop(Runnable cut) {
		if (!(Thread.currentThread() instanceof WorkerThread thread)) {
			return () -> {
			};
		}
		return thread.cutOnStop(cut);
	}

	private static final class WorkerThread extends Thread {

		/** In {@link #whileWaiting}; guarded by this. */
		private boolean waiting;

		/** The service is stopping; guarded by this. */
		private boolean stopping;

		/** What closes the exchange this thread waits for; guarded by this. */
		private @Nullable Runnable cut;

		/** The stop waits no longer for this thread's work. */
		private volatile boolean abandoned;

		WorkerThread(Runnable task, String name) {
			super(task, name);
			setDaemon(true);
		}

		/** Ends this thread's wait if it is in one, or else keeps it from starting one; whether it was in one. */
		synchronized boolean stopWork() {
			this.stopping = true;
			if (this.waiting) {
				interrupt();
				if (this.cut != null) {
					this.cut.run();
				}
			}
			return this.waiting;
		}

		void abandon() {
			this.abandoned = true;
		}

		private synchronized Runnable cutOnStop(Runnable cut) {
			if (!this.waiting) {
				return () -> {
				};
			}
			if (this.stopping) {
				cut.run();
			}
			this.cut = cut;
			return this::forgetCut;
		}

		private synchronized void forgetCut() {
			this.cut = null;
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
			this.cut = null;
			if (this.stopping) {
				Thread.interrupted();
			}
			return this.stopping;
		}

	}

}

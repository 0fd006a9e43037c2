package fr.manchette.pipeline;

import java.util.concurrent.Semaphore;

/**
 * Room to read and store fetched bodies: as many at once as the machine has cores (two at least). Fetches wait on the
 * network and overlap freely ({@code polling.concurrency}); reading and storing only wait on the CPU, and more of them
 * at once than cores only held more items in flight: on 2 cores with 8 polls, each poll's parsed feed, items and story
 * drafts lived through young collections and were promoted, and full collections were a tenth of a cold pass. It
 * also leaves fewer stories to check again under the story lock.
 * <p>
 * A large body is read and stored alone: a poll holds some ten times its body meanwhile (its items, their cleaned
 * summaries and search text, H2's pages not yet written), and two polls of 8.8 MB French feeds at once ran the
 * service's 224 MB heap out of memory, which closes H2's file. Waiting turns are taken in order, so that a large
 * body is not kept waiting by a stream of small ones.
 */
final class WorkingPermits {

	/** From this size on, a body is read and stored alone. */
	static final int LARGE_BODY = 1 << 20;

	private final int all;

	private final Semaphore permits;

	WorkingPermits(int cores) {
		this.all = Math.max(2, cores);
		this.permits = new Semaphore(this.all, true);
	}

	/** Waits for the room to read and store a body of this many bytes; not interruptible (a body fetched is stored). */
	Held take(int bodyBytes) {
		int taken = (bodyBytes >= LARGE_BODY) ? this.all : 1;
		this.permits.acquireUninterruptibly(taken);
		return () -> this.permits.release(taken);
	}

	/** Room taken, given back once the body is stored. */
	interface Held extends AutoCloseable {

		@Override
		void close();

	}

}

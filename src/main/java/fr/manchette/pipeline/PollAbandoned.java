package fr.manchette.pipeline;

import fr.manchette.fetch.WorkerThreads;

/**
 * Ends a poll that the service's stop waits for no longer, at the step it has reached: its transaction rolls back,
 * nothing of it is stored, and its source is polled again at the next start.
 */
final class PollAbandoned extends RuntimeException {

	PollAbandoned() {
		super("the stop waited for it no longer", null, false, false);
	}

	/** Throws, if the service's stop waits for this poll no longer. */
	static void check() {
		if (WorkerThreads.abandoned()) {
			throw new PollAbandoned();
		}
	}

}

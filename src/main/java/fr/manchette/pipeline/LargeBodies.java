package fr.manchette.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One large body in memory at a time, from its first byte fetched to its last item stored. Polls fetch side by side
 * ({@code polling.concurrency}) and their bodies wait for their turn to be read and stored ({@link WorkingPermits});
 * eight bodies near {@code poll.max-size} waiting, next to one being stored (some ten times its size meanwhile), ran
 * the service's 224 MB heap out of memory, and H2 closes its file on that. So a poll first fetches at most
 * {@link WorkingPermits#LARGE_BODY}; a body over that is dropped unread past it, and fetched again whole once the
 * poll has the turn. A source whose body was large is remembered, and its next polls wait for the turn before they
 * fetch, so that it is fetched once. Turns are taken in order: one large source cannot keep another waiting.
 */
final class LargeBodies {

	private final Semaphore turn = new Semaphore(1, true);

	/** Sources whose last body was large; forgotten when one is not. */
	private final Set<String> large = ConcurrentHashMap.newKeySet();

	/** A poll's turn, not taken yet; close it when the body is stored or the poll ends. */
	Turn turn(String sourceId) {
		return new Turn(sourceId);
	}

	/** How large the source's body was, so that its next poll waits for its turn before it fetches, or does not. */
	void remember(String sourceId, long bodyBytes) {
		if (bodyBytes >= WorkingPermits.LARGE_BODY) {
			this.large.add(sourceId);
		}
		else {
			this.large.remove(sourceId);
		}
	}

	/** A poll's turn to hold a large body; closing it gives the turn back if it was taken. */
	final class Turn implements AutoCloseable {

		private final String sourceId;

		private volatile boolean held;

		private Turn(String sourceId) {
			this.sourceId = sourceId;
		}

		/** Whether the source's body was large last time, so that this poll should wait for its turn first. */
		boolean expected() {
			return LargeBodies.this.large.contains(this.sourceId);
		}

		/** The most the poll may fetch: all of {@code maxBytes} with the turn, a small body's size without it. */
		long cap(long maxBytes) {
			return (this.held) ? maxBytes : Math.min(maxBytes, WorkingPermits.LARGE_BODY);
		}

		/**
		 * Waits for the turn.
		 * @return false when interrupted meanwhile (the service stops), without the turn
		 */
		boolean await() {
			try {
				LargeBodies.this.turn.acquire();
				this.held = true;
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public void close() {
			if (this.held) {
				this.held = false;
				LargeBodies.this.turn.release();
			}
		}

	}

}

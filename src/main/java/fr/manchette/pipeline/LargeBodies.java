package fr.manchette.pipeline;

import java.util.Locale;
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
 * <p>
 * Nor is a body larger than the heap can store read at all, whatever {@code poll.max-size} says: a poll holds some ten
 * times its body while it is read and stored, and the service's own data needs the rest. One 33 MB feed under a
 * {@code max-size} of 60 MB ran the 224 MB heap out of memory, H2 closed its file, and nothing was stored after.
 */
final class LargeBodies {

	/** The heap a body may take at most, by byte of the body: ten times it, twice over. */
	static final int HEAP_PER_BYTE = 20;

	private final Semaphore turn = new Semaphore(1, true);

	private final long maxHeap;

	/** Sources whose last body was large; forgotten when one is not. */
	private final Set<String> large = ConcurrentHashMap.newKeySet();

	LargeBodies() {
		this(Runtime.getRuntime().maxMemory());
	}

	LargeBodies(long maxHeap) {
		this.maxHeap = maxHeap;
	}

	/** The largest body a poll reads: {@code maxSize}, or less when the heap cannot store that much. */
	long storable(long maxSize) {
		return Math.min(maxSize, this.maxHeap / HEAP_PER_BYTE);
	}

	/** Why a body under {@code poll.max-size} was too large, after the fetch's {@code detail}. */
	static String heapTooSmall(String detail, long maxSize, long storable) {
		return PollDetail.HEAP_TOO_SMALL.with(detail, megabytes(maxSize), megabytes(storable), HEAP_PER_BYTE);
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}

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

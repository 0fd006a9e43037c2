package fr.manchette.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Room to read and store bodies: small ones side by side, a large one alone, turns in order. */
class WorkingPermitsTests {

	private static final int SMALL = 64 * 1024;

	private final WorkingPermits permits = new WorkingPermits(2);

	@Test
	void smallBodiesAreReadSideBySide() {
		try (WorkingPermits.Held first = this.permits.take(SMALL); WorkingPermits.Held second = this.permits.take(SMALL)) {
			assertThat(first).isNotSameAs(second);
		}
		// Both given back: a large one has the room at once.
		this.permits.take(WorkingPermits.LARGE_BODY).close();
	}

	@Test
	void aLargeBodyWaitsUntilItIsAloneAndKeepsTheOthersWaitingInTheirTurn() throws Exception {
		WorkingPermits.Held small = this.permits.take(SMALL);
		Waiter large = new Waiter(WorkingPermits.LARGE_BODY);
		large.awaitWaiting();
		// One permit is free, but the large body asked first: the next small one waits behind it.
		Waiter next = new Waiter(SMALL);
		next.awaitWaiting();

		small.close();

		large.awaitHeld();
		assertThat(next.held.isDone()).isFalse();
		next.awaitWaiting();
		large.release.countDown();
		next.awaitHeld();
		next.release.countDown();
		this.permits.take(WorkingPermits.LARGE_BODY).close();
	}

	/** A poll thread that takes room for a body, holds it until released, then gives it back. */
	private final class Waiter {

		final CompletableFuture<Void> held = new CompletableFuture<>();

		final CountDownLatch release = new CountDownLatch(1);

		final Thread thread;

		Waiter(int bytes) {
			this.thread = new Thread(() -> {
				try (WorkingPermits.Held room = WorkingPermitsTests.this.permits.take(bytes)) {
					this.held.complete(null);
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void awaitWaiting() {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.thread.getState() == Thread.State.WAITING);
			assertThat(this.held.isDone()).isFalse();
		}

		void awaitHeld() throws Exception {
			this.held.get(10, TimeUnit.SECONDS);
		}

	}

}

package fr.manchette.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LargeBodiesTests {

	private static final long MAX_SIZE = 10L << 20;

	private final LargeBodies large = new LargeBodies();

	@Test
	void aPollFetchesASmallBodysWorthUntilItHasTheTurnThenAllOfMaxSize() {
		try (LargeBodies.Turn turn = this.large.turn("a")) {
			assertThat(turn.cap(MAX_SIZE)).isEqualTo(WorkingPermits.LARGE_BODY);
			assertThat(turn.cap(1000)).isEqualTo(1000);
			assertThat(turn.await()).isTrue();
			assertThat(turn.cap(MAX_SIZE)).isEqualTo(MAX_SIZE);
		}
	}

	@Test
	void oneTurnAtATimeAndATurnNeverTakenGivesNothingBack() throws Exception {
		LargeBodies.Turn first = this.large.turn("a");
		assertThat(first.await()).isTrue();
		// Closed without being taken: must not give back the turn the first holds.
		this.large.turn("c").close();
		CompletableFuture<Boolean> second = new CompletableFuture<>();
		Thread waiting = new Thread(() -> second.complete(this.large.turn("b").await()));
		waiting.setDaemon(true);
		waiting.start();

		// Waiting for the turn, not merely not started yet.
		await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getState() == Thread.State.WAITING);
		assertThat(second).isNotDone();
		first.close();

		assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void noBodyIsReadLargerThanTheHeapCanStore() {
		LargeBodies inSmallHeap = new LargeBodies(224L << 20);

		assertThat(inSmallHeap.storable(MAX_SIZE)).isEqualTo(MAX_SIZE);
		assertThat(inSmallHeap.storable(60L << 20)).isEqualTo((224L << 20) / 20);
		assertThat(LargeBodies.heapTooSmall("body is larger than 11744051 bytes", 60L << 20, (224L << 20) / 20))
			.isEqualTo("body is larger than 11744051 bytes (poll.max-size is 60.0 MB, but this heap stores bodies of "
					+ "11.2 MB at most: give the JVM 20 times the largest body with -Xmx)");
	}

	@Test
	void aSourceIsExpectedLargeWhileItsLastBodyWas() {
		assertThat(this.large.turn("a").expected()).isFalse();
		this.large.remember("a", WorkingPermits.LARGE_BODY);
		assertThat(this.large.turn("a").expected()).isTrue();
		assertThat(this.large.turn("b").expected()).isFalse();
		this.large.remember("a", 5_000);
		assertThat(this.large.turn("a").expected()).isFalse();
	}

}

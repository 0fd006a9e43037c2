package fr.manchette.pipeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.fetch.WorkerThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pool of polls: room, permits per host, and the renewal of the leases long polls hold. */
class PollWorkersTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private static final Duration LEASE = Duration.ofSeconds(10);

	private final PollWorkers workers = new PollWorkers(4, 1);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.workers.stop(Duration.ofSeconds(5));
	}

	@Test
	void aHostWithItsPollsInFlightGivesNoPermitUntilOneEnds() throws Exception {
		Source first = source("a", "https://h.ma/a");
		Semaphore host = this.workers.host(first);
		assertThat(host).isNotNull();
		CountDownLatch ended = new CountDownLatch(1);
		this.workers.run(first, host, T0.plus(LEASE), this::waitForRelease, (running, concurrency) -> ended.countDown());

		assertThat(this.workers.room()).isEqualTo(3);
		assertThat(this.workers.host(source("b", "https://h.ma/b"))).isNull();
		assertThat(this.workers.host(source("c", "https://l.ma/c"))).isNotNull();

		this.release.countDown();
		assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.workers.room() == 4);
		assertThat(this.workers.host(source("b", "https://h.ma/b"))).isNotNull();
	}

	@Test
	void aLeaseIsRenewedOnceLessThanHalfOfItIsLeftAndOnlyWhileItsPollRuns() throws Exception {
		Source source = source("a", "https://h.ma/a");
		CountDownLatch ended = new CountDownLatch(1);
		this.workers.run(source, this.workers.host(source), T0.plus(LEASE), this::waitForRelease,
				(running, concurrency) -> ended.countDown());
		List<String> renewed = new ArrayList<>();

		this.workers.renewLeases(T0.plusSeconds(4), LEASE, (ids, until) -> renewed.add(ids + " until " + until));
		assertThat(renewed).isEmpty();

		this.workers.renewLeases(T0.plusSeconds(6), LEASE, (ids, until) -> renewed.add(ids + " until " + until));
		assertThat(renewed).containsExactly("[a] until " + T0.plusSeconds(16));

		// Renewed until T0 + 16 s: nothing to do before T0 + 11 s.
		this.workers.renewLeases(T0.plusSeconds(10), LEASE, (ids, until) -> renewed.add(ids + " until " + until));
		assertThat(renewed).hasSize(1);

		this.release.countDown();
		assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
		this.workers.renewLeases(T0.plusSeconds(60), LEASE, (ids, until) -> renewed.add(ids + " until " + until));
		assertThat(renewed).hasSize(1);
	}

	@Test
	void aStopLetsAPollThatIsNotWaitingForItsSourceEndUninterrupted() throws Exception {
		// A poll reading or storing its answer: an interrupt there would close H2's file channel, and the store.
		Source source = source("a", "https://h.ma/a");
		CountDownLatch storing = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		this.workers.run(source, this.workers.host(source), T0.plus(LEASE), () -> {
			storing.countDown();
			interrupted.set(!openedWithoutInterrupt(this.release));
		}, (running, concurrency) -> {
		});
		assertThat(storing.await(5, TimeUnit.SECONDS)).isTrue();

		Thread stop = new Thread(() -> this.workers.stop(Duration.ofSeconds(30)));
		stop.start();
		// The stop has done what it does to running polls, and waits for them to end.
		await().atMost(Duration.ofSeconds(5)).until(() -> stop.getState() == Thread.State.TIMED_WAITING || !stop.isAlive());
		this.release.countDown();
		stop.join(10_000);

		assertThat(interrupted).isFalse();
	}

	@Test
	void aStopThatWaitsNoLongerTellsThePollStillStoringWhichThenEnds() throws Exception {
		Source source = source("a", "https://h.ma/a");
		CountDownLatch storing = new CountDownLatch(1);
		AtomicBoolean told = new AtomicBoolean();
		this.workers.run(source, this.workers.host(source), T0.plus(LEASE), () -> {
			storing.countDown();
			// Stores, step after step, until the stop says it waits no longer: then rolls back and ends.
			await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(WorkerThreads::abandoned);
			told.set(true);
		}, (running, concurrency) -> {
		});
		assertThat(storing.await(5, TimeUnit.SECONDS)).isTrue();

		// No poll left running, so no lease kept.
		assertThat(this.workers.stop(Duration.ZERO)).isEmpty();
		assertThat(told).isTrue();
	}

	@Test
	void aStopInterruptsAPollWaitingForItsSourceAndKeepsItFromWaitingAgain() throws Exception {
		Source source = source("a", "https://h.ma/a");
		CountDownLatch waiting = new CountDownLatch(1);
		CountDownLatch stopped = new CountDownLatch(1);
		List<Object> seen = new ArrayList<>();
		this.workers.run(source, this.workers.host(source), T0.plus(LEASE), () -> {
			seen.add(WorkerThreads.whileWaiting(() -> {
				waiting.countDown();
				boolean answered = openedWithoutInterrupt(this.release);
				return answered ? "answer" : "interrupted";
			}));
			seen.add(Thread.currentThread().isInterrupted());
			seen.add(WorkerThreads.whileWaiting(() -> "a second wait"));
			stopped.countDown();
		}, (running, concurrency) -> {
		});
		assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

		this.workers.stop(Duration.ofSeconds(5));

		assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
		// Its wait cut short and nothing waited for after: the poll ends without its answer, no interrupt pending.
		assertThat(seen).containsExactly(Optional.empty(), false, Optional.empty());
	}

	/** Whether the latch opened before an interrupt came. */
	private static boolean openedWithoutInterrupt(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

	private void waitForRelease() {
		try {
			this.release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Source source(String id, String url) {
		return new Source(id, id, URI.create(url), null, Duration.ofMinutes(15), true, SourceType.FEED, null, false,
				false, Duration.ofHours(6));
	}

}

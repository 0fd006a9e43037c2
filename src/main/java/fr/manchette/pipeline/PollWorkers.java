package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import fr.manchette.config.Source;
import fr.manchette.fetch.WorkerThreads;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool that runs an instance's polls for {@link PollScheduler}: at most {@code concurrency} at once and at most
 * {@code perHost} to one host, and the end of the lease each running poll holds.
 */
final class PollWorkers {

	private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

	/** How long the stop waits for the polls whose waits it ended, when none is storing. */
	private static final Duration WAITS_END = Duration.ofSeconds(5);

	/** How long the stop waits for polls it has given up on to roll back: each ends at its next step. */
	static final Duration ROLLBACK_WAIT = Duration.ofSeconds(10);

	private final int concurrency;

	private final int perHost;

	private final ExecutorService pool;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

	/** The sources being polled, and when their leases end. */
	private final Map<String, Instant> polling = new ConcurrentHashMap<>();

	/** The pool's threads, which the stop interrupts only while they wait for their sources. */
	private final WorkerThreads threads = new WorkerThreads("poll");

	PollWorkers(int concurrency, int perHost) {
		this.concurrency = concurrency;
		this.perHost = perHost;
		this.pool = Executors.newFixedThreadPool(concurrency, this.threads);
	}

	/** How many more polls may start now. */
	int room() {
		return this.concurrency - this.inFlight.get();
	}

	/** Whether a poll of this source runs here now. */
	boolean polling(String sourceId) {
		return this.polling.containsKey(sourceId);
	}

	/** A permit to talk to the source's host, null while its host has all the polls it may have. */
	@Nullable Semaphore host(Source source) {
		Semaphore host = this.hosts.computeIfAbsent(hostName(source), (name) -> new Semaphore(this.perHost));
		return host.tryAcquire() ? host : null;
	}

	/**
	 * Runs a poll that holds its host's permit and a lease until {@code until}; {@code ended} is told how many polls
	 * still run when it ends. The permit is given back whatever happens.
	 */
	void run(Source source, Semaphore host, Instant until, Runnable poll, Ended ended) {
		this.inFlight.incrementAndGet();
		this.polling.put(source.id(), until);
		try {
			this.pool.execute(() -> {
				try {
					poll.run();
				}
				catch (RuntimeException ex) {
					// IngestRun records its own failures; a poll that escapes it waits for its lease to expire.
					log.error("Poll crashed source={}", source.id(), ex);
				}
				finally {
					this.polling.remove(source.id());
					host.release();
					ended.ended(this.inFlight.decrementAndGet(), this.concurrency);
				}
			});
		}
		catch (RuntimeException rejected) {
			// The pool is shutting down: the scheduler gives its leases back.
			this.polling.remove(source.id());
			host.release();
			this.inFlight.decrementAndGet();
		}
	}

	/** Told when a poll ends. */
	interface Ended {

		void ended(int running, int concurrency);

	}

	/**
	 * Keeps the sources this instance is still polling: a lease with less than half its length to run is moved on
	 * through {@code renew}, for all of them at once, so that a poll slowed down (a loaded machine, a long store) never
	 * outlives its lease and gets polled a second time by another instance. Costs nothing while polls are short.
	 */
	void renewLeases(Instant now, Duration lease, BiConsumer<List<String>, Instant> renew) {
		// In milliseconds: Duration.dividedBy goes through BigDecimal, at every tick.
		Instant soon = now.plusMillis(lease.toMillis() / 2);
		List<String> ending = this.polling.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isBefore(soon))
			.map(Map.Entry::getKey)
			.toList();
		if (ending.isEmpty()) {
			return;
		}
		Instant until = now.plus(lease);
		renew.accept(ending, until);
		ending.forEach((id) -> this.polling.replace(id, until));
	}

	/**
	 * Ends the polls' waits for their sources (an interrupt, or a cut of their exchange), lets none wait for a source
	 * after it, and waits up to {@code wait} for the polls storing what they fetched: they wait on no peer, so they end
	 * (an interrupt would close H2's file channel, see {@link WorkerThreads}). Past it, they roll back at their next
	 * step, which the stop waits for {@link #ROLLBACK_WAIT} more.
	 * @return the sources of the polls still storing after all that, which the store closes under
	 */
	Set<String> stop(Duration wait) {
		// Read first: the polls whose waits end leave at once. Those not in a wait are reading and storing their bodies
		// (or just starting, and end at once).
		int running = this.inFlight.get();
		int storing = running - this.threads.stopWaits();
		this.pool.shutdown();
		if (storing <= 0) {
			// Only waits were ended. A connection being made is not cut (there is no socket yet): not waited for past
			// a few seconds; it ends at its connect timeout and touches nothing after.
			WorkerThreads.await(this.pool, WAITS_END);
			return Set.of();
		}
		log.info("Stopping: waiting up to {} s for polls storing what they fetched polls={}", wait.toSeconds(), storing);
		if (!WorkerThreads.await(this.pool, wait)) {
			log.info("Stopping: polls still storing after {} s roll back sources={}", wait.toSeconds(),
					this.polling.keySet());
			this.threads.abandon();
			if (!WorkerThreads.await(this.pool, ROLLBACK_WAIT)) {
				log.warn("Stopping with polls still storing sources={}: the store closes under them, each stored whole "
						+ "or not at all", this.polling.keySet());
			}
		}
		return Set.copyOf(this.polling.keySet());
	}

	/** Host and port, as browsers count their connections: two servers on one machine are two hosts. */
	private static String hostName(Source source) {
		String host = source.url().getHost();
		return (host != null) ? host.toLowerCase(Locale.ROOT) + ":" + source.url().getPort() : source.url().toString();
	}

}

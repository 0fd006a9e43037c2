package fr.manchette.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFileReloaded;
import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Polls every enabled source on its own timetable: the first time at a random moment soon after start, then when
 * its last poll says. The scheduler only keeps time; polls run on a fixed pool of workers (the global cap,
 * {@code manchette.polling.concurrency}), and at most {@code manchette.polling.per-host} of them talk to one host
 * at once. A source whose host is busy waits its turn without holding a worker, so one slow host never holds back
 * the others. A reload of feeds.yml starts new sources and stops removed ones.
 */
@Component
@ConditionalOnBooleanProperty(name = "manchette.polling.enabled", matchIfMissing = true)
class PollScheduler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

	/** How long a source waits when its host already has its share of polls in flight. */
	private static final Duration HOST_BUSY_WAIT = Duration.ofMillis(500);

	private final CurrentFeeds feeds;

	private final IngestRun ingestRun;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final Duration startJitter;

	private final int perHost;

	private final ExecutorService workers;

	private final Map<String, ScheduledFuture<?>> planned = new ConcurrentHashMap<>();

	private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

	private volatile boolean stopped;

	PollScheduler(CurrentFeeds feeds, IngestRun ingestRun, TaskScheduler scheduler, Clock clock,
			ManchetteProperties properties) {
		this.feeds = feeds;
		this.ingestRun = ingestRun;
		this.scheduler = scheduler;
		this.clock = clock;
		this.startJitter = properties.polling().startJitter();
		this.perHost = properties.polling().perHost();
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(properties.polling().concurrency(), (task) -> {
			Thread thread = new Thread(task, "poll-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		reconcile();
		log.info("Polling {} sources", this.planned.size());
	}

	@EventListener(FeedsFileReloaded.class)
	void reconcile() {
		Set<String> enabled = this.feeds.get()
			.enabledFeeds()
			.stream()
			.map(Source::id)
			.collect(Collectors.toSet());
		this.planned.keySet().removeIf((id) -> {
			if (!enabled.contains(id)) {
				this.planned.get(id).cancel(false);
				log.info("Stopped polling source={}", id);
				return true;
			}
			return false;
		});
		Instant now = this.clock.instant();
		for (String id : enabled) {
			if (!this.planned.containsKey(id)) {
				plan(id, now.plusMillis(ThreadLocalRandom.current().nextLong(this.startJitter.toMillis() + 1)));
			}
		}
	}

	private void plan(String sourceId, @Nullable Instant at) {
		if (this.stopped || at == null) {
			this.planned.remove(sourceId);
			return;
		}
		this.planned.put(sourceId, this.scheduler.schedule(() -> dispatch(sourceId), at));
	}

	/** Runs on the scheduler's thread: only hands the poll to a worker, or puts it off while its host is busy. */
	private void dispatch(String sourceId) {
		// Looked up again at each poll: the source may have been edited, disabled or removed meanwhile.
		Source source = this.feeds.get().source(sourceId).filter(Source::enabled).orElse(null);
		if (source == null || this.stopped) {
			this.planned.remove(sourceId);
			return;
		}
		Semaphore host = this.hosts.computeIfAbsent(host(source), (name) -> new Semaphore(this.perHost));
		if (!host.tryAcquire()) {
			plan(sourceId, this.clock.instant()
				.plus(HOST_BUSY_WAIT)
				.plusMillis(ThreadLocalRandom.current().nextLong(HOST_BUSY_WAIT.toMillis())));
			return;
		}
		try {
			this.workers.execute(() -> {
				try {
					poll(source);
				}
				finally {
					host.release();
				}
			});
		}
		catch (RuntimeException ex) {
			// Rejected: the pool is shutting down.
			host.release();
		}
	}

	private void poll(Source source) {
		Instant next;
		try {
			next = this.ingestRun.run(source).nextAttemptAt();
		}
		catch (RuntimeException ex) {
			// IngestRun records its own failures; this is the last guard that keeps the source on a timetable.
			log.error("Poll crashed source={}", source.id(), ex);
			next = this.clock.instant().plus(source.interval());
		}
		plan(source.id(), next);
	}

	/** Host and port, as browsers count their connections: two servers on one machine are two hosts. */
	private static String host(Source source) {
		String host = source.url().getHost();
		return (host != null) ? host.toLowerCase(Locale.ROOT) + ":" + source.url().getPort() : source.url().toString();
	}

	@Override
	public void destroy() {
		this.stopped = true;
		this.planned.values().forEach((future) -> future.cancel(false));
		this.workers.shutdownNow();
	}

}

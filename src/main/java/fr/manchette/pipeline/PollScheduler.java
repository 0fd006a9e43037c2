package fr.manchette.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.Source;
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
 * its last poll says. The scheduler only keeps time; the polls run on a fixed pool of workers, so that at most
 * {@code manchette.polling.concurrency} sources are fetched at once and a slow one holds a worker, not the clock.
 */
@Component
@ConditionalOnBooleanProperty(name = "manchette.polling.enabled", matchIfMissing = true)
class PollScheduler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

	private final CurrentFeeds feeds;

	private final IngestRun ingestRun;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final Duration startJitter;

	private final ExecutorService workers;

	private final Map<String, ScheduledFuture<?>> planned = new ConcurrentHashMap<>();

	private volatile boolean stopped;

	PollScheduler(CurrentFeeds feeds, IngestRun ingestRun, TaskScheduler scheduler, Clock clock,
			ManchetteProperties properties) {
		this.feeds = feeds;
		this.ingestRun = ingestRun;
		this.scheduler = scheduler;
		this.clock = clock;
		this.startJitter = properties.polling().startJitter();
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(properties.polling().concurrency(), (task) -> {
			Thread thread = new Thread(task, "poll-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Instant now = this.clock.instant();
		for (Source source : this.feeds.get().enabledFeeds()) {
			long jitter = ThreadLocalRandom.current().nextLong(this.startJitter.toMillis() + 1);
			plan(source.id(), now.plusMillis(jitter));
		}
		log.info("Polling {} sources", this.feeds.get().enabledFeeds().size());
	}

	private void plan(String sourceId, Instant at) {
		if (this.stopped) {
			return;
		}
		this.planned.put(sourceId, this.scheduler.schedule(() -> this.workers.execute(() -> poll(sourceId)), at));
	}

	private void poll(String sourceId) {
		// Looked up again at each poll: the source may have been edited, disabled or removed meanwhile.
		Source source = this.feeds.get().source(sourceId).filter(Source::enabled).orElse(null);
		if (source == null || this.stopped) {
			this.planned.remove(sourceId);
			return;
		}
		Instant next;
		try {
			next = this.ingestRun.run(source).nextAttemptAt();
		}
		catch (RuntimeException ex) {
			// IngestRun records its own failures; this is the last guard that keeps the source on a timetable.
			log.error("Poll crashed source={}", sourceId, ex);
			next = this.clock.instant().plus(source.interval());
		}
		plan(sourceId, next);
	}

	@Override
	public void destroy() {
		this.stopped = true;
		this.planned.values().forEach((future) -> future.cancel(false));
		this.workers.shutdownNow();
	}

}

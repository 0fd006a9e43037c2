package fr.manchette.websub;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.manchette.config.Backoff;
import fr.manchette.config.WebSubSettings;
import fr.manchette.fetch.FormPost;
import fr.manchette.pipeline.ItemsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;

/**
 * The WebSub publisher's part: tells {@code manchette.websub.hub} that the unfiltered merged feeds changed
 * ({@code hub.mode=publish} and {@code hub.url}, the form most hubs take, section 6), after a poll or a push that
 * stored new items. At most one ping per {@code ping-interval}, however many polls store at once; a ping that fails
 * is tried again with a growing wait. All of it on a thread of its own: a poll only raises a flag.
 */
class HubPinger implements DisposableBean {

	/** The documents the hub is told about: every unfiltered merged feed. */
	static final List<String> FEEDS = List.of("feed.atom", "feed.rss", "feed.json");

	private static final Logger log = LoggerFactory.getLogger(HubPinger.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** A failed ping is tried again after 5 s, then 10, 20… up to 10 min. */
	static final Backoff RETRY = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

	private final WebSubSettings settings;

	private final FormPost post;

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "websub-publisher");
		thread.setDaemon(true);
		return thread;
	});

	/** Guarded by this: a ping is scheduled; when the last one went out (nanoTime); failures in a row. */
	private boolean scheduled;

	private long lastPing = System.nanoTime() - Duration.ofDays(1).toNanos();

	private int failures;

	HubPinger(WebSubSettings settings, FormPost post) {
		this.settings = settings;
		this.post = post;
	}

	@EventListener
	void stored(ItemsStored event) {
		if (event.inserted() > 0) {
			request();
		}
	}

	/** Schedules a ping unless one is already waiting: it will tell the hub about this change too. */
	private synchronized void request() {
		if (this.scheduled) {
			return;
		}
		long interval = this.settings.websub().pingInterval().toNanos();
		long wait = Math.max(0, this.lastPing + interval - System.nanoTime());
		schedule(wait);
	}

	private synchronized void schedule(long waitNanos) {
		try {
			this.worker.schedule(this::ping, waitNanos, TimeUnit.NANOSECONDS);
			this.scheduled = true;
		}
		catch (RuntimeException rejected) {
			// Stopping.
		}
	}

	private void ping() {
		synchronized (this) {
			// From here on, a new story asks for another ping.
			this.scheduled = false;
			this.lastPing = System.nanoTime();
		}
		URI hub = this.settings.websub().hub();
		List<String> failed = new ArrayList<>();
		for (String feed : FEEDS) {
			String url = this.settings.publicAddress(feed).toString();
			Map<String, String> form = new LinkedHashMap<>();
			form.put("hub.mode", "publish");
			form.put("hub.url", url);
			FormPost.Outcome outcome = this.post.post(null, hub, form, TIMEOUT);
			if (!outcome.succeeded()) {
				failed.add(url + " (" + outcome.describe() + ")");
			}
		}
		synchronized (this) {
			if (failed.isEmpty()) {
				this.failures = 0;
				log.debug("WebSub hub pinged url={}", hub);
				return;
			}
			this.failures++;
			Duration wait = RETRY.after(this.failures);
			log.warn("WebSub ping failed url={} detail={} retryIn={}", hub, String.join(", ", failed), wait);
			if (!this.scheduled) {
				schedule(wait.toNanos());
			}
		}
	}

	/**
	 * Interrupts a ping wherever it is: a ping never touches the store, so no interrupt from here can reach H2's file
	 * (the workers that do touch it stop through WorkerThreads). A ping waiting for its delay is dropped.
	 */
	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}

package fr.manchette.websub;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import fr.manchette.config.WebSubSettings;
import fr.manchette.fetch.FormPost;
import fr.manchette.fetch.WorkerThreads;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreOutage;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscription.State;
import fr.manchette.store.WebSubSubscriptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * This instance's worker of the subscriptions that {@link Subscriber} decides (W3C WebSub, section 5.1): it sends
 * each request to its hub, renews a subscription before the lease ends, gives up waiting for a verification that
 * does not come and tries again later. Every step is a compare-and-set on the subscription's row, so that of several
 * instances one acts.
 */
class SubscriptionWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);

	/** Subscriptions acted on per turn of the worker; the rest stay due for the next. */
	private static final int BATCH = 50;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private final WebSubSettings settings;

	private final WebSubSubscriptions subscriptions;

	private final SourceStatusRepository statuses;

	private final FormPost post;

	private final Clock clock;

	private final StoreOutage outage;

	/** Stopped as the polls are: an interrupt only while a request waits for its hub (see WorkerThreads). */
	private final WorkerThreads threads = new WorkerThreads("websub-subscriber");

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(this.threads);

	SubscriptionWorker(WebSubSettings settings, WebSubSubscriptions subscriptions, SourceStatusRepository statuses,
			FormPost post, Clock clock, StoreOutage outage) {
		this.settings = settings;
		this.outage = outage;
		this.subscriptions = subscriptions;
		this.statuses = statuses;
		this.post = post;
		this.clock = clock;
	}

	/** Turns every {@code manchette.websub.tick} from now on. */
	void start() {
		long tick = this.settings.websub().tick().toMillis();
		this.worker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
	}

	/** A turn now rather than at the next tick: a subscription has something to do. */
	void nudge() {
		try {
			this.worker.execute(this::tick);
		}
		catch (RuntimeException rejected) {
			// Stopping: the next start picks the subscription up.
		}
	}

	/** One turn of the worker: acts on every subscription that is due. Never throws. */
	void tick() {
		try {
			Instant now = this.clock.instant();
			List<WebSubSubscription> due = this.subscriptions.due(now, BATCH);
			this.outage.answered();
			for (WebSubSubscription subscription : due) {
				if (WorkerThreads.stopping()) {
					return;
				}
				act(subscription, now);
			}
		}
		catch (RuntimeException ex) {
			// The database may be unreachable for a while: the next turn tries again, and the log says it once.
			if (!this.outage.said("renewing WebSub subscriptions", ex)) {
				log.warn("WebSub turn failed kind={} detail={}", ex.getClass().getSimpleName(), ex.getMessage());
			}
		}
	}

	private void act(WebSubSubscription subscription, Instant now) {
		Duration wait = this.settings.websub().verifyTimeout();
		switch (subscription.state()) {
			case REQUESTING -> send(subscription, subscription.sent(State.PENDING, now, now.plus(wait)), "subscribe",
					State.REQUESTING, now);
			case PENDING -> retry(subscription, State.REQUESTING, "not verified by the hub within " + wait, now);
			case ACTIVE -> {
				if (!subscription.pushing(now)) {
					// The lease ran out unrenewed: polling takes over until a renewal is verified.
					this.statuses.pollBy(subscription.sourceId(), now);
				}
				send(subscription, subscription.sent(State.RENEWING, now, now.plus(wait)), "subscribe", State.ACTIVE,
						now);
			}
			case RENEWING -> retry(subscription, State.ACTIVE, "renewal not verified by the hub within " + wait, now);
			case UNSUBSCRIBING -> send(subscription, subscription.sent(State.UNSUBSCRIBED, now, now.plus(wait)),
					"unsubscribe", null, now);
			case UNSUBSCRIBED -> {
				// Not verified in time: the hub's lease ends on its own, and the callback answers 410 meanwhile.
				this.subscriptions.delete(subscription);
			}
		}
	}

	/**
	 * Marks the request as sent, then sends it: a hub may verify before its answer to the request reaches us, and
	 * the verification must find the subscription pending. On failure, back to {@code onFailure} with a retry time;
	 * an unsubscription that fails is forgotten (the lease ends on its own). When the service stops meanwhile, nothing
	 * more is written: the request is tried again once the hub's verification is overdue, as after a crash.
	 */
	private void send(WebSubSubscription subscription, WebSubSubscription sent, String mode,
			@Nullable State onFailure, Instant now) {
		if (!this.subscriptions.transition(sent)) {
			return;
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("hub.mode", mode);
		form.put("hub.topic", subscription.topic());
		form.put("hub.callback", callback(subscription).toString());
		if (mode.equals("subscribe")) {
			form.put("hub.lease_seconds", Long.toString(this.settings.websub().lease().toSeconds()));
			form.put("hub.secret", subscription.secret());
		}
		URI hub = URI.create(subscription.hub());
		// The feed named the hub: held to the rule that keeps a public feed from pointing us inside the network.
		Optional<FormPost.Outcome> answer = WorkerThreads
			.whileWaiting(() -> this.post.post(URI.create(subscription.topic()), hub, form, REQUEST_TIMEOUT));
		if (answer.isEmpty()) {
			return;
		}
		FormPost.Outcome outcome = answer.get();
		if (outcome.succeeded()) {
			log.info("WebSub {} requested source={} url={}", mode, subscription.sourceId(), hub);
			return;
		}
		WebSubSubscription written = sent.written();
		if (onFailure == null) {
			this.subscriptions.delete(written);
			log.warn("WebSub unsubscribe failed source={} url={} detail={}", subscription.sourceId(), hub,
					outcome.describe());
			return;
		}
		Instant retryAt = SubscriptionRetry.retryAt(written, now);
		if (this.subscriptions.transition(written.failed(onFailure, "hub refused the request: " + outcome.describe(),
				retryAt))) {
			log.warn("WebSub {} failed source={} url={} detail={} retryAt={}", mode, subscription.sourceId(), hub,
					outcome.describe(), retryAt);
		}
	}

	private void retry(WebSubSubscription subscription, State state, String why, Instant now) {
		Instant retryAt = SubscriptionRetry.retryAt(subscription, now);
		if (this.subscriptions.transition(subscription.failed(state, why, retryAt))) {
			log.warn("WebSub subscription failed source={} url={} detail={} retryAt={}", subscription.sourceId(),
					subscription.hub(), why, retryAt);
		}
	}

	/** The callback URL of a subscription, under the public URL. */
	private URI callback(WebSubSubscription subscription) {
		return this.settings.publicAddress(Subscriber.CALLBACK_PATH + subscription.callbackId());
	}

	/** Lets a subscription being written end, and interrupts a request waiting for its hub (see WorkerThreads). */
	@Override
	public void destroy() {
		this.threads.stop(this.worker);
	}

}

package fr.manchette.notify;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.WebhookSettings;
import fr.manchette.config.WebhookSettings.Webhook;
import fr.manchette.fetch.FormPost;
import fr.manchette.fetch.OutboundAddresses;
import fr.manchette.fetch.WorkerThreads;
import fr.manchette.store.LeaseOwner;
import fr.manchette.store.OutboxDelivery;
import fr.manchette.store.StoreOutage;
import fr.manchette.store.WebhookOutbox;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what the polls put in the outbox, on a thread of its own: a slow or dead receiver never holds back a poll.
 * At each tick an instance claims the deliveries due (a lease, so that of several instances on one PostgreSQL exactly
 * one sends each), POSTs them one by one, and marks each made, or failed with its next attempt after a wait that
 * doubles at each failure (from {@code manchette.webhook-delivery.retry}, at most an hour), until
 * {@code max-attempts}. A crashed instance's claims are given back (at the next start on the H2 file, which no other
 * process opens; within seconds on PostgreSQL: see {@link WebhookOutbox#releaseLeftBehind}), or run out, and another
 * sends them: a receiver may, rarely, get a delivery twice, and tells by its {@code delivery} id.
 * <p>
 * A receiver that does not answer at all (a timeout, a network error) rests: none of its deliveries is tried until
 * the rest ends (the same growing wait), so that a dead receiver costs one timeout per rest, not one per story, and
 * the others are served meanwhile. Its deliveries keep every attempt they had left.
 * <p>
 * No internal address unless {@code manchette.fetch.allow-internal-redirects} allows them: checked at start-up (a
 * refused hook stops the start) and again before each POST ({@link WebhookClient}).
 */
@Component
class WebhookSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	/** Deliveries claimed at once: each is sent in turn within the claim's lease. */
	static final int BATCH = 10;

	private static final Duration PRUNE_EVERY = Duration.ofHours(1);

	private final WebhookSettings settings;

	private final Map<String, Webhook> hooks;

	private final WebhookOutbox outbox;

	private final OutboundAddresses addresses;

	private final WebhookClient client;

	private final CurrentFeeds feeds;

	private final Clock clock;

	private final String instance;

	private final StoreOutage outage;

	private final AtomicLong claims = new AtomicLong();

	/** Stopped as the polls are: an interrupt only while a POST waits for its receiver (see WorkerThreads). */
	private final WorkerThreads threads = new WorkerThreads("webhooks");

	private @Nullable ScheduledExecutorService thread;

	private Instant nextPrune = Instant.MIN;

	/** The receivers resting, by hook id. The sender's thread alone reads and writes it. */
	private final Map<String, Rest> resting = new HashMap<>();

	/** A receiver that did not answer {@code times} times in a row: left alone until {@code until}. */
	private record Rest(int times, Instant until) {
	}

	WebhookSender(WebhookSettings settings, WebhookOutbox outbox, ManchetteProperties properties, CurrentFeeds feeds,
			JsonMapper json, Clock clock, LeaseOwner instance, StoreOutage outage) {
		this.instance = instance.name();
		this.outage = outage;
		this.settings = settings;
		this.hooks = settings.webhooks().stream().collect(Collectors.toMap(Webhook::id, Function.identity()));
		this.outbox = outbox;
		this.addresses = new OutboundAddresses(properties.fetch().allowInternalRedirects());
		this.client = new WebhookClient(this.addresses, json, properties.userAgent(),
				settings.webhookDelivery().timeout());
		this.feeds = feeds;
		this.clock = clock;
		checkAddresses();
	}

	/** Refuses to start with a webhook on an internal address that is not allowed. */
	private void checkAddresses() {
		List<Webhook> webhooks = this.settings.webhooks();
		for (int i = 0; i < webhooks.size(); i++) {
			Webhook hook = webhooks.get(i);
			try {
				String refusal = this.addresses.refusal(hook.url(), "webhook");
				if (refusal != null) {
					throw new InvalidWebhookException("manchette.webhooks[" + i + "].url (" + hook.shown() + "): "
							+ refusal + ".");
				}
			}
			catch (UnknownHostException ex) {
				// It may resolve later: checked again before each POST, and a failure until then.
				log.warn("Webhook host does not resolve url={} detail={}", hook.shown(), ex.getMessage());
			}
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.settings.any()) {
			return;
		}
		// Before the first claim: what a killed run had claimed is due again at once (see WebhookOutbox).
		int released = this.outbox.releaseLeftBehind(this.instance);
		if (released > 0) {
			log.info("Gave back the webhook deliveries that instances gone had claimed deliveries={}", released);
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(this.threads);
		long tick = this.settings.webhookDelivery().tick().toMillis();
		executor.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
		this.thread = executor;
		log.info("Telling webhooks={} of new stories as {}", this.settings.webhooks().size(), this.instance);
	}

	private void tick() {
		try {
			while (!WorkerThreads.stopping() && deliverDue() == BATCH) {
				// A full batch: more may be due at once.
			}
			if (!WorkerThreads.stopping()) {
				pruneNow();
			}
		}
		catch (RuntimeException ex) {
			// The database may be unreachable for a while: the next tick tries again, and the log says it once.
			if (!this.outage.said("telling webhooks", ex)) {
				log.warn("Webhook tick failed kind={} detail={}", ex.getClass().getSimpleName(), ex.getMessage());
			}
		}
	}

	/**
	 * Claims the deliveries due and makes them; returns how many it claimed, or 0 when the service stopped meanwhile:
	 * what is left of the claim is then given back, for the next start (the receiver may have had the one under way).
	 */
	int deliverDue() {
		Instant now = this.clock.instant();
		Duration timeout = this.settings.webhookDelivery().timeout();
		// Long enough to send the whole batch, each POST taking its full timeout.
		Instant until = now.plus(timeout.multipliedBy(BATCH)).plusSeconds(60);
		String owner = this.instance + "#" + this.claims.incrementAndGet();
		List<String> awake = this.settings.ids().stream().filter((hook) -> !resting(hook, now)).toList();
		List<OutboxDelivery> claimed = this.outbox.claim(awake, owner, now, until, BATCH);
		this.outage.answered();
		List<OutboxDelivery> putBack = new ArrayList<>();
		for (OutboxDelivery delivery : claimed) {
			if (resting(delivery.hook(), now)) {
				// Its receiver stopped answering earlier in this batch.
				putBack.add(delivery);
				continue;
			}
			Webhook hook = this.hooks.get(delivery.hook());
			Optional<FormPost.Outcome> answer = (hook != null)
					? WorkerThreads.whileWaiting(() -> this.client.send(hook, delivery))
					: Optional.of(new FormPost.Outcome(0, "webhook no longer configured"));
			if (answer.isEmpty()) {
				this.outbox.release(claimed, owner);
				return 0;
			}
			Instant done = this.clock.instant();
			if (answer.get().succeeded()) {
				this.resting.remove(delivery.hook());
				this.outbox.delivered(delivery, owner, done);
			}
			else {
				String failure = answer.get().describe();
				Instant next = next(delivery.attempts() + 1, done);
				this.outbox.failed(delivery, owner, done, failure, next);
				String shown = (hook != null) ? hook.shown() : delivery.hook();
				log.warn("Webhook delivery failed url={} kind={} detail={} attempt={} next={}", shown,
						delivery.event(), failure, delivery.attempts() + 1, (next != null) ? next : "given up");
				if (answer.get().status() == 0) {
					rest(delivery.hook(), shown, done);
				}
				else {
					// It answered: a status may be this delivery's own trouble, not the receiver's.
					this.resting.remove(delivery.hook());
				}
			}
		}
		this.outbox.release(putBack, owner);
		return claimed.size();
	}

	private boolean resting(String hook, Instant now) {
		Rest rest = this.resting.get(hook);
		return rest != null && now.isBefore(rest.until());
	}

	/** No answer at all: none of the hook's deliveries is tried before the rest ends, which grows at each one. */
	private void rest(String hook, String shown, Instant now) {
		Rest previous = this.resting.get(hook);
		int times = (previous != null) ? previous.times() + 1 : 1;
		Instant until = now.plus(this.settings.webhookDelivery().backoff().after(times));
		this.resting.put(hook, new Rest(times, until));
		log.warn("Webhook receiver not answering url={} restsUntil={}", shown, until);
	}

	/** When to try again after {@code attempts} failures: a wait that doubles each time, or null to give up. */
	@Nullable Instant next(int attempts, Instant now) {
		WebhookSettings.Delivery delivery = this.settings.webhookDelivery();
		return (attempts < delivery.maxAttempts()) ? now.plus(delivery.backoff().after(attempts)) : null;
	}

	/** Forgets the deliveries done with once their stories are past the retention, once an hour. */
	private void pruneNow() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextPrune)) {
			return;
		}
		this.nextPrune = now.plus(PRUNE_EVERY);
		int pruned = this.outbox.pruneOlderThan(now.minus(this.feeds.get().retention()));
		if (pruned > 0) {
			log.info("Pruned webhook deliveries={}", pruned);
		}
	}

	/** Lets a delivery being recorded end, and interrupts one waiting for its receiver (see WorkerThreads). */
	@Override
	public void destroy() {
		ScheduledExecutorService executor = this.thread;
		if (executor != null) {
			this.threads.stop(executor);
		}
	}

}

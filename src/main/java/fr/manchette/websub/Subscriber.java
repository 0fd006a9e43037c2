package fr.manchette.websub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileReloaded;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.config.WebSubSettings;
import fr.manchette.fetch.FormPost;
import fr.manchette.pipeline.FeedHubsRead;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscription.State;
import fr.manchette.store.WebSubSubscriptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The WebSub subscriber (W3C WebSub, sections 4 and 5). A poll that reads a feed announcing a hub and a self link
 * makes the source's subscription (one per source, in the database, shared by every instance); this instance's
 * worker then sends the request, renews it before the lease ends, gives up waiting for a verification that does not
 * come and tries again later, and unsubscribes a source that left feeds.yml or whose feed no longer announces the
 * hub. Every step is a compare-and-set on the subscription's row, so that of several instances one acts.
 * <p>
 * The hub calls back at {@code <public-url>/websub/<callback id>}: an id that is random and new for each subscription
 * (a capability URL, section 5.1.1), and a secret of its own that signs every delivery.
 */
@Component
@ConditionalOnProperty(prefix = "manchette", name = "public-url")
class Subscriber implements DisposableBean {

	static final String CALLBACK_PATH = "websub/";

	private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

	/** Subscriptions acted on per turn of the worker; the rest stay due for the next. */
	private static final int BATCH = 50;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	private static final Duration LAST_RETRY = Duration.ofDays(1);

	/** A challenge longer than this is no hub's: the answer is not a mirror for whatever a caller sends. */
	private static final int MAX_CHALLENGE = 1_000;

	/** The longest lease taken as granted; a hub MUST NOT issue perpetual ones (section 5.3.1). */
	private static final long MAX_LEASE_SECONDS = Duration.ofDays(366).toSeconds();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CurrentFeeds feeds;

	private final WebSubSettings settings;

	private final WebSubSubscriptions subscriptions;

	private final SourceStatusRepository statuses;

	private final FormPost post;

	private final Clock clock;

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "websub-subscriber");
		thread.setDaemon(true);
		return thread;
	});

	Subscriber(CurrentFeeds feeds, WebSubSettings settings, WebSubSubscriptions subscriptions,
			SourceStatusRepository statuses, FormPost post, Clock clock) {
		this.feeds = feeds;
		this.settings = settings;
		this.subscriptions = subscriptions;
		this.statuses = statuses;
		this.post = post;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		// feeds.yml may have lost sources while the service was stopped.
		unsubscribeRemoved(this.feeds.get());
		long tick = this.settings.websub().tick().toMillis();
		this.worker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
	}

	@EventListener
	void reloaded(FeedsFileReloaded event) {
		unsubscribeRemoved(event.feeds());
	}

	/**
	 * What a poll learnt of a source's hub: a first subscription, a new one when the hub or the topic changed, an
	 * unsubscription when the feed no longer announces one. Runs on the poll's thread: a read, and a write only when
	 * something changed; the requests go out on the worker.
	 */
	@EventListener
	void hubsRead(FeedHubsRead read) {
		if (!this.settings.subscribing()) {
			// manchette.public-url given but empty: as good as not given.
			return;
		}
		Source source = this.feeds.get().source(read.sourceId()).orElse(null);
		if (source == null || !source.enabled() || source.type() != SourceType.FEED) {
			return;
		}
		Instant now = this.clock.instant();
		URI hub = chooseHub(read);
		URI topic = resolve(read.documentUrl(), read.self());
		Optional<WebSubSubscription> current = this.subscriptions.find(source.id());
		if (hub == null || topic == null) {
			current.filter((subscription) -> subscription.state().wantsSubscription())
				.ifPresent((subscription) -> unsubscribe(subscription, now, "its feed no longer announces a hub"));
			return;
		}
		WebSubSubscription fresh = WebSubSubscription.requested(source.id(), randomId(), hub.toString(),
				topic.toString(), secret(), now);
		if (current.isEmpty()) {
			if (this.subscriptions.create(fresh)) {
				log.info("WebSub subscription to make source={} url={} topic={}", source.id(), hub, topic);
				nudge();
			}
			return;
		}
		WebSubSubscription subscription = current.get();
		boolean same = subscription.hub().equals(fresh.hub()) && subscription.topic().equals(fresh.topic());
		if (!same || !subscription.state().wantsSubscription()) {
			// The old callback answers 410 from now on, which tells its hub to drop it.
			if (this.subscriptions.transition(subscription.replacedBy(fresh))) {
				log.info("WebSub subscription to make again source={} url={} topic={}", source.id(), hub, topic);
				nudge();
			}
		}
	}

	/**
	 * The answer to a hub's verification of intent or denial (sections 5.2 and 5.3) at a callback: the challenge to
	 * echo, an empty answer to a denial, or nothing (a 404) when we did not ask for this.
	 */
	Optional<String> verify(String callbackId, @Nullable String mode, @Nullable String topic,
			@Nullable String challenge, @Nullable String leaseSeconds, @Nullable String reason) {
		WebSubSubscription subscription = this.subscriptions.findByCallback(callbackId).orElse(null);
		if (subscription == null || mode == null || topic == null || !sameTopic(subscription.topic(), topic)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		switch (mode) {
			case "subscribe" -> {
				if (!subscription.state().wantsSubscription() || subscription.requestedAt() == null
						|| !usableChallenge(challenge)) {
					return Optional.empty();
				}
				Duration lease = Duration.ofSeconds(leaseSeconds(leaseSeconds));
				// Renewed once four fifths of the lease have passed: well before it ends, and not much more often.
				WebSubSubscription verified = subscription.verified(now, now.plus(lease),
						now.plus(lease.multipliedBy(4).dividedBy(5)));
				if (!this.subscriptions.transition(verified)) {
					return Optional.empty();
				}
				log.info("WebSub subscription verified source={} url={} lease={}", subscription.sourceId(),
						subscription.hub(), lease);
				return Optional.of(challenge);
			}
			case "unsubscribe" -> {
				if (subscription.state().wantsSubscription() || !usableChallenge(challenge)
						|| !this.subscriptions.delete(subscription)) {
					return Optional.empty();
				}
				log.info("WebSub unsubscription verified source={} url={}", subscription.sourceId(), subscription.hub());
				return Optional.of(challenge);
			}
			case "denied" -> {
				if (!subscription.state().wantsSubscription()) {
					return Optional.empty();
				}
				String why = "denied by the hub" + ((reason != null && !reason.isBlank()) ? ": " + reason.strip() : "");
				if (this.subscriptions.transition(subscription.denied(why, now.plus(backoff(subscription.failures() + 1))))) {
					log.warn("WebSub subscription denied source={} url={} detail={}", subscription.sourceId(),
							subscription.hub(), why);
					this.statuses.pollBy(subscription.sourceId(), now);
				}
				return Optional.of("");
			}
			default -> {
				return Optional.empty();
			}
		}
	}

	/** One turn of the worker: acts on every subscription that is due. Never throws. */
	void tick() {
		try {
			Instant now = this.clock.instant();
			for (WebSubSubscription subscription : this.subscriptions.due(now, BATCH)) {
				act(subscription, now);
			}
		}
		catch (RuntimeException ex) {
			// The database may be briefly unreachable: the next turn tries again.
			log.warn("WebSub turn failed kind={} detail={}", ex.getClass().getSimpleName(), ex.getMessage());
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
	 * an unsubscription that fails is forgotten (the lease ends on its own).
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
		FormPost.Outcome outcome = this.post.post(URI.create(subscription.topic()), hub, form, REQUEST_TIMEOUT);
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
		Instant retryAt = retryAt(written, now);
		if (this.subscriptions.transition(written.failed(onFailure, "hub refused the request: " + outcome.describe(),
				retryAt))) {
			log.warn("WebSub {} failed source={} url={} detail={} retryAt={}", mode, subscription.sourceId(), hub,
					outcome.describe(), retryAt);
		}
	}

	private void retry(WebSubSubscription subscription, State state, String why, Instant now) {
		Instant retryAt = retryAt(subscription, now);
		if (this.subscriptions.transition(subscription.failed(state, why, retryAt))) {
			log.warn("WebSub subscription failed source={} url={} detail={} retryAt={}", subscription.sourceId(),
					subscription.hub(), why, retryAt);
		}
	}

	/** Backoff from the failures so far; while a lease runs, never later than its end, so that renewal goes on. */
	private static Instant retryAt(WebSubSubscription subscription, Instant now) {
		Instant retryAt = now.plus(backoff(subscription.failures() + 1));
		Instant leaseEnd = subscription.leaseUntil();
		return (leaseEnd != null && leaseEnd.isAfter(now) && leaseEnd.isBefore(retryAt)) ? leaseEnd : retryAt;
	}

	private static Duration backoff(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 20);
		Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
		return (wait.compareTo(LAST_RETRY) > 0) ? LAST_RETRY : wait;
	}

	private void unsubscribeRemoved(FeedsFile config) {
		Set<String> kept = config.enabledFeeds()
			.stream()
			.filter((source) -> source.type() == SourceType.FEED)
			.map(Source::id)
			.collect(Collectors.toSet());
		Instant now = this.clock.instant();
		try {
			for (WebSubSubscription subscription : this.subscriptions.findAll()) {
				if (!kept.contains(subscription.sourceId()) && subscription.state().wantsSubscription()) {
					unsubscribe(subscription, now, "it left feeds.yml");
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("WebSub unsubscriptions failed kind={} detail={}", ex.getClass().getSimpleName(), ex.getMessage());
		}
	}

	private void unsubscribe(WebSubSubscription subscription, Instant now, String why) {
		if (subscription.requestedAt() == null) {
			// Never asked of the hub: nothing to undo there.
			this.subscriptions.delete(subscription);
			return;
		}
		if (this.subscriptions.transition(subscription.unwanted(now))) {
			log.info("WebSub unsubscribe source={} url={}: {}", subscription.sourceId(), subscription.hub(), why);
			nudge();
		}
	}

	private void nudge() {
		try {
			this.worker.execute(this::tick);
		}
		catch (RuntimeException rejected) {
			// Stopping: the next start picks the subscription up.
		}
	}

	/** The callback URL of a subscription, under the public URL. */
	URI callback(WebSubSubscription subscription) {
		return this.settings.publicAddress(CALLBACK_PATH + subscription.callbackId());
	}

	/** An https hub if the feed announces one (the recommendation's advice, section 8.1), else the first. */
	private static @Nullable URI chooseHub(FeedHubsRead read) {
		List<URI> hubs = read.hubs().stream().map((hub) -> resolve(read.documentUrl(), hub)).filter((hub) -> hub != null)
			.toList();
		return hubs.stream()
			.filter((hub) -> "https".equalsIgnoreCase(hub.getScheme()))
			.findFirst()
			.orElse(hubs.isEmpty() ? null : hubs.get(0));
	}

	/** An http or https address that fits the store's column, resolved against the feed's; else none. */
	private static @Nullable URI resolve(URI base, @Nullable String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			URI resolved = base.resolve(link.strip());
			String scheme = (resolved.getScheme() != null) ? resolved.getScheme().toLowerCase(Locale.ROOT) : "";
			boolean web = scheme.equals("http") || scheme.equals("https");
			return (web && resolved.getHost() != null && resolved.toString().length() <= 2048) ? resolved : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Hubs must decode what need not be encoded (section 5.1.1): the same topic may come back spelt otherwise. */
	private static boolean sameTopic(String ours, String theirs) {
		if (ours.equals(theirs)) {
			return true;
		}
		try {
			return URI.create(ours).normalize().toASCIIString().equals(new URI(theirs).normalize().toASCIIString())
					|| decoded(ours).equals(decoded(theirs));
		}
		catch (java.net.URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String decoded(String uri) {
		return java.net.URLDecoder.decode(uri.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
	}

	private static boolean usableChallenge(@Nullable String challenge) {
		return challenge != null && !challenge.isEmpty() && challenge.length() <= MAX_CHALLENGE;
	}

	/** The hub's lease: it MUST give one when subscribing; a missing or senseless one counts as the one we asked. */
	private long leaseSeconds(@Nullable String value) {
		long asked = this.settings.websub().lease().toSeconds();
		if (value == null) {
			return asked;
		}
		try {
			long seconds = Long.parseLong(value.strip());
			return (seconds > 0) ? Math.min(seconds, MAX_LEASE_SECONDS) : asked;
		}
		catch (NumberFormatException ex) {
			return asked;
		}
	}

	/** 256 random bits, URL-safe: the callback id no one can guess. */
	private static String randomId() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** 256 random bits in hex: 64 bytes, well under the 200 the recommendation allows (section 5.1). */
	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}

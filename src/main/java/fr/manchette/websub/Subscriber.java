package fr.manchette.websub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileReloaded;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.config.WebSubSettings;
import fr.manchette.pipeline.FeedHubsRead;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreOutage;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscriptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The WebSub subscriber (W3C WebSub, sections 4 and 5): decides which sources are subscribed to. A poll that reads a
 * feed announcing a hub and a self link makes the source's subscription (one per source, in the database, shared by
 * every instance), and a source that left feeds.yml, was disabled or whose feed no longer announces the hub is
 * unsubscribed.
 * {@link SubscriptionWorker} then sends the requests, renews and retries them; {@link IntentVerifier} answers the
 * hub's verifications. Every step is a compare-and-set on the subscription's row, so that of several instances one
 * acts.
 * <p>
 * The hub calls back at {@code <public-url>/websub/<callback id>}: an id that is random and new for each subscription
 * (a capability URL, section 5.1.1), and a secret of its own that signs every delivery.
 */
class Subscriber {

	static final String CALLBACK_PATH = "websub/";

	private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CurrentFeeds feeds;

	private final WebSubSettings settings;

	private final WebSubSubscriptions subscriptions;

	private final SubscriptionWorker worker;

	private final SourceStatusRepository statuses;

	private final StoreOutage outage;

	private final Clock clock;

	Subscriber(CurrentFeeds feeds, WebSubSettings settings, WebSubSubscriptions subscriptions,
			SubscriptionWorker worker, SourceStatusRepository statuses, Clock clock, StoreOutage outage) {
		this.feeds = feeds;
		this.statuses = statuses;
		this.outage = outage;
		this.settings = settings;
		this.subscriptions = subscriptions;
		this.worker = worker;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		// feeds.yml may have lost sources while the service was stopped.
		unsubscribeRemoved(this.feeds.get());
		this.worker.start();
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
		try {
			subscribe(read);
		}
		catch (RuntimeException ex) {
			// The database away: the source's next poll reads its hub again.
			if (!this.outage.said("subscribing to hubs", ex)) {
				throw ex;
			}
		}
	}

	private void subscribe(FeedHubsRead read) {
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
				this.worker.nudge();
			}
			return;
		}
		WebSubSubscription subscription = current.get();
		boolean same = subscription.hub().equals(fresh.hub()) && subscription.topic().equals(fresh.topic());
		if (!same || !subscription.state().wantsSubscription()) {
			// The old callback answers 410 from now on, which tells its hub to drop it.
			if (this.subscriptions.transition(subscription.replacedBy(fresh))) {
				log.info("WebSub subscription to make again source={} url={} topic={}", source.id(), hub, topic);
				this.worker.nudge();
			}
		}
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
					unsubscribe(subscription, now, whyUnwanted(config.source(subscription.sourceId())));
					// Its hub is read from a 200 only: enabled again, or put back, an unchanged feed answering 304
					// would leave it unsubscribed until the feed changes.
					this.statuses.forgetValidators(List.of(subscription.sourceId()));
				}
			}
		}
		catch (RuntimeException ex) {
			if (!this.outage.said("unsubscribing from hubs", ex)) {
				log.warn("WebSub unsubscriptions failed kind={} detail={}", ex.getClass().getSimpleName(),
						ex.getMessage());
			}
		}
	}

	/** Which edit of feeds.yml ended the push, for the log line the operator reads. */
	private static String whyUnwanted(Optional<Source> listed) {
		if (listed.isEmpty()) {
			return "it left feeds.yml";
		}
		return listed.get().enabled() ? "it is no longer a type: feed source" : "it was disabled";
	}

	private void unsubscribe(WebSubSubscription subscription, Instant now, String why) {
		if (subscription.requestedAt() == null) {
			// Never asked of the hub: nothing to undo there.
			this.subscriptions.delete(subscription);
			return;
		}
		if (this.subscriptions.transition(subscription.unwanted(now))) {
			log.info("WebSub unsubscribe source={} url={}: {}", subscription.sourceId(), subscription.hub(), why);
			this.worker.nudge();
		}
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

}

package fr.manchette.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import fr.manchette.config.WebSubSettings;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscription.State;
import fr.manchette.store.WebSubSubscriptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a hub's verification of intent or denial (W3C WebSub, sections 5.2 and 5.3) at a callback: the challenge to
 * echo for a subscription or an unsubscription we asked for, an empty answer to a denial, or nothing (a 404) when we
 * did not ask for this. Each answer is a compare-and-set on the subscription's row, so that of several instances one
 * acts.
 */
class IntentVerifier {

	private static final Logger log = LoggerFactory.getLogger(IntentVerifier.class);

	/** The longest lease taken as granted; a hub MUST NOT issue perpetual ones (section 5.3.1). */
	private static final long MAX_LEASE_SECONDS = WebSubSettings.WebSub.LONGEST_LEASE.toSeconds();

	private final WebSubSettings settings;

	private final WebSubSubscriptions subscriptions;

	private final SourceStatusRepository statuses;

	private final Clock clock;

	IntentVerifier(WebSubSettings settings, WebSubSubscriptions subscriptions, SourceStatusRepository statuses,
			Clock clock) {
		this.settings = settings;
		this.subscriptions = subscriptions;
		this.statuses = statuses;
		this.clock = clock;
	}

	/** @return the body to answer with, or empty for a 404 */
	Optional<String> verify(String callbackId, @Nullable String mode, @Nullable String topic,
			@Nullable String challenge, @Nullable String leaseSeconds, @Nullable String reason) {
		WebSubSubscription subscription = this.subscriptions.findByCallback(callbackId).orElse(null);
		if (subscription == null) {
			return Optional.empty();
		}
		if (mode == null || topic == null || !sameTopic(subscription.topic(), topic)) {
			// Only a hub we gave the callback to gets here: what it got wrong is worth a line to whoever runs us.
			refused(subscription, "hub.mode=" + mode + " hub.topic=" + topic + " for the topic " + subscription.topic());
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return switch (mode) {
			case "subscribe" -> subscribe(subscription, challenge, leaseSeconds, now);
			case "unsubscribe" -> unsubscribe(subscription, challenge);
			case "denied" -> denied(subscription, reason, now);
			default -> Optional.empty();
		};
	}

	private Optional<String> subscribe(WebSubSubscription subscription, @Nullable String challenge,
			@Nullable String leaseSeconds, Instant now) {
		if (!subscription.state().wantsSubscription() || subscription.requestedAt() == null) {
			refused(subscription, "a subscription not asked for (" + subscription.state() + ")");
			return Optional.empty();
		}
		if (!usableChallenge(challenge)) {
			refused(subscription, "no hub.challenge");
			return Optional.empty();
		}
		Duration lease = Duration.ofSeconds(leaseSeconds(leaseSeconds));
		if (lease.compareTo(WebSubSettings.WebSub.SHORTEST_LEASE) < 0) {
			// Renewed at every turn and polled at every lapse, such a source would cost more than it was polled.
			return tooShort(subscription, lease, now);
		}
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

	/**
	 * Refuses a lease shorter than a minute, as a failure of the request: asked again after the growing wait (while
	 * a lease granted before runs, still pushed until it ends), the source polled at its own pace meanwhile.
	 */
	private Optional<String> tooShort(WebSubSubscription subscription, Duration lease, Instant now) {
		String why = "the hub granted a lease of " + lease.toSeconds() + " s, under the shortest taken (1 min)";
		State state = (subscription.state() == State.RENEWING || subscription.state() == State.ACTIVE) ? State.ACTIVE
				: State.REQUESTING;
		Instant retryAt = SubscriptionRetry.retryAt(subscription, now);
		if (this.subscriptions.transition(subscription.failed(state, why, retryAt))) {
			log.warn("WebSub subscription refused source={} url={} detail={} retryAt={}", subscription.sourceId(),
					subscription.hub(), why, retryAt);
		}
		return Optional.empty();
	}

	private Optional<String> unsubscribe(WebSubSubscription subscription, @Nullable String challenge) {
		if (subscription.state().wantsSubscription() || !usableChallenge(challenge)
				|| !this.subscriptions.delete(subscription)) {
			return Optional.empty();
		}
		log.info("WebSub unsubscription verified source={} url={}", subscription.sourceId(), subscription.hub());
		return Optional.of(challenge);
	}

	private Optional<String> denied(WebSubSubscription subscription, @Nullable String reason, Instant now) {
		if (!subscription.state().wantsSubscription()) {
			return Optional.empty();
		}
		String why = "denied by the hub" + ((reason != null && !reason.isBlank()) ? ": " + reason.strip() : "");
		Instant retryAt = now.plus(SubscriptionRetry.BACKOFF.after(subscription.failures() + 1));
		if (this.subscriptions.transition(subscription.denied(why, retryAt))) {
			log.warn("WebSub subscription denied source={} url={} detail={}", subscription.sourceId(),
					subscription.hub(), why);
			if (subscription.pushing(now)) {
				// The push ends: the poll it had put off comes now. A denial of what was not pushed changes no pace,
				// or a hub could have the source polled at every denial it sends.
				this.statuses.pollBy(subscription.sourceId(), now);
			}
		}
		return Optional.of("");
	}

	private static void refused(WebSubSubscription subscription, String detail) {
		// The caller's strings, cut short: a line in the log, not a page.
		String shown = (detail.length() > 500) ? detail.substring(0, 500) + "…" : detail;
		log.warn("WebSub verification refused source={} url={} detail={}", subscription.sourceId(), subscription.hub(),
				shown);
	}

	/**
	 * Hubs must decode what need not be encoded (section 5.1.1), and may write the scheme and host in capitals or the
	 * default port out (RFC 3986, 6.2.2 and 6.2.3): the same topic may come back spelt otherwise.
	 */
	private static boolean sameTopic(String ours, String theirs) {
		if (ours.equals(theirs)) {
			return true;
		}
		try {
			return canonical(URI.create(ours)).equals(canonical(new URI(theirs)))
					|| decoded(ours).equals(decoded(theirs));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** The address as RFC 3986 compares it: scheme and host in lower case, no default port, dot segments removed. */
	private static String canonical(URI uri) {
		// In ASCII first: a hub may send a non-ASCII path percent-encoded.
		URI normalized = URI.create(uri.normalize().toASCIIString());
		if (normalized.getScheme() == null || normalized.getHost() == null) {
			return normalized.toASCIIString();
		}
		String scheme = normalized.getScheme().toLowerCase(Locale.ROOT);
		int port = normalized.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		return scheme + "://" + ((normalized.getRawUserInfo() != null) ? normalized.getRawUserInfo() + "@" : "")
				+ normalized.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
				+ normalized.getRawPath() + ((normalized.getRawQuery() != null) ? "?" + normalized.getRawQuery() : "");
	}

	private static String decoded(String uri) {
		return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static boolean usableChallenge(@Nullable String challenge) {
		// No length of our own: the capability URL and the topic make sure only our hub sees the echo, and the server's
		// limit on the request line and headers (server.max-http-request-header-size, 32 KB) bounds it.
		return challenge != null && !challenge.isEmpty();
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

}

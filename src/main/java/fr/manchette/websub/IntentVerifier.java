package fr.manchette.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import fr.manchette.config.WebSubSettings;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscriptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Answers a hub's verification of intent or denial (W3C WebSub, sections 5.2 and 5.3) at a callback: the challenge to
 * echo for a subscription or an unsubscription we asked for, an empty answer to a denial, or nothing (a 404) when we
 * did not ask for this. Each answer is a compare-and-set on the subscription's row, so that of several instances one
 * acts.
 */
@Component
@ConditionalOnProperty(prefix = "manchette", name = "public-url")
class IntentVerifier {

	private static final Logger log = LoggerFactory.getLogger(IntentVerifier.class);

	/** A challenge longer than this is no hub's: the answer is not a mirror for whatever a caller sends. */
	private static final int MAX_CHALLENGE = 1_000;

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
		if (subscription == null || mode == null || topic == null || !sameTopic(subscription.topic(), topic)) {
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
			this.statuses.pollBy(subscription.sourceId(), now);
		}
		return Optional.of("");
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
		catch (URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String decoded(String uri) {
		return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
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

}

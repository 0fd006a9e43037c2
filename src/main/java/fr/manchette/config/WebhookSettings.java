package fr.manchette.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Who is told of new stories ({@code manchette.webhooks[N].url} and {@code .secret}) and how deliveries are retried
 * ({@code manchette.webhook-delivery.*}).
 *
 * @param webhooks the receivers; none by default
 * @param webhookDelivery how they are sent to
 */
@ConfigurationProperties("manchette")
public record WebhookSettings(@DefaultValue List<Webhook> webhooks, @DefaultValue Delivery webhookDelivery) {

	public WebhookSettings {
		webhooks = List.copyOf(webhooks);
		long distinct = webhooks.stream().map(Webhook::id).distinct().count();
		Assert.isTrue(distinct == webhooks.size(), "manchette.webhooks lists the same url twice");
	}

	/** Whether there is anyone to tell: without webhooks, a poll records no events at all. */
	public boolean any() {
		return !this.webhooks.isEmpty();
	}

	/** The hooks' ids, as the outbox knows them. */
	public List<String> ids() {
		return this.webhooks.stream().map(Webhook::id).toList();
	}

	/**
	 * One receiver.
	 *
	 * @param url where the JSON POST goes: http or https only
	 * @param secret the key of the HMAC-SHA256 that signs each body ({@code X-Manchette-Signature})
	 */
	public record Webhook(URI url, String secret) {

		public Webhook {
			Assert.notNull(url, "manchette.webhooks[N].url is required");
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
			Assert.isTrue(scheme.equals("http") || scheme.equals("https"),
					"manchette.webhooks[N].url must be an http or https address, not " + url);
			Assert.isTrue(url.getHost() != null && !url.getHost().isBlank(),
					"manchette.webhooks[N].url must name a host: " + url);
			Assert.isTrue(secret != null && !secret.isBlank(), "manchette.webhooks[N].secret is required for " + url);
		}

		/**
		 * The hook's identity in the outbox: a hash of its url, so that reordering the list, or changing a secret,
		 * sends nothing to the wrong receiver and loses nothing pending.
		 */
		public String id() {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.url.toString().getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(digest, 0, 12);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every JVM has SHA-256", ex);
			}
		}

		/** The url as logs and {@code /api/webhooks} show it: no user, password, query or fragment, which may hold a token. */
		public String shown() {
			return this.url.getScheme() + "://" + this.url.getHost() + ((this.url.getPort() >= 0) ? ":" + this.url.getPort() : "")
					+ ((this.url.getRawPath() != null) ? this.url.getRawPath() : "");
		}

		/** Never the secret. */
		@Override
		public String toString() {
			return "Webhook[" + shown() + "]";
		}

	}

	/**
	 * @param timeout how long one POST may take, connection included, at most ten minutes (a batch's claim lasts ten
	 * times this long)
	 * @param retry the wait before the first retry, at most an hour; it doubles at each failure, up to an hour
	 * @param maxAttempts attempts before a delivery is given up
	 * @param maxAge stories older than this when first stored (a new source's back catalogue) are not announced; at
	 * most 36500d, the longest retention
	 * @param tick how often each instance looks for deliveries due
	 */
	public record Delivery(@DefaultValue("10s") Duration timeout, @DefaultValue("30s") Duration retry,
			@DefaultValue("10") int maxAttempts, @DefaultValue("6h") Duration maxAge, @DefaultValue("1s") Duration tick) {

		/** The longest wait between two attempts, and so the longest {@code retry}. */
		public static final Duration LONGEST_RETRY = Duration.ofHours(1);

		public Delivery {
			// Past each longest, the date it gives (a claim, a next attempt, a cut-off) overflows or leaves the store's range.
			// The longest first: toMillis overflows past 292 million years.
			Assert.isTrue(timeout.compareTo(Duration.ofMinutes(10)) <= 0 && timeout.toMillis() > 0,
					"manchette.webhook-delivery.timeout must be positive and at most 10m, not " + timeout);
			Assert.isTrue(retry.compareTo(LONGEST_RETRY) <= 0 && retry.toMillis() > 0,
					"manchette.webhook-delivery.retry must be positive and at most 1h, not " + retry);
			Assert.isTrue(maxAttempts >= 1, "manchette.webhook-delivery.max-attempts must be at least 1");
			Assert.isTrue(maxAge.compareTo(FeedsFileBinder.MAX_RETENTION.duration()) <= 0 && maxAge.toMillis() > 0,
					"manchette.webhook-delivery.max-age must be positive and at most 36500d, not " + maxAge);
			Assert.isTrue(tick.toMillis() > 0, "manchette.webhook-delivery.tick must be positive");
		}

		/** The wait after each failure of a delivery: {@code retry}, doubled at each failure, at most an hour. */
		public Backoff backoff() {
			return new Backoff(this.retry, LONGEST_RETRY);
		}

	}

}

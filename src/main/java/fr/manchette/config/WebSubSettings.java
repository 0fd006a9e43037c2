package fr.manchette.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * WebSub, both ways ({@code manchette.public-url}, {@code manchette.websub.*}). Without a public URL nothing of it
 * runs: no hub can reach a service that does not say where it is.
 *
 * @param publicUrl where hubs reach this service (and readers its feeds), e.g. {@code https://fil.example/}; with it,
 * sources whose feeds announce a hub are subscribed to and pushed to
 * @param websub the subscriber's and the publisher's settings
 */
@ConfigurationProperties("manchette")
public record WebSubSettings(@Nullable URI publicUrl, @DefaultValue WebSub websub) {

	public WebSubSettings {
		if (publicUrl != null) {
			Assert.isTrue(httpUrl(publicUrl),
					"manchette.public-url must be an absolute http or https URL, not " + publicUrl);
			// A base: the callback and feed addresses are resolved against it.
			if (!publicUrl.getRawPath().endsWith("/")) {
				publicUrl = URI.create(publicUrl.toString() + "/");
			}
		}
		Assert.isTrue(websub.hub() == null || httpUrl(websub.hub()),
				"manchette.websub.hub must be an absolute http or https URL, not " + websub.hub());
		Assert.isTrue(websub.hub() == null || publicUrl != null,
				"manchette.websub.hub needs manchette.public-url: the hub fetches the feeds at that address");
	}

	/** Whether sources that announce a hub are subscribed to. */
	public boolean subscribing() {
		return this.publicUrl != null;
	}

	/** Whether the merged feeds announce a hub and ping it. */
	public boolean publishing() {
		return this.publicUrl != null && this.websub.hub() != null;
	}

	/** The public address of a path of this service, e.g. {@code feed.atom}; needs the public URL. */
	public URI publicAddress(String relativePath) {
		Assert.state(this.publicUrl != null, "no manchette.public-url");
		return this.publicUrl.resolve(relativePath);
	}

	private static boolean httpUrl(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		return url.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
	}

	/**
	 * @param hub the hub that Manchette pings when its merged feeds gain a story, and that they announce
	 * @param lease how long a subscription is asked for ({@code hub.lease_seconds}), from a minute to 366 days, the
	 * longest lease taken from a hub; hubs may grant another
	 * @param pingInterval the hub is pinged at most once per this much time, however many polls store stories (at most
	 * a day)
	 * @param verifyTimeout how long a hub has to verify a subscription request before it counts as failed (at most a
	 * day)
	 * @param tick how often an instance looks for subscriptions to request, renew or end
	 */
	public record WebSub(@Nullable URI hub, @DefaultValue("10d") Duration lease,
			@DefaultValue("5s") Duration pingInterval, @DefaultValue("5m") Duration verifyTimeout,
			@DefaultValue("5s") Duration tick) {

		/** The longest lease asked for, or taken from a hub's answer. */
		public static final Duration LONGEST_LEASE = Duration.ofDays(366);

		/** The shortest lease asked for, or taken from a hub's answer: a shorter one cannot be renewed in time. */
		public static final Duration SHORTEST_LEASE = Duration.ofMinutes(1);

		public WebSub {
			// Past each longest, the date it gives (a subscription's end, a verification's deadline) leaves the store's
			// range, or the ping's clock overflows.
			Assert.isTrue(lease.compareTo(SHORTEST_LEASE) >= 0 && lease.compareTo(LONGEST_LEASE) <= 0,
					"manchette.websub.lease must be from 1m to 366d, not " + lease);
			Assert.isTrue(!pingInterval.isNegative() && pingInterval.compareTo(Duration.ofDays(1)) <= 0,
					"manchette.websub.ping-interval must be from 0 to 1d, not " + pingInterval);
			Assert.isTrue(!verifyTimeout.isNegative() && !verifyTimeout.isZero()
					&& verifyTimeout.compareTo(Duration.ofDays(1)) <= 0,
					"manchette.websub.verify-timeout must be positive and at most 1d, not " + verifyTimeout);
			Assert.isTrue(!tick.isNegative() && !tick.isZero(), "manchette.websub.tick must be positive");
		}

	}

}

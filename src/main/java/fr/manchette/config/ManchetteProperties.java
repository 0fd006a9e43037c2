package fr.manchette.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The service's own settings ({@code manchette.*} Spring properties), as opposed to the sources in feeds.yml.
 *
 * @param feeds where feeds.yml is ({@code --manchette.feeds=PATH} or env {@code MANCHETTE_FEEDS})
 * @param userAgent the User-Agent of every request Manchette makes (sources, hubs, webhooks, and the {@code preview}
 * and {@code discover} commands): the only place it is written
 * @param polling how polls are scheduled
 * @param reloadInterval how often feeds.yml is checked for edits
 * @param fetch how sources are fetched
 * @param stories how items of several sources are grouped into stories
 */
@ConfigurationProperties("manchette")
public record ManchetteProperties(@DefaultValue("./feeds.yml") Path feeds,
		@DefaultValue("Manchette (+https://github.com/manchette/manchette)") String userAgent,
		@DefaultValue Polling polling, @DefaultValue("2s") Duration reloadInterval, @DefaultValue Fetch fetch,
		@DefaultValue Stories stories) {

	public ManchetteProperties {
		// Run from sources that Maven's resource filtering has not seen, application.yml's value still holds the
		// placeholder of the version: then the User-Agent says none rather than a placeholder.
		userAgent = userAgent.replace("/@project.version@", "");
		Assert.isTrue(isHeaderValue(userAgent), "manchette.user-agent must be one line of printable characters "
				+ "(a header of every request: no line break, nothing beyond Latin-1), not \"" + userAgent + "\"");
		// Zero or less, the scheduler of the feeds.yml check refuses it with no word of which setting.
		Assert.isTrue(!reloadInterval.isNegative() && !reloadInterval.isZero(),
				"manchette.reload-interval must be positive, not " + reloadInterval);
	}

	/**
	 * What Java's HTTP client sends as a header value: else it refuses every request that carries it, and each poll,
	 * hub request and webhook would fail, rather than the start.
	 */
	private static boolean isHeaderValue(String value) {
		return !value.isBlank() && value.chars()
			.allMatch((c) -> c == '\t' || (c >= ' ' && c < 0x7f) || (c >= 0x80 && c <= 0xff));
	}

	/**
	 * @param enabled whether sources are polled on their schedule (off in tests that drive polls themselves)
	 * @param concurrency how many sources are fetched at once, in all
	 * @param perHost how many of them may talk to the same host at once
	 * @param startJitter the first polls of new sources are spread at random over this much time (at most a day)
	 * @param tick how often an instance looks for due sources in the database
	 * @param lease how long a claimed source stays an instance's (at least twice {@code poll.timeout}, at most a
	 * day): a crashed instance's sources are taken over once it has passed
	 * @param minInterval the shortest {@code interval} feeds.yml may ask for (at most 24h, the longest
	 * {@code max-interval})
	 * @param stopWait how long a clean stop waits for the polls that are storing what they fetched (at most an hour);
	 * past it they roll back, and their sources are polled again at the next start
	 */
	public record Polling(@DefaultValue("true") boolean enabled, @DefaultValue("8") int concurrency,
			@DefaultValue("2") int perHost, @DefaultValue("10s") Duration startJitter,
			@DefaultValue("1s") Duration tick, @DefaultValue("1m") Duration lease,
			@DefaultValue("1m") Duration minInterval, @DefaultValue("30s") Duration stopWait) {

		/*
		 * The longest of each duration: far past what a service needs, and each is added to now for a date the store
		 * keeps (a lease, a first poll, a next poll, the leases renewed at a stop), which PostgreSQL refuses past the
		 * year 294276.
		 */

		static final Duration LONGEST_LEASE = Duration.ofDays(1);

		static final Duration LONGEST_START_JITTER = Duration.ofDays(1);

		static final Duration LONGEST_STOP_WAIT = Duration.ofHours(1);

		public Polling {
			Assert.isTrue(!tick.isNegative() && !tick.isZero(), "manchette.polling.tick must be positive");
			Assert.isTrue(!lease.isNegative() && !lease.isZero(), "manchette.polling.lease must be positive");
			Assert.isTrue(lease.compareTo(LONGEST_LEASE) <= 0, "manchette.polling.lease must be at most 1d, not " + lease);
			Assert.isTrue(!minInterval.isNegative()
					&& minInterval.compareTo(IntervalBounds.LONGEST_MAX_INTERVAL.duration()) <= 0,
					"manchette.polling.min-interval must be from 0 to 24h (the longest max-interval), not " + minInterval);
			Assert.isTrue(concurrency >= 1, "manchette.polling.concurrency must be at least 1");
			Assert.isTrue(perHost >= 1, "manchette.polling.per-host must be at least 1");
			Assert.isTrue(!startJitter.isNegative() && startJitter.compareTo(LONGEST_START_JITTER) <= 0,
					"manchette.polling.start-jitter must be from 0 to 1d, not " + startJitter);
			Assert.isTrue(!stopWait.isNegative() && stopWait.compareTo(LONGEST_STOP_WAIT) <= 0,
					"manchette.polling.stop-wait must be from 0 to 1h, not " + stopWait);
		}

	}

	/**
	 * @param allowInternalRedirects follow a redirect from a public source into a loopback, private or link-local
	 * address; off by default, so that a feed cannot point us at the operator's network or a cloud metadata service
	 */
	public record Fetch(@DefaultValue("false") boolean allowInternalRedirects) {

	}

	/**
	 * @param window how far apart in time two items of different sources with nearly the same headline may be and
	 * still be one story, at most seven days; {@code 0} groups only items with the same link
	 */
	public record Stories(@DefaultValue("48h") Duration window) {

		/**
		 * The longest window: no dispatch is retold a week later as the same story, and the headlines of twice the
		 * window are held in memory and read back from the store from twice the window before now.
		 */
		static final Duration LONGEST_WINDOW = Duration.ofDays(7);

		public Stories {
			Assert.isTrue(!window.isNegative() && window.compareTo(LONGEST_WINDOW) <= 0,
					"manchette.stories.window must be from 0 to 7d, not " + window);
		}

	}

}

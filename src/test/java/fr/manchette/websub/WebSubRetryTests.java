package fr.manchette.websub;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The waits of WebSub's retries, as the README gives them. */
class WebSubRetryTests {

	/** A failed or denied subscription is asked again after 1 min, then 2, 4… up to a day. */
	@Test
	void aSubscriptionWaitsAMinuteDoubledAtEachFailureAtMostADay() {
		assertThat(Stream.of(1, 2, 3, 11, 12, Integer.MAX_VALUE).map(SubscriptionRetry.BACKOFF::after)).containsExactly(
				Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(1024),
				Duration.ofDays(1), Duration.ofDays(1));
	}

	/** A failed ping is retried after 5 s, then 10, 20… up to 10 min. */
	@Test
	void aPingWaitsFiveSecondsDoubledAtEachFailureAtMostTenMinutes() {
		assertThat(Stream.of(1, 2, 3, 7, 8, Integer.MAX_VALUE).map(HubPinger.RETRY::after)).containsExactly(
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(320),
				Duration.ofMinutes(10), Duration.ofMinutes(10));
	}

}

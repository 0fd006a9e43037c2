package fr.manchette.pipeline;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A claimed source's lease: {@code manchette.polling.lease}, but at least twice {@code poll.timeout}. */
class PollSchedulerTests {

	@Test
	void theLeaseIsAtLeastTwiceThePollTimeout() {
		assertThat(PollScheduler.lease(Duration.ofMinutes(1), Duration.ofSeconds(20))).isEqualTo(Duration.ofMinutes(1));
		assertThat(PollScheduler.lease(Duration.ofMinutes(1), Duration.ofSeconds(30))).isEqualTo(Duration.ofMinutes(1));
		assertThat(PollScheduler.lease(Duration.ofMinutes(1), Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(20));
	}

}

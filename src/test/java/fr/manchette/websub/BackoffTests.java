package fr.manchette.websub;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed or denied subscription is asked again after 1 min, then 2, 4… up to a day, as the README says. */
class BackoffTests {

	@Test
	void aMinuteDoubledAtEachFailureAtMostADay() {
		assertThat(Backoff.after(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Backoff.after(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(Backoff.after(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(Backoff.after(11)).isEqualTo(Duration.ofMinutes(1024));
		assertThat(Backoff.after(12)).isEqualTo(Duration.ofDays(1));
		assertThat(Backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1));
	}

}

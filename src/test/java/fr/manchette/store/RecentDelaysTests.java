package fr.manchette.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentDelaysTests {

	@Test
	void medianAndP90AreNearestRanks() {
		List<Duration> delays = new ArrayList<>();
		for (int seconds = 10; seconds >= 1; seconds--) {
			delays.add(Duration.ofSeconds(seconds));
		}
		RecentDelays recent = new RecentDelays("a", delays);
		assertThat(recent.median()).isEqualTo(Duration.ofSeconds(5));
		assertThat(recent.p90()).isEqualTo(Duration.ofSeconds(9));
		assertThat(new RecentDelays("a", List.of()).median()).isNull();
		assertThat(new RecentDelays("a", List.of(Duration.ofSeconds(7))).p90()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void keepsTheLatestHundred() {
		RecentDelays recent = new RecentDelays("a", List.of());
		for (int i = 0; i < 150; i++) {
			recent = recent.plus(List.of(Duration.ofSeconds(i)));
		}
		assertThat(recent.delays()).hasSize(RecentDelays.KEPT);
		assertThat(recent.delays().get(0)).isEqualTo(Duration.ofSeconds(50));
	}

}

package fr.manchette.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link UneSettings}: à la une's window, from a minute to seven days. */
class UneSettingsTests {

	@Test
	void theWindowRunsFromAMinuteToSevenDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UneSettings(Duration.ofSeconds(59)))
			.withMessage("manchette.une.window must be from 1m to 7d, not PT59S");
		assertThatIllegalArgumentException().isThrownBy(() -> new UneSettings(Duration.ofDays(7).plusSeconds(1)))
			.withMessage("manchette.une.window must be from 1m to 7d, not PT168H1S");
		assertThat(new UneSettings(Duration.ofMinutes(1)).window()).isEqualTo(Duration.ofMinutes(1));
		assertThat(new UneSettings(Duration.ofDays(7)).window()).isEqualTo(Duration.ofDays(7));
	}

}

package fr.manchette.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link WebhookSettings}: the settings refused. */
class WebhookSettingsTests {

	@Test
	void aDurationPastItsLongestIsRefused() {
		// A batch's claim (ten timeouts), a retry's wait, a story's cut-off: dates out of range or overflowing.
		Duration absurd = Duration.ofDays(1_000_000);
		Duration second = Duration.ofSeconds(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSettings.Delivery(absurd, second, 10, Duration.ofHours(6), second))
			.withMessage("manchette.webhook-delivery.timeout must be positive and at most 10m, not PT24000000H");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSettings.Delivery(second, absurd, 10, Duration.ofHours(6), second))
			.withMessage("manchette.webhook-delivery.retry must be positive and at most 1h, not PT24000000H");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookSettings.Delivery(second, second, 10, Duration.ofDays(1_000_000_000_000L), second))
			.withMessage("manchette.webhook-delivery.max-age must be positive and at most 36500d, not PT24000000000000H");
		assertThat(new WebhookSettings.Delivery(Duration.ofMinutes(10), Duration.ofHours(1), 10, Duration.ofDays(36_500),
				second).maxAge()).isEqualTo(Duration.ofDays(36_500));
	}

}

package fr.manchette.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link WebhookSettings}: the settings refused, and the webhooks named in the environment. */
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

	/** As the README says: 30 s, then twice as long each time, at most an hour; and at most an hour from any retry. */
	@Test
	void aFailedDeliveryWaitsRetryDoubledAtEachFailureAtMostAnHour() {
		WebhookSettings.Delivery delivery = Binder.get(new StandardEnvironment())
			.bindOrCreate("manchette", WebhookSettings.class)
			.webhookDelivery();

		assertThat(Stream.of(1, 2, 7, 8, Integer.MAX_VALUE).map(delivery.backoff()::after)).containsExactly(
				Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(32), Duration.ofHours(1),
				Duration.ofHours(1));
		Duration shortest = Duration.ofMillis(1);
		assertThat(new WebhookSettings.Delivery(shortest, shortest, 100, Duration.ofHours(6), shortest).backoff()
			.after(99)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void webhooksAreNamedInTheEnvironmentByTheirIndex() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.<String, Object>of("MANCHETTE_WEBHOOKS_0_URL", "https://hooks.example.org/manchette",
									"MANCHETTE_WEBHOOKS_0_SECRET", "a-long-random-string")));
		ConfigurationPropertySources.attach(environment);

		WebhookSettings settings = Binder.get(environment).bindOrCreate("manchette", WebhookSettings.class);

		assertThat(settings.webhooks()).containsExactly(new WebhookSettings.Webhook(
				URI.create("https://hooks.example.org/manchette"), "a-long-random-string"));
	}

}

package fr.manchette.notify;

import fr.manchette.support.LocalPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same deliveries from a real PostgreSQL: the outbox's statements are portable. */
class WebhooksOnPostgresTests extends WebhooksTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.get().newDatabase("webhooks"));
	}

}

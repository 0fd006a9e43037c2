package fr.manchette.notify;

import fr.manchette.support.H2Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Webhooks on the default store, an H2 file. */
class WebhooksIntegrationTests extends WebhooksTests {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> H2Files.url(dir()));
	}

}

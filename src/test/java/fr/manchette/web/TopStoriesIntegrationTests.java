package fr.manchette.web;

import fr.manchette.support.H2Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** À la une on the default store, an H2 file. */
class TopStoriesIntegrationTests extends TopStoriesTests {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> H2Files.url(dir()));
	}

}

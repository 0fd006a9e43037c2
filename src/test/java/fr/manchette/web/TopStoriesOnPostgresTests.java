package fr.manchette.web;

import fr.manchette.support.LocalPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same ranking on a real PostgreSQL: its query is portable. */
class TopStoriesOnPostgresTests extends TopStoriesTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.get().newDatabase("top_stories"));
	}

}

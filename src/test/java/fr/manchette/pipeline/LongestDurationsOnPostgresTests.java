package fr.manchette.pipeline;

import fr.manchette.support.LocalPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same on a real PostgreSQL, whose timestamps end sooner than H2's (4713 BC to the year 294276); in a database
 * of its own, as what it stores would be seen by the tests that share one.
 */
class LongestDurationsOnPostgresTests extends LongestDurationsTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.get().newDatabase("longest_durations"));
	}

}

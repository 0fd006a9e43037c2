package fr.manchette.pipeline;

import fr.manchette.support.LocalPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on a real PostgreSQL: the schema and every query are portable. */
class StoreStepOnPostgresTests extends StoreStepTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.get().jdbcUrl());
	}

}

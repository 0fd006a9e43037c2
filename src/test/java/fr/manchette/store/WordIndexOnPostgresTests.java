package fr.manchette.store;

import fr.manchette.support.LocalPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on a real PostgreSQL (its C locale: the ranges are built to hold under linguistic ones too). */
class WordIndexOnPostgresTests extends WordIndexTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.get().jdbcUrl());
	}

}

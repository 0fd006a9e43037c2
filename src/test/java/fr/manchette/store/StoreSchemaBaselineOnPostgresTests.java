package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** The same on a real PostgreSQL, where the link's index is partial. */
class StoreSchemaBaselineOnPostgresTests extends StoreSchemaBaselineTests {

	@Override
	protected String newStore(String name) {
		return LocalPostgres.get().newDatabase(name.replace('-', '_'));
	}

}

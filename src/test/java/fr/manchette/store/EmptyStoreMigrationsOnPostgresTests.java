package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** The same on a real PostgreSQL, whose migrations of an empty store are then one transaction. */
class EmptyStoreMigrationsOnPostgresTests extends EmptyStoreMigrationsTests {

	@Override
	protected String newStore() {
		return LocalPostgres.get().newDatabase("empty_store_migrations");
	}

}

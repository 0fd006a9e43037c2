package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** The same upgrade on a real PostgreSQL. */
class KeyHashesUpgradeOnPostgresTests extends KeyHashesUpgradeTests {

	@Override
	protected String newStore() {
		return LocalPostgres.get().newDatabase("key_hashes_upgrade");
	}

}

package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** The same upgrade on a real PostgreSQL. */
class WordIndexUpgradeOnPostgresTests extends WordIndexUpgradeTests {

	@Override
	protected String newStore() {
		return LocalPostgres.get().newDatabase("word_index_upgrade");
	}

}

package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** {@link SearchTextUpgradeTests} on PostgreSQL. */
class SearchTextUpgradeOnPostgresTests extends SearchTextUpgradeTests {

	@Override
	protected String newStore() {
		return LocalPostgres.get().newDatabase("search_text_upgrade");
	}

}

package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** {@link LanguageCodesUpgradeTests} on PostgreSQL. */
class LanguageCodesUpgradeOnPostgresTests extends LanguageCodesUpgradeTests {

	@Override
	protected String newStore() {
		return LocalPostgres.get().newDatabase("language_codes_upgrade");
	}

}

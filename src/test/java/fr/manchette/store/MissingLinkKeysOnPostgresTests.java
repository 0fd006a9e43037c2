package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** The same on a real PostgreSQL. */
class MissingLinkKeysOnPostgresTests extends MissingLinkKeysTests {

	@Override
	protected String newStore() {
		return LocalPostgres.get().newDatabase("missing_link_keys");
	}

}

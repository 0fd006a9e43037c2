package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** The same upgrade on a real PostgreSQL, where the link's index leaves the items without a hash out. */
class LinkHashUpgradeOnPostgresTests extends LinkHashUpgradeTests {

	@Override
	protected String newStore() {
		return LocalPostgres.get().newDatabase("link_hash_upgrade");
	}

}

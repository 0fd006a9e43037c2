package fr.manchette.store;

import fr.manchette.support.OnLocalPostgres;

/** The same tests on a real PostgreSQL. */
@OnLocalPostgres
class SourceStatusRepositoryOnPostgresTests extends SourceStatusRepositoryTests {

	/**
	 * Shared by every instance that points at it: only the leases of instances gone are given back (see
	 * GoneInstanceLeasesOnPostgresTests), and these owners, without a key, are not known to be.
	 */
	@Override
	protected boolean storeOfItsOwn() {
		return false;
	}

}

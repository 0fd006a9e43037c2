package fr.manchette.store;

import fr.manchette.support.OnLocalPostgres;

/** The same tests on a real PostgreSQL. */
@OnLocalPostgres
class WebhookOutboxOnPostgresTests extends WebhookOutboxTests {

	/** Shared by every instance that points at it. */
	@Override
	protected boolean storeOfItsOwn() {
		return false;
	}

}

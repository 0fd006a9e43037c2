package fr.manchette.store;

import fr.manchette.support.OnLocalPostgres;

/** The same on a real PostgreSQL. */
@OnLocalPostgres
class PrunedItemsOnPostgresTests extends PrunedItemsTests {

}

package fr.manchette.store;

import fr.manchette.support.OnLocalPostgres;

/** The same tests on a real PostgreSQL. */
@OnLocalPostgres
class HeadlineEditsOnPostgresTests extends HeadlineEditsTests {

}

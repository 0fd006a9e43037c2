package fr.manchette.pipeline;

import fr.manchette.support.OnLocalPostgres;

/** The same tests on a real PostgreSQL: the schema and every query are portable. */
@OnLocalPostgres
class StoreStepOnPostgresTests extends StoreStepTests {

}

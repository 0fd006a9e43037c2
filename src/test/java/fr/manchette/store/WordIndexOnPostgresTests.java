package fr.manchette.store;

import fr.manchette.support.OnLocalPostgres;

/** The same tests on a real PostgreSQL (its C locale: the ranges are built to hold under linguistic ones too). */
@OnLocalPostgres
class WordIndexOnPostgresTests extends WordIndexTests {

}

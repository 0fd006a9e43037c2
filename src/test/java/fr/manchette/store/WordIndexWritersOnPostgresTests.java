package fr.manchette.store;

import fr.manchette.support.LocalPostgres;

/** The same writers on a real PostgreSQL. */
class WordIndexWritersOnPostgresTests extends WordIndexWritersTests {

	@Override
	protected String newStore() {
		return LocalPostgres.get().newDatabase("word_index_writers");
	}

}

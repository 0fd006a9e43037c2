package fr.manchette.store;

import java.util.List;
import java.util.Map;

/**
 * How the store's statements look a poll's keys up (an item in its source, a link): through their full keys while
 * some items lack their hashes (see {@link KeyHashes}); through the hashes after that, as {@code IN} lists on H2 and
 * as arrays on PostgreSQL.
 * <p>
 * Why arrays on PostgreSQL: a statement with one parameter for each key is another statement for each size of list,
 * and PostgreSQL planned such a lookup anew at every poll (a poll's known items: 0.5 ms of planning for 0.05 ms of
 * work, most of what the server spent on the lookups). With an array it is the same statement whatever the list,
 * planned for a connection's first few executions only. H2 takes an {@code IN} list of parameters as one lookup per
 * key in an index, which it does not do of an array.
 */
enum KeyLookup {

	FULL_KEYS, HASH_LISTS, HASH_ARRAYS;

	/** How a store whose items all have their hashes or not ({@code complete}) on this engine looks keys up. */
	static KeyLookup of(boolean complete, StoreEngine engine) {
		if (!complete) {
			return FULL_KEYS;
		}
		return (engine == StoreEngine.POSTGRESQL) ? HASH_ARRAYS : HASH_LISTS;
	}

	/**
	 * The parameters {@code :hashes} and {@code :keys} of a statement that looks these keys up: the keys and their
	 * hashes as lists, or as arrays.
	 */
	Map<String, Object> params(List<String> keys) {
		if (this == HASH_ARRAYS) {
			return Map.of("hashes", KeyHash.of(keys).toArray(Long[]::new), "keys", keys.toArray(String[]::new));
		}
		return Map.of("hashes", KeyHash.of(keys), "keys", keys);
	}

	/** The statement of the three that suits this way of looking up. */
	String sql(String fullKeys, String hashLists, String hashArrays) {
		return switch (this) {
			case FULL_KEYS -> fullKeys;
			case HASH_LISTS -> hashLists;
			case HASH_ARRAYS -> hashArrays;
		};
	}

}

package fr.manchette.store;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Has PostgreSQL gather the item table's statistics each time a young store doubles, from a thousand items to a
 * million, as H2 does of itself for every table. A new store starts empty, and PostgreSQL plans its lookups with the
 * statistics of an empty table (or none) until autovacuum's first round, a minute later: a poll's lookups by key and
 * by link read the whole table, each statement tens of milliseconds at 20 000 items (StoreBenchmark: the first 30 000
 * items at 333 to 597 items/s, the next at 1 800 to 3 300). The numbers that items get are the count: retention
 * takes items out, never a number, so a store past a million items is not young again.
 */
@Component
class YoungStoreStatistics {

	private static final long FIRST = 1L << 10;

	private static final long LAST = 1L << 20;

	private static final String ANALYZE = "ANALYZE item";

	private final JdbcOperations jdbc;

	private final StoreEngineOnce engine;

	YoungStoreStatistics(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc.getJdbcOperations();
		this.engine = new StoreEngineOnce(this.jdbc);
	}

	/**
	 * After a poll's items are inserted, in its transaction: gathers the statistics if the store doubled with them.
	 * @param ids the numbers the items got
	 */
	void inserted(Collection<Long> ids) {
		long first = Long.MAX_VALUE;
		long last = 0;
		for (long id : ids) {
			first = Math.min(first, id);
			last = Math.max(last, id);
		}
		if (doubled(first - 1, last) && this.engine.get() == StoreEngine.POSTGRESQL) {
			this.jdbc.execute(ANALYZE);
		}
	}

	/** Whether a store whose items were numbered up to {@code before} and now up to {@code after} doubled. */
	static boolean doubled(long before, long after) {
		long crossed = Long.highestOneBit(after);
		return after > before && crossed > before && crossed >= FIRST && crossed <= LAST;
	}

}

package fr.manchette.store;

import java.util.Collections;
import java.util.Map;

import fr.manchette.support.OnLocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The same tests on a real PostgreSQL, and its statistics of a young store. */
@OnLocalPostgres
class ItemRepositoryOnPostgresTests extends ItemRepositoryTests {

	private static final java.time.Instant T0 = fr.manchette.support.StoreTest.NOW;

	@Autowired
	private ItemRepository items;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aYoungStoreThatDoublesHasItsItemStatisticsGathered() {
		// Numbers are not given back by a rolled-back test: the store doubles at the next power of two after this one.
		long first = Collections.max(this.items.insert("hespress", assigned(identify(0, 1)), T0).values());
		long doubling = Math.max(1024, Long.highestOneBit(first) * 2);
		Map<String, Long> ids = this.items.insert("hespress", assigned(identify(1, (int) (doubling - first) + 1)), T0);
		assertThat(Collections.max(ids.values())).isGreaterThanOrEqualTo(doubling);

		// ANALYZE writes the count it found to pg_class at once, the rows this transaction inserted included.
		long stored = this.jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT reltuples FROM pg_class WHERE relname = 'item'").query(Double.class).single())
			.isEqualTo((double) stored);
	}

}

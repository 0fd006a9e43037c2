package fr.manchette.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import fr.manchette.dedup.IdentifiedItem;

import fr.manchette.support.OnLocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The same tests on a real PostgreSQL, its statistics of a young store, and its plans of a poll's lookups. */
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

	/**
	 * A poll's lookups (its known items, the items under its unknown items' links, the stories of its links) are the
	 * same three statements whatever the poll's size: PostgreSQL plans each for the first executions on a connection
	 * only, then runs the plan it keeps. A statement with a parameter per key was another statement for each size,
	 * planned again at every poll.
	 */
	@Test
	void aPollsLookupsAreThreeStatementsPlannedOnceOnAConnectionWhateverThePollsSize() {
		this.items.insert("hespress", assigned(identify(0, 20)), T0);
		for (int poll = 0; poll < 12; poll++) {
			// Polls of 2 to 6 items, each with items stored and items not.
			List<IdentifiedItem> items = identify(18 - poll, 20 + poll % 5);
			this.items.sort("hespress", items);
			this.items.storiesOfLinks(items.stream().map((item) -> item.fingerprint().linkKey()).toList());
		}

		// The test's transaction holds one connection: the statements its driver had the server prepare.
		List<Map<String, Object>> lookups = this.jdbc.sql("""
				SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
				 WHERE statement LIKE 'SELECT%FROM item%WHERE%'""").query().listOfRows();
		assertThat(lookups).hasSize(3).allSatisfy((lookup) -> {
			assertThat(((Number) lookup.get("custom_plans")).longValue()).isLessThanOrEqualTo(5);
			assertThat(((Number) lookup.get("generic_plans")).longValue()).isPositive();
		});
	}

}

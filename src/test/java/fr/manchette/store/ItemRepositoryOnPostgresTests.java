package fr.manchette.store;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;
import fr.manchette.support.OnLocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same tests on a real PostgreSQL, its statistics of a young store, its plans of a poll's lookups, and what its
 * story lock tells the step that takes it.
 */
@OnLocalPostgres
class ItemRepositoryOnPostgresTests extends ItemRepositoryTests {

	private static final java.time.Instant T0 = fr.manchette.support.StoreTest.NOW;

	@Autowired
	private ItemRepository items;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private HeadlineEdits edits;

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
	 * same three statements whatever the poll's size, which PostgreSQL runs from a plan it keeps (a generic plan),
	 * once a connection has run them a few times. A statement with a parameter per key was another statement for each
	 * size, and was planned again at every poll.
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

		// The test's transaction holds one connection: the lookups its driver had the server prepare (other tests may
		// have run more statements on it).
		List<Map<String, Object>> lookups = this.jdbc.sql("""
				SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
				 WHERE statement LIKE 'SELECT id, item_key, content_hash, sort_at FROM%'
				    OR statement LIKE 'SELECT id, item_key, content_hash, sort_at, source_id%'
				    OR statement LIKE 'SELECT id, link_key, story_key, sort_at FROM%'""")
			.query()
			.listOfRows();
		assertThat(lookups).hasSize(3)
			.allSatisfy((lookup) -> assertThat(((Number) lookup.get("generic_plans")).longValue()).isPositive());
	}

	/**
	 * A step that waited for the story lock is told the last item id and headline edit number handed out when it got
	 * it: those of the step that held the lock, handed out while it waited, included. Each step in its own
	 * transaction, outside the test's, so the rows are deleted at the end.
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void aStepThatWaitedForTheStoryLockIsToldTheIdsAndEditsTheStepBeforeHandedOut() throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		ExecutorService second = Executors.newSingleThreadExecutor();
		try {
			Map<String, Long> first = transaction.execute((tx) -> this.items.insert("lock-test", assigned(identify(0, 1)), T0));
			ItemRepository.HandedOut before = transaction.execute((tx) -> this.items.lockStories(T0)).orElseThrow();
			Map<String, Long> ids = new java.util.HashMap<>();
			Future<Optional<ItemRepository.HandedOut>> waited = transaction.execute((tx) -> {
				this.items.lockStories(T0);
				Future<Optional<ItemRepository.HandedOut>> asked = second
					.submit(() -> transaction.execute((other) -> this.items.lockStories(T0)));
				awaitWaitingForALock();
				ids.putAll(this.items.insert("lock-test", assigned(identify(1, 4)), T0));
				Item retitled = new Item("g0", "Titre 0, corrigé", URI.create("https://h.ma/0"), "<p>Titre 0</p>",
						"Titre 0", T0, true, List.of());
				this.items.update(List.of(new EditedItem(first.values().iterator().next(), T0,
						new Deduplicator().identify(List.of(retitled)).get(0))), T0);
				return asked;
			});

			assertThat(Collections.min(ids.values())).isGreaterThan(before.lastItemId());
			assertThat(waited.get()).hasValueSatisfying((after) -> {
				assertThat(after.lastItemId()).isEqualTo(Collections.max(ids.values()));
				assertThat(after.lastEditId()).isEqualTo(this.edits.lastId()).isGreaterThan(before.lastEditId());
			});
		}
		finally {
			second.shutdownNow();
			this.jdbc.sql("DELETE FROM item WHERE source_id = 'lock-test'").update();
			this.jdbc.sql("DELETE FROM headline_edit").update();
		}
	}

	/** Until another connection to the database waits for a lock. */
	private void awaitWaitingForALock() {
		while (this.jdbc.sql("""
				SELECT COUNT(*) FROM pg_stat_activity
				 WHERE datname = current_database() AND wait_event_type = 'Lock'""").query(Long.class).single() == 0) {
			Thread.onSpinWait();
		}
	}

}

package fr.manchette.store;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import fr.manchette.normalize.Item;
import fr.manchette.support.StoredPolls;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer and the pruner write the same blocks' rows at the same time, as two instances' would: each waits for
 * the other's transaction, and no item kept loses a word.
 */
class WordIndexWritersTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	/** A new empty store, as a JDBC URL. */
	protected String newStore() {
		return NewStores.h2("word-index-writers");
	}

	@Test
	void theIndexerAndThePrunerAtOnceKeepEveryWordOfTheItemsKept() throws Exception {
		DataSource store = new DriverManagerDataSource(newStore(), "sa", "");
		KeyHashesUpgradeTests.migrate(store, null);
		try (AnnotationConfigApplicationContext context = KeyHashesUpgradeTests.repositories(store)) {
			// Old and new items side by side, in every block: the pruner rewrites the rows the indexer extends.
			List<Item> poll = new ArrayList<>();
			for (int i = 0; i < 1_200; i++) {
				boolean old = (i % 2 == 0);
				poll.add(new Item("g" + i, (old ? "Ancien budget " : "Nouveau budget ") + i,
						URI.create("https://h.ma/" + i), "", "", old ? T0.minusSeconds(86_400 + i) : T0.plusSeconds(i),
						true, List.of()));
			}
			StoredPolls.save(context.getBean(ItemRepository.class), "hespress", poll, T0.plusSeconds(10_000));
			WordIndex words = context.getBean(WordIndex.class);
			// A first part indexed, ending inside a block, so that the indexer goes on with a block the pruner reads.
			assertThat(words.indexNext(500)).isEqualTo(500);

			// Threads of their own, so that the two run at once whatever the cores: on Java 25,
			// CompletableFuture's default pool on two cores is one thread (a thread per task on Java 17), and ran them in turn.
			ExecutorService threads = Executors.newFixedThreadPool(2);
			CompletableFuture<Integer> indexing = CompletableFuture.supplyAsync(() -> {
				int indexed = 0;
				for (int batch = words.indexNext(37); batch > 0; batch = words.indexNext(37)) {
					indexed += batch;
				}
				return indexed;
			}, threads);
			CompletableFuture<Integer> pruning = CompletableFuture
				.supplyAsync(() -> context.getBean(ItemPruner.class).pruneOlderThan(T0), threads);

			// The 350 new items after the first 500, and as many of the 350 old ones as the pruner left it.
			try {
				assertThat(indexing.get(60, TimeUnit.SECONDS)).isBetween(350, 700);
				assertThat(pruning.get(60, TimeUnit.SECONDS)).isEqualTo(600);
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(words.indexNext(100)).isZero();
			JdbcClient jdbc = JdbcClient.create(store);
			List<Long> kept = jdbc.sql("SELECT id FROM item ORDER BY id").query(Long.class).list();
			assertThat(kept).hasSize(600);
			assertThat(words.items("nouveau")).containsAll(kept);
			assertThat(words.items("budget")).containsAll(kept);
			// A pruned item read by the indexer before the pruner deleted it may linger; none that it pruned after.
			assertThat(words.items("ancien").size()).isLessThan(600);
		}
	}

}

package fr.manchette.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import fr.manchette.ManchetteApplication;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.H2Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word indexer runs every few seconds, idle or not: with nothing new to index it takes no lock and writes
 * nothing (H2 writes the lock of a row read FOR UPDATE into its file), so it never waits for another instance's
 * indexer either. On its own H2 file: the store tests' transactions hold that row.
 */
class WordIndexLockTests {

	@TempDir
	Path dir;

	@Test
	void withNothingNewTheIndexerTakesNoLock() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ManchetteApplication.class)
			.web(WebApplicationType.NONE)
			.run("--manchette.feeds=" + feeds(), "--manchette.polling.enabled=false",
					"--spring.datasource.url=" + H2Files.url(this.dir))) {
			WordIndex words = context.getBean(WordIndex.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			while (words.indexNext(100) > 0) {
				// Whatever the indexer of this context has not done yet.
			}
			// Another indexer holds the state row, as another instance's would.
			CountDownLatch held = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			// Threads of its own: on Java 25, CompletableFuture's default pool on two cores is one thread, which
			// the holder would keep from the indexer.
			ExecutorService threads = Executors.newFixedThreadPool(2);
			CompletableFuture<Void> other = CompletableFuture.runAsync(() -> transaction.executeWithoutResult((tx) -> {
				jdbc.sql("SELECT indexed_to FROM word_index_state WHERE id = 1 FOR UPDATE").query(Long.class).single();
				held.countDown();
				await(release);
			}), threads);
			assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
			try {
				// Waiting for that lock would take H2's lock timeout (a minute), then fail.
				assertThat(CompletableFuture.supplyAsync(() -> words.indexNext(100), threads).get(30, TimeUnit.SECONDS))
					.isZero();
			}
			finally {
				release.countDown();
				other.get(30, TimeUnit.SECONDS);
				threads.shutdownNow();
			}
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String feeds() throws IOException {
		Path feeds = FeedsYml.withDefaults()
			.source("quiet", "Quiet", "http://127.0.0.1:9/feed")
			.writeTo(Files.createTempFile("feeds", ".yml"));
		feeds.toFile().deleteOnExit();
		return feeds.toString();
	}

}

package fr.manchette.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stop of a pool of workers, on real HTTP: what it does to a worker that waits for a source's answer. */
class WorkerThreadsTests {

	@RegisterExtension
	static WireMockExtension source = Sites.forEachTest();

	@Test
	void aStopCutsTheExchangeOfAWorkerWaitingForHeldBackHeaders() throws Exception {
		// The source holds its headers back for 30 s, and the fetch would wait a minute: an interrupt does not end
		// that wait (the JDK's socket reads ignore it).
		source.stubFor(get("/slow").willReturn(aResponse().withBody("<rss/>").withFixedDelay(30_000)));
		FeedFetcher fetcher = new FeedFetcher("Manchette/test", Clock.systemUTC(), false);
		FetchRequest request = new FetchRequest(URI.create(source.baseUrl() + "/slow"), null, null,
				Duration.ofMinutes(1), 1_000_000);
		WorkerThreads threads = new WorkerThreads("poll");
		ExecutorService pool = Executors.newSingleThreadExecutor(threads);
		CompletableFuture<Optional<FetchOutcome>> answer = new CompletableFuture<>();
		try {
			pool.execute(() -> answer.complete(WorkerThreads.whileWaiting(() -> fetcher.fetch(request))));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !source.findAll(getRequestedFor(urlEqualTo("/slow"))).isEmpty());

			assertThat(threads.stopWaits()).isEqualTo(1);

			// Ended by the stop, well before the source answers: no answer, as for any wait the stop ends.
			assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}

}

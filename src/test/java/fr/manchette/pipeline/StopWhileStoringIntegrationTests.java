package fr.manchette.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.ManchetteApplication;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.H2Files;
import fr.manchette.support.HeldUpdate;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service stopped, on an H2 file, while a poll stores what it fetched (held inside its transaction by a trigger
 * on its first item): the stop waits for it, and the poll's items are committed; or, once the stop waits no longer,
 * the poll rolls back with one line, from inside a long insert at the end of the statement it is in. Either way the
 * store closes after it, without an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class StopWhileStoringIntegrationTests {

	private static final Instant NOW = Instant.now();


	@RegisterExtension
	static WireMockExtension server = Sites.forEachTest((options) -> options.gzipDisabled(true));

	@TempDir
	Path dir;

	@AfterEach
	void release() {
		HeldUpdate.release();
	}

	@Test
	void aStopWaitsForAPollThatIsStoringAndItsItemsAreCommitted(CapturedOutput output) throws Exception {
		Path feeds = feedsHoldingTheFirstItem();

		// The stop waits for the poll: it does not close the store under it.
		stopOnceItSays(start(feeds, true), output,
				"Stopping: waiting up to 30 s for polls storing what they fetched polls=1");

		try (ConfigurableApplicationContext after = start(feeds, false)) {
			JdbcClient jdbc = after.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM item WHERE source_id = 'held'").query(Long.class).single())
				.isEqualTo(4L);
			// Its outcome recorded with its items, which ended its lease.
			assertThat(status(jdbc)).containsEntry("last_outcome", "OK").containsEntry("lease_owner", null);
		}
		assertThat(HeldUpdate.interrupted()).isFalse();
		assertThat(warningsOfThePollAndTheStop(output)).isEmpty();
	}

	@Test
	void aPollStillStoringWhenTheStopWaitsNoLongerRollsBackWithOneLineAndIsPolledAgainAtTheNextStart(
			CapturedOutput output) throws Exception {
		Path feeds = feedsHoldingTheFirstItem();

		stopAbandoningThePollHeld(feeds, output);

		try (ConfigurableApplicationContext after = start(feeds, true)) {
			JdbcClient jdbc = after.getBean(JdbcClient.class);
			// Nothing of it was stored, and its lease was given back: polled again at once, and stored whole.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> "OK".equals(status(jdbc).get("last_outcome")));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM item WHERE source_id = 'held'").query(Long.class).single())
				.isEqualTo(4L);
		}
	}

	@Test
	void aPollAbandonedInsideALongInsertRollsBackAtTheEndOfTheStatementItIsIn(CapturedOutput output) throws Exception {
		// A first poll of 1 200 new items: more than one statement of the multi-row insert (a thousand rows each).
		int items = 1_200;
		Path feeds = feedsHoldingTheFirstItem(manyItems(items));

		stopAbandoningThePollHeld(feeds, output);

		// The statement it was held in went on to its end; none after it ran.
		assertThat(HeldUpdate.rows()).isPositive().isLessThan(items);
		try (ConfigurableApplicationContext after = start(feeds, false)) {
			JdbcClient jdbc = after.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM item WHERE source_id = 'held'").query(Long.class).single())
				.isZero();
		}
	}

	/**
	 * Stops the service while its poll is held: the stop is still running once it has logged {@code line} (it waits
	 * for the poll), and ends once the poll is let go.
	 */
	private static void stopOnceItSays(ConfigurableApplicationContext service, CapturedOutput output, String line)
			throws InterruptedException {
		assertThat(HeldUpdate.awaitHeld()).isTrue();
		Thread stop = new Thread(service::close, "stop-held");
		stop.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> !stop.isAlive() || output.getOut().contains(line));
		assertThat(stop.isAlive()).isTrue();
		HeldUpdate.release();
		stop.join(30_000);
		assertThat(stop.isAlive()).isFalse();
	}

	/**
	 * Starts the service with no wait for polls storing, and stops it while its poll is held: the poll, let go once
	 * the stop gave up waiting for it, rolls back with one line, and no error from it or the stop.
	 */
	private void stopAbandoningThePollHeld(Path feeds, CapturedOutput output) throws Exception {
		stopOnceItSays(start(feeds, true, "--manchette.polling.stop-wait=0s"), output,
				"Stopping: polls still storing after 0 s roll back sources=[held]");
		assertThat(warningsOfThePollAndTheStop(output)).singleElement()
			.asString()
			.contains(" WARN ")
			.contains("Poll abandoned by the stop source=held detail=rolled back: nothing of it stored");
	}

	/** A feed of four items, and a trigger in the H2 file that holds the first item a poll inserts. */
	private Path feedsHoldingTheFirstItem() throws Exception {
		return feedsHoldingTheFirstItem(FixtureFeed.render("hespress-rss2.xml", NOW));
	}

	/** An RSS feed of so many items, a minute apart. */
	private static String manyItems(int count) {
		StringBuilder rss = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hespress FR</title>
				<link>https://fr.hespress.com/</link><description>d</description><language>fr</language>""");
		for (int i = 0; i < count; i++) {
			rss.append("<item><guid>hespress-").append(i).append("</guid><title>Dépêche ").append(i)
				.append(" : le conseil de la commune ").append(i).append(" adopte son budget</title><link>")
				.append("https://fr.hespress.com/").append(i).append(".html</link><pubDate>")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(60L * i).atOffset(ZoneOffset.UTC)))
				.append("</pubDate></item>");
		}
		return rss.append("</channel></rss>").toString();
	}

	/** A feed, and a trigger in the H2 file that holds the first item a poll inserts. */
	private Path feedsHoldingTheFirstItem(String body) throws Exception {
		server.stubFor(WireMock.get("/hespress").willReturn(aResponse().withBody(body)));
		Path feeds = FeedsYml.inZone("Africa/Casablanca")
			.source("held", "Hespress FR", "http://localhost:" + server.getPort() + "/hespress")
			.writeTo(this.dir.resolve("feeds.yml"));
		try (ConfigurableApplicationContext setup = start(feeds, false)) {
			HeldUpdate.ofInsert(setup.getBean(JdbcClient.class), "item");
		}
		return feeds;
	}

	/**
	 * The warnings and errors about the poll, or logged by the stop or by a failed transaction (other tests' services
	 * may still log meanwhile).
	 */
	private static List<String> warningsOfThePollAndTheStop(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains(" ERROR ") || line.contains(" WARN "))
			.filter((line) -> line.contains("source=held") || line.contains("sources=[held]")
					|| line.contains("[      stop-held]") || line.contains("TransactionManager")
					|| line.contains("TransactionTemplate"))
			.toList();
	}

	private static Map<String, Object> status(JdbcClient jdbc) {
		return jdbc.sql("SELECT last_outcome, lease_owner FROM source_status WHERE source_id = 'held'")
			.query()
			.singleRow();
	}

	private ConfigurableApplicationContext start(Path feeds, boolean polling, String... more) {
		String[] args = { "--server.port=0", "--manchette.feeds=" + feeds, "--manchette.polling.start-jitter=0s",
				"--manchette.polling.enabled=" + polling, "--spring.datasource.url=" + H2Files.url(this.dir) };
		String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
		return new SpringApplicationBuilder(ManchetteApplication.class).run(all);
	}

}

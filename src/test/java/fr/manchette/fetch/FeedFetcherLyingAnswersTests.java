package fr.manchette.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome.NotModified;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static fr.manchette.fetch.RawServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers that say one thing of their body and send another: a length they do not keep, a connection closed in the
 * middle, gzip they do not announce or announce and do not send. What came is kept for what it is, and a body cut
 * short says so.
 */
class FeedFetcherLyingAnswersTests {

	private static final byte[] FEED = """
			<rss version="2.0"><channel><title>Le Fil</title>
			<item><title>Un</title><guid>1</guid></item>
			<item><title>Deux</title><guid>2</guid></item>
			</channel></rss>""".getBytes(StandardCharsets.UTF_8);

	/** The feed, cut in its second item. */
	private static final byte[] CUT = Arrays.copyOf(FEED, FEED.length - 40);

	private final FeedFetcher fetcher = new FeedFetcher("Manchette/test", Clock.systemUTC());

	@Test
	void fetchOfABodyShorterThanItsContentLengthIsCut() throws IOException {
		String head = "HTTP/1.1 200 OK\r\nContent-Length: " + FEED.length + "\r\n\r\n";

		Fetched cut = fetched(answer(head, CUT));
		Fetched whole = fetched(answer(head, FEED));

		assertThat(cut.body()).isEqualTo(CUT);
		assertThat(cut.cut()).isTrue();
		assertThat(whole.body()).isEqualTo(FEED);
		assertThat(whole.cut()).isFalse();
	}

	@Test
	void fetchOfAChunkedBodyThatStopsShortIsCut() throws IOException {
		byte[] chunked = answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ Integer.toHexString(FEED.length) + "\r\n", CUT);

		Fetched fetched = fetched(chunked);

		assertThat(fetched.body()).isEqualTo(CUT);
		assertThat(fetched.cut()).isTrue();
	}

	@Test
	void fetchWhenTheConnectionClosesBeforeTheBodyIsNetworkFailure() throws IOException {
		FetchOutcome outcome = fetch(answer("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n"));

		assertThat(outcome).isEqualTo(new Failed(FailureKind.NETWORK, "connection closed before the body"));
	}

	@Test
	void fetchTakesAPlainBodyAnnouncedAsGzipAsItIs() throws IOException {
		Fetched fetched = fetched(
				answer("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + FEED.length + "\r\n\r\n", FEED));

		assertThat(fetched.body()).isEqualTo(FEED);
		assertThat(fetched.cut()).isFalse();
	}

	@Test
	void fetchInflatesAGzipBodySentWithoutItsHeader() throws IOException {
		byte[] gzip = gzip(FEED);

		Fetched fetched = fetched(answer("HTTP/1.1 200 OK\r\nContent-Length: " + gzip.length + "\r\n\r\n", gzip));

		assertThat(fetched.body()).isEqualTo(FEED);
	}

	@Test
	void fetchOfAGzipStreamThatStopsShortIsCutAtWhatItInflatesTo() throws IOException {
		byte[] gzip = gzip(FEED);
		byte[] cut = Arrays.copyOf(gzip, gzip.length - 20);

		Fetched fetched = fetched(answer(
				"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + cut.length + "\r\n\r\n", cut));

		assertThat(fetched.cut()).isTrue();
		assertThat(FEED).startsWith(fetched.body());
		assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).contains("<title>Un</title>");
	}

	@Test
	void fetchWhenAGzipBodyIsGarbageAfterItsMagicIsNetworkFailure() throws IOException {
		byte[] garbage = { 0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

		FetchOutcome outcome = fetch(answer("HTTP/1.1 200 OK\r\nContent-Length: " + garbage.length + "\r\n\r\n",
				garbage));

		assertThat(outcome).isInstanceOfSatisfying(Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK);
			assertThat(failed.detail()).startsWith("broken gzip body: ");
		});
	}

	@Test
	void fetchWhenServerReturns304ToARequestWithoutValidatorsIsHttpStatusFailure() throws IOException {
		FetchOutcome outcome = fetch(answer("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n"));

		assertThat(outcome)
			.isEqualTo(new Failed(FailureKind.HTTP_STATUS, "HTTP 304 to a request without validators"));
	}

	@Test
	void fetchKeepsTheAnswersDateInPlaceOfALastModifiedAfterIt() throws IOException {
		// Sent back as If-Modified-Since, 2100 would have a server that answers 304 when that is no earlier than its
		// Last-Modified (Express, Django) say "not modified" of every change until then.
		String future = "Last-Modified: Fri, 01 Jan 2100 00:00:00 GMT\r\n";
		String date = "Date: Mon, 07 Dec 2026 15:00:00 GMT\r\n";
		String length = "Content-Length: " + FEED.length + "\r\n\r\n";

		Fetched dated = fetched(answer("HTTP/1.1 200 OK\r\n" + date + future + length, FEED));
		FetchOutcome datedAgain = fetch(answer("HTTP/1.1 200 OK\r\n" + date + future + length, FEED),
				"Fri, 01 Jan 2100 00:00:00 GMT");
		Fetched undated = fetched(answer("HTTP/1.1 200 OK\r\n" + future + length, FEED));
		Fetched past = fetched(answer(
				"HTTP/1.1 200 OK\r\n" + date + "Last-Modified: Mon, 07 Dec 2026 14:00:00 GMT\r\n" + length, FEED));
		FetchOutcome notModified = fetch(answer("HTTP/1.1 304 Not Modified\r\n" + date + future + "\r\n"),
				"Mon, 07 Dec 2026 14:00:00 GMT");

		assertThat(dated.lastModified()).isEqualTo("Mon, 07 Dec 2026 15:00:00 GMT");
		assertThat(datedAgain).isInstanceOfSatisfying(Fetched.class,
				(again) -> assertThat(again.lastModified()).isEqualTo("Mon, 07 Dec 2026 15:00:00 GMT"));
		assertThat(undated.lastModified()).isNull();
		assertThat(past.lastModified()).isEqualTo("Mon, 07 Dec 2026 14:00:00 GMT");
		assertThat(notModified).isEqualTo(new NotModified(null, "Mon, 07 Dec 2026 15:00:00 GMT"));
	}

	private Fetched fetched(byte[] answer) throws IOException {
		FetchOutcome outcome = fetch(answer);
		assertThat(outcome).isInstanceOf(Fetched.class);
		return (Fetched) outcome;
	}

	private FetchOutcome fetch(byte[] answer) throws IOException {
		return fetch(answer, null);
	}

	private FetchOutcome fetch(byte[] answer, @Nullable String lastModified) throws IOException {
		try (RawServer server = RawServer.closing(answer)) {
			return this.fetcher
				.fetch(new FetchRequest(server.url(), null, lastModified, Duration.ofSeconds(5), 1_000_000));
		}
	}

	private static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}

}

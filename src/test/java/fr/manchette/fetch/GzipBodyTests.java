package fr.manchette.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GzipBodyTests {

	@Test
	void inflatesToTheBodyWhateverItsSize() throws IOException {
		Random random = new Random(3);
		for (int size : new int[] { 0, 1, 100, 8191, 8192, 8193, 28_000, 300_000 }) {
			byte[] body = new byte[size];
			for (int i = 0; i < size; i++) {
				body[i] = (byte) ("Le Maroc et la France ".charAt(random.nextInt(22)));
			}
			assertThat(GzipBody.inflate(gzip(body), 1_000_000).bytes()).as("size %d", size).isEqualTo(body);
		}
	}

	@Test
	void firstSizeIsWhatTheTrailerSays() throws IOException {
		byte[] body = "<rss>une dépêche</rss>".repeat(500).getBytes(StandardCharsets.UTF_8);
		assertThat(GzipBody.firstSize(gzip(body), 1_000_000)).isEqualTo(body.length);
	}

	/**
	 * A trailer that lies about the size is refused as corrupt (GZIPInputStream checks it against what it inflated),
	 * whether the first array was too small or too large for the body; the first array never passes the cap or what
	 * deflate can give.
	 */
	@Test
	void aLyingTrailerIsRefused() throws IOException {
		byte[] body = "<rss>une dépêche</rss>".repeat(2_000).getBytes(StandardCharsets.UTF_8);
		for (int claimed : new int[] { 0, 1, body.length - 1, body.length + 1, Integer.MAX_VALUE, -1 }) {
			byte[] lying = gzip(body);
			int n = lying.length;
			lying[n - 4] = (byte) claimed;
			lying[n - 3] = (byte) (claimed >>> 8);
			lying[n - 2] = (byte) (claimed >>> 16);
			lying[n - 1] = (byte) (claimed >>> 24);
			assertThatExceptionOfType(ZipException.class).as("claimed %d", claimed)
				.isThrownBy(() -> GzipBody.inflate(lying, 1_000_000));
			assertThat(GzipBody.firstSize(lying, 1_000_000)).isLessThanOrEqualTo(1_000_001)
				.isLessThanOrEqualTo(n * 1032);
		}
	}

	/** Two members, as concatenated gzip files are: the trailer gives the last one's size, the array grows. */
	@Test
	void inflatesEveryMember() throws IOException {
		byte[] first = "premier ".repeat(5_000).getBytes(StandardCharsets.UTF_8);
		byte[] second = "second".getBytes(StandardCharsets.UTF_8);
		byte[] a = gzip(first);
		byte[] b = gzip(second);
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		byte[] expected = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, expected, first.length, second.length);
		assertThat(GzipBody.inflate(both, 1_000_000).bytes()).isEqualTo(expected);
	}

	@Test
	void stopsAtTheCapEvenWhenTheTrailerIsBelowIt() throws IOException {
		byte[] bomb = gzip(new byte[5 * 1024 * 1024]);
		assertThatExceptionOfType(BodyTooLargeException.class).isThrownBy(() -> GzipBody.inflate(bomb, 1024 * 1024));
		assertThatExceptionOfType(BodyTooLargeException.class)
			.isThrownBy(() -> GzipBody.inflate(bomb, 5 * 1024 * 1024 - 1));
		assertThat(GzipBody.inflate(bomb, 5 * 1024 * 1024).bytes()).hasSize(5 * 1024 * 1024);
	}

	private static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}

}

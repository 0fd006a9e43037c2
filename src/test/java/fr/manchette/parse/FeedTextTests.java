package fr.manchette.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FeedText} and {@link CharsetDetector}: which charset wins (RFC 7303 section 3), and how a wrong one is caught
 * by the bytes themselves.
 */
class FeedTextTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final String FRENCH = "Élysée, préfète, cœur, l’État";

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "text/xml", "application/rss+xml; charset=utf-8", "text/xml; charset=UTF-8" })
	void readsWindows1252BytesDeclaredUtf8AsWindows1252(@Nullable String contentType) {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><title>" + FRENCH + "</title></rss>")
			.getBytes(WINDOWS_1252);
		assertThat(FeedText.decode(body, contentType)).contains("<title>" + FRENCH + "</title>");
	}

	@Test
	void readsWindows1252BytesWithNoDeclarationAtAllAsWindows1252() {
		byte[] body = ("<rss><title>" + FRENCH + "</title></rss>").getBytes(WINDOWS_1252);
		assertThat(FeedText.decode(body, null)).isEqualTo("<rss><title>" + FRENCH + "</title></rss>");
	}

	@Test
	void aShortBodyAfterALongOneIsItselfAndNothingOfTheLongOne() {
		String longText = "<rss><title>" + "é".repeat(50_000) + "</title></rss>";
		String hugeText = "<rss><title>" + "à".repeat(300_000) + "</title></rss>";
		assertThat(FeedText.decode(longText.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(longText);
		assertThat(FeedText.decode("<rss/>".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("<rss/>");
		assertThat(FeedText.decode(hugeText.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(hugeText);
		assertThat(FeedText.decode("<rss>é</rss>".getBytes(WINDOWS_1252), null)).isEqualTo("<rss>é</rss>");
	}

	@Test
	void keepsUtf8AroundAFewPastedWindows1252Characters() {
		byte[] utf8 = "<title>Élysée : la préfète et ".getBytes(StandardCharsets.UTF_8);
		byte[] pasted = "l’État — « enfin »".getBytes(WINDOWS_1252);
		byte[] body = new byte[utf8.length + pasted.length];
		System.arraycopy(utf8, 0, body, 0, utf8.length);
		System.arraycopy(pasted, 0, body, utf8.length, pasted.length);
		assertThat(FeedText.decode(body, null)).isEqualTo("<title>Élysée : la préfète et l’État — « enfin »");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/xml; charset=ISO-8859-1", "text/xml; charset=latin1",
			"text/xml; charset=us-ascii" })
	void readsIso88591AsWindows1252(String contentType) {
		byte[] body = "<title>«\u00a0Le cœur n’y est plus\u00a0» : 12 €</title>".getBytes(WINDOWS_1252);
		assertThat(body).contains((byte) 0x92, (byte) 0x9C, (byte) 0x80, (byte) 0xAB, (byte) 0xBB);
		assertThat(FeedText.decode(body, contentType))
			.isEqualTo("<title>«\u00a0Le cœur n’y est plus\u00a0» : 12 €</title>");
	}

	@Test
	void readsIso88591DeclaredInThePrologAsWindows1252() {
		byte[] body = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><title>l’Œuvre</title>".getBytes(WINDOWS_1252);
		assertThat(FeedText.decode(body, null)).endsWith("<title>l’Œuvre</title>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/xml; charset=ISO-8859-1", "text/xml; charset=windows-1252",
			"application/rss+xml; charset=ISO-8859-15", "text/xml; charset=US-ASCII" })
	void readsUtf8ServedUnderASingleByteCharsetAsUtf8(String contentType) {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><title>" + FRENCH + "</title>")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(FeedText.decode(body, contentType)).endsWith("<title>" + FRENCH + "</title>");
	}

	@Test
	void readsUtf8DeclaredIso88591InThePrologAsUtf8() {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><title>" + FRENCH + "</title>")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(FeedText.decode(body, null)).endsWith("<title>" + FRENCH + "</title>");
	}

	@Test
	void byteOrderMarkWinsOverTheContentTypeCharset() {
		byte[] text = "<?xml version=\"1.0\"?><title>Élysée</title>".getBytes(StandardCharsets.UTF_16LE);
		byte[] body = new byte[text.length + 2];
		body[0] = (byte) 0xFF;
		body[1] = (byte) 0xFE;
		System.arraycopy(text, 0, body, 2, text.length);
		assertThat(FeedText.decode(body, "text/xml; charset=ISO-8859-1"))
			.isEqualTo("<?xml version=\"1.0\"?><title>Élysée</title>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTF-32BE", "UTF-32LE" })
	void readsUtf32ByItsByteOrderMarkOrItsZeroBytes(String name) {
		Charset utf32 = Charset.forName(name);
		String text = "<?xml version=\"1.0\"?><title>" + FRENCH + "</title>";
		byte[] bom = "\uFEFF".getBytes(utf32);
		byte[] bytes = text.getBytes(utf32);
		byte[] body = new byte[bom.length + bytes.length];
		System.arraycopy(bom, 0, body, 0, bom.length);
		System.arraycopy(bytes, 0, body, bom.length, bytes.length);
		assertThat(FeedText.decode(body, "text/xml; charset=utf-8")).isEqualTo(text);
		assertThat(FeedText.decode(bytes, null)).isEqualTo(text);
	}

	@Test
	void utf8ByteOrderMarkIsNotPartOfTheText() {
		byte[] text = "<title>Élysée</title>".getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[text.length + 3];
		body[0] = (byte) 0xEF;
		body[1] = (byte) 0xBB;
		body[2] = (byte) 0xBF;
		System.arraycopy(text, 0, body, 3, text.length);
		assertThat(FeedText.decode(body, "text/xml; charset=windows-1252")).isEqualTo("<title>Élysée</title>");
	}

	@Test
	void contentTypeCharsetWinsOverTheProlog() {
		// 0xA4 is € in ISO-8859-15 and ¤ in windows-1252.
		byte[] body = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><title>Le litre à 2 \u20ac</title>"
			.getBytes(Charset.forName("ISO-8859-15"));
		assertThat(body).contains((byte) 0xA4);
		assertThat(FeedText.decode(body, "text/xml; charset=\"ISO-8859-15\""))
			.endsWith("<title>Le litre à 2 €</title>");
		assertThat(FeedText.decode(body, "text/xml")).endsWith("<title>Le litre à 2 ¤</title>");
	}

	@Test
	void prologIsUsedWhenTheContentTypeCharsetIsUnknown() {
		byte[] body = "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><title>2 \u20ac</title>"
			.getBytes(Charset.forName("ISO-8859-15"));
		assertThat(FeedText.decode(body, "text/xml; charset=x-inconnu-42")).endsWith("<title>2 €</title>");
	}

	@Test
	void prologAfterBlankLinesStillCounts() {
		byte[] body = "\r\n\n<?xml version='1.0' encoding='ISO-8859-15'?><title>2 \u20ac</title>"
			.getBytes(Charset.forName("ISO-8859-15"));
		assertThat(FeedText.decode(body, null)).endsWith("<title>2 €</title>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTF-16", "utf-16le", "UTF-32" })
	void wideCharsetLabelOnAsciiCompatibleBytesIsIgnored(String label) {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"" + label + "\"?><title>" + FRENCH + "</title>")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(FeedText.decode(body, null)).endsWith("<title>" + FRENCH + "</title>");
		assertThat(FeedText.decode(body, "text/xml; charset=" + label)).endsWith("<title>" + FRENCH + "</title>");
	}

	@Test
	void utf16WithoutByteOrderMarkIsRecognisedByItsZeroBytes() {
		String text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><title>" + FRENCH + "</title>";
		assertThat(FeedText.decode(text.getBytes(StandardCharsets.UTF_16LE), "text/xml; charset=utf-8"))
			.isEqualTo(text);
		assertThat(FeedText.decode(text.getBytes(StandardCharsets.UTF_16BE), null)).isEqualTo(text);
	}

	/**
	 * Bodies whose pieces of 8192 characters end at every kind of place: inside a run of windows-1252 bytes, before a
	 * character outside the BMP (two chars), inside a UTF-8 sequence cut short by a windows-1252 byte, and at the end
	 * of the body in the middle of a sequence.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 8185, 8186, 8187, 8188, 8189, 8190, 8191, 8192, 8193 })
	void theReaderOfAUtf8BodyGivesWhatDecodingItWholeGives(int filler) throws Exception {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		body.write(("<rss>" + "a".repeat(filler)).getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 3; i++) {
			body.write("é😀’".getBytes(StandardCharsets.UTF_8));
			body.write(new byte[] { (byte) 0x92, (byte) 0xE9, (byte) 0xE2, (byte) 0x80, 'x', (byte) 0xF0, (byte) 0x9F });
			body.write("b".repeat(filler / 2).getBytes(StandardCharsets.UTF_8));
		}
		body.write(new byte[] { (byte) 0xE2, (byte) 0x80 });
		byte[] bytes = body.toByteArray();
		FeedText.Utf8Start start = FeedText.utf8Start(bytes, null, 2048);
		assertThat(start).isNotNull();
		assertThat(start.whole()).isFalse();
		String whole = FeedText.decode(bytes, null);
		assertThat(whole).startsWith(start.head());
		StringBuilder read = new StringBuilder();
		try (java.io.Reader reader = start.reader()) {
			char[] chunk = new char[1000];
			for (int n = reader.read(chunk, 0, chunk.length); n >= 0; n = reader.read(chunk, 0, chunk.length)) {
				read.append(chunk, 0, n);
			}
		}
		assertThat(read.toString()).isEqualTo(whole);
	}

	@Test
	void theHeadOfAUtf8BodyIsCutBeforeAnAsciiByteAndIsTheWholeOfAShortOne() {
		byte[] body = ("<rss>" + "é".repeat(2000) + "</rss>").getBytes(StandardCharsets.UTF_8);
		FeedText.Utf8Start start = FeedText.utf8Start(body, null, 2048);
		assertThat(start).isNotNull();
		// Cut before the last ASCII byte within reach, the ">": what precedes it is whole.
		assertThat(start.head()).isEqualTo("<rss");
		assertThat(FeedText.utf8Start(body, null, body.length).whole()).isTrue();
		assertThat(FeedText.utf8Start(body, null, body.length).head()).isEqualTo(FeedText.decode(body, null));
	}

	@Test
	void aBodyInAnotherCharsetHasNoUtf8Start() {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss>" + FRENCH + "</rss>")
			.getBytes(Charset.forName("ISO-8859-15"));
		assertThat(FeedText.utf8Start(body, null, 2048)).isNull();
		assertThat(FeedText.utf8Start(body, "text/xml; charset=windows-1252", 2048)).isNull();
	}

}

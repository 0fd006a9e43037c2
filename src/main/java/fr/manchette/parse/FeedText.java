package fr.manchette.parse;

import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Turns a body into text with the charset it claims ({@link CharsetDetector}), then checks the claim against the
 * bytes, because French feeds get it wrong in two ways: windows-1252 bytes declared (or defaulted) as UTF-8, from a
 * CMS that writes its database bytes as they are; and UTF-8 bytes declared ISO-8859-1, from a server's default
 * charset. The third mistake, text already garbled before it was encoded ("Ã©"), is {@link Mojibake}'s.
 */
final class FeedText {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Charset LATIN_9 = Charset.forName("ISO-8859-15");

	/** Labels that mean "one byte per Western character", which UTF-8 bytes are often served under. */
	private static final Set<Charset> WESTERN = Set.of(StandardCharsets.ISO_8859_1, WINDOWS_1252, LATIN_9,
			StandardCharsets.US_ASCII);

	/** Bodies up to this many bytes are decoded into an array kept by the thread: 512 KB, the largest it may keep. */
	private static final int REUSED_CHARS = 256 * 1024;

	private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[0]);

	private static final ThreadLocal<char[]> PIECE = ThreadLocal.withInitial(() -> new char[8192]);

	private FeedText() {
	}

	/**
	 * The start of a body that {@link #decode(byte[], String)} reads as UTF-8 (windows-1252 for each byte that is not),
	 * and a reader of its whole text: the XML parser then reads the text as it is decoded, without a string of the
	 * whole document, which was a third of the garbage of reading a feed. Null for a body in another charset.
	 * @param head the decoded text of the first {@code bytes} bytes or so, cut before an ASCII byte: what decoding the
	 * whole body would give first
	 * @param whole whether the head is the whole text
	 */
	record Utf8Start(String head, boolean whole, byte[] body, int offset) {

		/** The whole text, from its first character, as {@link FeedText#decode(byte[], String)} gives it. */
		Reader reader() {
			return this.whole ? new StringReader(this.head) : new Utf8OrWindows1252Reader(this.body, this.offset);
		}

	}

	static @Nullable Utf8Start utf8Start(byte[] body, @Nullable String contentType, int bytes) {
		CharsetDetector.Declared declared = CharsetDetector.detect(body, contentType);
		if (!declared.charset().equals(StandardCharsets.UTF_8)) {
			return null;
		}
		int offset = declared.bomLength();
		int end = offset + bytes;
		if (end >= body.length) {
			return new Utf8Start(utf8OrWindows1252(body, offset), true, body, offset);
		}
		// An ASCII byte is a character of its own either way, and ends any sequence before it: cut there, and the
		// head is exactly the beginning of the whole text.
		while (end > offset && body[end] < 0) {
			end--;
		}
		return new Utf8Start(utf8OrWindows1252(body, offset, end), false, body, offset);
	}

	static String decode(byte[] body, @Nullable String contentType) {
		CharsetDetector.Declared declared = CharsetDetector.detect(body, contentType);
		Charset charset = declared.charset();
		int offset = declared.bomLength();
		if (charset.equals(StandardCharsets.UTF_8)) {
			return utf8OrWindows1252(body, offset);
		}
		if (WESTERN.contains(charset)) {
			// Text with accents that is also valid UTF-8 is UTF-8: in windows-1252 that would take an accented capital
			// followed by one or two symbols (Ã©, â€™) at every non-ASCII character of the document.
			String utf8 = strictUtf8(body, offset);
			if (utf8 != null) {
				return utf8;
			}
			if (!charset.equals(LATIN_9)) {
				// ISO-8859-1 puts invisible C1 controls at 0x80-0x9F; real text there is windows-1252's ’ œ €.
				// US-ASCII has nothing above 0x7F at all.
				return Windows1252.decode(body, offset);
			}
		}
		return new String(body, offset, body.length - offset, charset);
	}

	private static @Nullable String strictUtf8(byte[] body, int offset) {
		try {
			return utf8Decoder().decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * UTF-8 where the bytes are UTF-8, windows-1252 for each byte that is not: a whole windows-1252 document comes out
	 * right, and so does a UTF-8 one with a few pasted windows-1252 characters, which re-decoding the whole document
	 * would have garbled everywhere else.
	 */
	static String utf8OrWindows1252(byte[] body, int offset) {
		return utf8OrWindows1252(body, offset, body.length);
	}

	private static String utf8OrWindows1252(byte[] body, int offset, int end) {
		CharsetDecoder decoder = utf8Decoder();
		ByteBuffer in = ByteBuffer.wrap(body, offset, end - offset);
		// Neither decoding yields more chars than bytes.
		int capacity = end - offset;
		char[] chars = buffer(capacity);
		CharBuffer out = CharBuffer.wrap(chars, 0, capacity);
		CoderResult result = decoder.decode(in, out, true);
		while (result.isError()) {
			for (int i = 0; i < result.length(); i++) {
				out.put(Windows1252.decode(in.get()));
			}
			result = decoder.decode(in, out, true);
		}
		decoder.flush(out);
		return new String(chars, 0, out.position());
	}

	/**
	 * An array of at least this many chars, this thread's own when the body is of a common size: a new one for each
	 * body was the size of the text twice over in garbage, copied into the string anyway. A larger body gets its own,
	 * so that no thread keeps the largest body it ever read.
	 */
	private static char[] buffer(int capacity) {
		if (capacity > REUSED_CHARS) {
			return new char[capacity];
		}
		char[] chars = BUFFER.get();
		if (chars.length < capacity) {
			chars = new char[Math.max(capacity, REUSED_CHARS / 4)];
			BUFFER.set(chars);
		}
		return chars;
	}

	/**
	 * {@link #utf8OrWindows1252(byte[], int)} a piece at a time. The decoder reads a sequence the same from the same
	 * position whatever came before, so stopping when the piece is full (never inside a sequence) changes nothing; a
	 * run of bytes that are not UTF-8 is converted whole, or left for the next piece when it does not fit.
	 */
	private static final class Utf8OrWindows1252Reader extends Reader {

		private final CharsetDecoder decoder = utf8Decoder();

		private final ByteBuffer in;

		/** This thread's: one document is read at a time, and a new array for each was 16 KB of garbage. */
		private final char[] piece = PIECE.get();

		private int position;

		private int limit;

		Utf8OrWindows1252Reader(byte[] body, int offset) {
			this.in = ByteBuffer.wrap(body, offset, body.length - offset);
		}

		@Override
		public int read(char[] into, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (this.position == this.limit && !fill()) {
				return -1;
			}
			int count = Math.min(length, this.limit - this.position);
			System.arraycopy(this.piece, this.position, into, offset, count);
			this.position += count;
			return count;
		}

		private boolean fill() {
			CharBuffer out = CharBuffer.wrap(this.piece);
			while (this.in.hasRemaining()) {
				CoderResult result = this.decoder.decode(this.in, out, true);
				if (!result.isError() || out.remaining() < result.length()) {
					break;
				}
				for (int i = 0; i < result.length(); i++) {
					out.put(Windows1252.decode(this.in.get()));
				}
			}
			this.position = 0;
			this.limit = out.position();
			return this.limit > 0;
		}

		@Override
		public void close() {
		}

	}

	private static CharsetDecoder utf8Decoder() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

}

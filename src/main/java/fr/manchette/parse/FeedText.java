package fr.manchette.parse;

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

	private FeedText() {
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
		CharsetDecoder decoder = utf8Decoder();
		ByteBuffer in = ByteBuffer.wrap(body, offset, body.length - offset);
		// Neither decoding yields more chars than bytes.
		int capacity = body.length - offset;
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

	private static CharsetDecoder utf8Decoder() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

}

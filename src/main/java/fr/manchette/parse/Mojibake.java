package fr.manchette.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Repairs text that was UTF-8, was once read as windows-1252 or ISO-8859-1 and was written again as UTF-8, so
 * that "l’État" reads "lâ€™Ã‰tat". No declaration can fix that: the bytes are valid UTF-8 of the wrong
 * characters.
 * <p>
 * Each character of the original became a lead character (Ã for the accented letters, Â for « » ° and the
 * no-break space, Å for œ, â for ’ “ ” … – € and ð for emoji) followed by one to three characters that
 * windows-1252 writes with the bytes 0x80-0xBF. Only such sequences are re-encoded to windows-1252 and decoded as
 * UTF-8, one at a time, and only when the result is valid UTF-8 and not a control character: each repair takes a
 * marker away and leaves the rest of the text as it was. Correct French never has those sequences; a lone "Ã" (São
 * Tomé, "IRMÃ E") is left alone, and so is an "é" next to a "»" ("c’est décidé »" is valid UTF-8 read as
 * windows-1252) because é (0xE9) is not a lead we trust.
 * <p>
 * A C1 control left over is a windows-1252 byte that was taken for a code point ({@code &#146;} for ’, the
 * "demoronize" of older aggregators): it becomes that byte's character.
 * <p>
 * It runs per field (title, summary, category), on the text as the reader will see it: one item pasted from another
 * CMS says nothing about the next, and mojibake written as character references ({@code &#195;&#169;}) only shows
 * after XML decoding.
 */
final class Mojibake {

	/** à whose no-break space (UTF-8 C3 A0) became a plain space on the way. */
	private static final Pattern A_GRAVE_BEFORE_SPACE = Pattern.compile("Ã(?= )");

	private static final ThreadLocal<char[]> PIECE = ThreadLocal.withInitial(() -> new char[2048]);

	private Mojibake() {
	}

	static @Nullable String repair(@Nullable String text) {
		if (text == null || !hasSuspect(text)) {
			return text;
		}
		StringBuilder out = null;
		int copied = 0;
		boolean garbled = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int length = sequenceLength(c);
			String decoded = (length > 0) ? decoded(text, i, length) : null;
			garbled |= (decoded != null);
			if (decoded == null && length == 0 && c >= 0x80 && c <= 0x9F && Windows1252.decode((byte) c) != c) {
				// A C1 control is never meant: it is a windows-1252 byte taken for a code point (&#146; for ’).
				decoded = String.valueOf(Windows1252.decode((byte) c));
				length = 1;
			}
			if (decoded != null) {
				if (out == null) {
					out = new StringBuilder(text.length());
				}
				out.append(text, copied, i).append(decoded);
				copied = i + length;
				i = copied - 1;
			}
		}
		if (out == null) {
			return text;
		}
		out.append(text, copied, text.length());
		// Only once the field has proved itself garbled: "Ã " alone is just as likely a Portuguese capital.
		return garbled ? A_GRAVE_BEFORE_SPACE.matcher(out).replaceAll("à") : out.toString();
	}

	/**
	 * Whether the text holds a character that the repair could start from: a lead of {@link #sequenceLength(char)}
	 * or a C1 control. Most fields hold none, and are returned as they are without the repair's work per character.
	 */
	private static boolean hasSuspect(String text) {
		// Copied a piece at a time into this thread's array, not read with charAt: every title, summary, author and
		// category comes through here, French text is stored as UTF-16, and with the service's compiler (C1) its
		// charAt is a call that checks the index, per character; that was a fifteenth of reading a feed.
		char[] piece = PIECE.get();
		for (int start = 0; start < text.length(); start += piece.length) {
			int end = Math.min(text.length(), start + piece.length);
			text.getChars(start, end, piece, 0);
			for (int i = 0; i < end - start; i++) {
				char c = piece[i];
				if (c >= 0x80 && c <= 0xF0 && (c <= 0x9F || sequenceLength(c) > 0)) {
					return true;
				}
			}
		}
		return false;
	}

	/** How many UTF-8 bytes the lead stands for; 0 for anything else. */
	private static int sequenceLength(char lead) {
		return switch (lead) {
			case 'Â', 'Ã', 'Ä', 'Å' -> 2;
			case 'â' -> 3;
			case 'ð' -> 4;
			default -> 0;
		};
	}

	private static @Nullable String decoded(String text, int start, int length) {
		if (start + length > text.length()) {
			return null;
		}
		byte[] bytes = new byte[length];
		bytes[0] = (byte) Windows1252.encode(text.charAt(start));
		for (int k = 1; k < length; k++) {
			int b = Windows1252.encode(text.charAt(start + k));
			if (b < 0x80 || b > 0xBF) {
				return null;
			}
			bytes[k] = (byte) b;
		}
		try {
			String decoded = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return Character.isISOControl(decoded.codePointAt(0)) ? null : decoded;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}

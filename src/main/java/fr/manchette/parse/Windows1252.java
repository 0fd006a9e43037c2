package fr.manchette.parse;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * windows-1252 as browsers read it (WHATWG Encoding Standard): the five bytes Microsoft left undefined map to the C1
 * controls of the same value instead of U+FFFD, so that every byte survives a decode and an encode. Mojibake repair
 * depends on that: "Á" read through windows-1252 is "Ã" and U+0081, which the JDK's decoder would have lost.
 */
final class Windows1252 {

	private static final char[] HIGH = new char[128];

	private static final Map<Character, Integer> BYTES = new HashMap<>();

	static {
		byte[] high = new byte[128];
		for (int i = 0; i < 128; i++) {
			high[i] = (byte) (0x80 + i);
		}
		String decoded = new String(high, Charset.forName("windows-1252"));
		for (int i = 0; i < 128; i++) {
			char c = decoded.charAt(i);
			HIGH[i] = (c == '\uFFFD') ? (char) (0x80 + i) : c;
			BYTES.put(HIGH[i], 0x80 + i);
		}
	}

	private Windows1252() {
	}

	static String decode(byte[] bytes, int offset) {
		StringBuilder text = new StringBuilder(bytes.length - offset);
		for (int i = offset; i < bytes.length; i++) {
			text.append(decode(bytes[i]));
		}
		return text.toString();
	}

	static char decode(byte b) {
		return (b >= 0) ? (char) b : HIGH[b + 128];
	}

	/**
	 * The byte for {@code c}, or -1 when windows-1252 cannot write it. The C1 controls give their own value too, as
	 * ISO-8859-1 would: that is how text read through ISO-8859-1 rather than windows-1252 goes back to its bytes.
	 */
	static int encode(char c) {
		if (c <= 0x9F) {
			return c;
		}
		Integer b = BYTES.get(c);
		return (b != null) ? b : -1;
	}

}

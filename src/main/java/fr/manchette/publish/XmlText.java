package fr.manchette.publish;

/**
 * Text as an XML document can carry it. The store keeps what feeds sent, and some of it XML 1.0 has no place for: a
 * lone surrogate or U+FFFF from a JSON Feed's escapes, U+FFFF from an entity that an RSS feed escaped twice. Rome
 * (JDOM) refuses such a character, and with it the whole merged feed, so the feeds' writers leave it out here,
 * where rows stored by any version pass.
 */
final class XmlText {

	private XmlText() {
	}

	/** The text without the characters outside XML 1.0's {@code Char}; the same string when it has none. */
	static String legal(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// Most text has neither: below U+D800 and from U+0020 on, every character is legal.
			if (c < 0x20 || c >= 0xD800) {
				return withoutIllegal(text, i);
			}
		}
		return text;
	}

	/** The text with each code point from {@code from} on kept or left out; the same string when all are kept. */
	private static String withoutIllegal(String text, int from) {
		StringBuilder kept = new StringBuilder(text.length()).append(text, 0, from);
		boolean changed = false;
		for (int i = from; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int length = Character.charCount(codePoint);
			if (isLegalCodePoint(codePoint)) {
				kept.append(text, i, i + length);
			}
			else {
				changed = true;
			}
			i += length;
		}
		return changed ? kept.toString() : text;
	}

	/** XML 1.0's {@code Char}: tab, line feed, carriage return, and the rest of Unicode but surrogates, U+FFFE and U+FFFF. */
	private static boolean isLegalCodePoint(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

}

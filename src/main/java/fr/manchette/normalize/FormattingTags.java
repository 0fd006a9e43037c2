package fr.manchette.normalize;

import java.util.Locale;
import java.util.Set;

/**
 * The tags of a title that says nothing of its type (RSS's) that are read as markup: those of elements that format
 * text and hold nothing but text ({@code <b>}, {@code <i>}, {@code <br>}, {@code <span style=…>}, {@code <sup>}),
 * which feeds put in titles to style them. Any other tag stays as text: an HTML parser would take what follows
 * {@code <script>}, {@code <style>}, {@code <textarea>} or {@code <title>} for their content and drop it, and an
 * unknown name (« x<y z », « <Le Monde> ») for attributes; in a title, such a tag is far more often the subject of
 * the headline (« la balise <script> reste dangereuse ») than markup, and the title's text is never dropped.
 */
final class FormattingTags {

	/** Elements that format their text, or stand for none (a line break, an image), as feeds use them in titles. */
	private static final Set<String> FORMATTING = Set.of("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br",
			"center", "cite", "code", "del", "dfn", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
			"img", "ins", "kbd", "mark", "nobr", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong",
			"sub", "sup", "time", "tt", "u", "var", "wbr");

	/** Of those, the ones that hold nothing: a tag of one is markup with any attributes. */
	private static final Set<String> VOID = Set.of("br", "hr", "img", "wbr");

	private FormattingTags() {
	}

	/** True when the text holds a formatting tag or a comment, which {@link #only} leaves to the HTML parser. */
	static boolean in(String text) {
		for (int open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open + 1)) {
			if (isRead(text, open)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The HTML with every {@code <} that opens neither a formatting tag nor a comment escaped: read as HTML, such a tag
	 * shows as written.
	 */
	static String only(String html) {
		StringBuilder escaped = null;
		int copied = 0;
		for (int open = html.indexOf('<'); open >= 0; open = html.indexOf('<', open + 1)) {
			if (!isRead(html, open)) {
				if (escaped == null) {
					escaped = new StringBuilder(html.length() + 16);
				}
				escaped.append(html, copied, open).append("&lt;");
				copied = open + 1;
			}
		}
		return (escaped == null) ? html : escaped.append(html, copied, html.length()).toString();
	}

	/**
	 * Whether the {@code <} at {@code open} starts a comment that ends, or a tag of a formatting element closed before
	 * any other {@code <} but in a quoted value: an end tag without attributes, or a start tag bare, with attribute
	 * values, or of a void element. A start tag followed by words without values ({@code <A nous Paris>},
	 * « a<b et c>d ») is prose.
	 */
	private static boolean isRead(String text, int open) {
		if (text.startsWith("<!--", open)) {
			return text.indexOf("-->", open + 4) >= 0;
		}
		boolean end = open + 1 < text.length() && text.charAt(open + 1) == '/';
		int start = end ? open + 2 : open + 1;
		int nameEnd = start;
		while (nameEnd < text.length() && isAsciiLetterOrDigit(text.charAt(nameEnd))) {
			nameEnd++;
		}
		if (nameEnd == start || !MarkupInText.isAsciiLetter(text.charAt(start))) {
			return false;
		}
		String name = text.substring(start, nameEnd).toLowerCase(Locale.ROOT);
		if (!FORMATTING.contains(name) || nameEnd == text.length()) {
			return false;
		}
		char after = text.charAt(nameEnd);
		int close = close(text, nameEnd);
		if ((after != '>' && after != '/' && !MarkupInText.isSpace(after)) || close < 0) {
			return false;
		}
		String rest = text.substring(nameEnd, close).strip();
		if (end) {
			return rest.isEmpty();
		}
		return rest.isEmpty() || rest.equals("/") || rest.indexOf('=') >= 0 || VOID.contains(name);
	}

	/**
	 * The {@code >} that ends the tag whose attributes start at {@code from}, as HTML's tokenizer finds it (a value in
	 * quotes may hold {@code <} and {@code >}); -1 when a {@code <} comes first, or nothing ends it.
	 */
	private static int close(String text, int from) {
		char quote = 0;
		char previous = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if ((c == '"' || c == '\'') && previous == '=') {
				quote = c;
			}
			else if (c == '>') {
				return i;
			}
			else if (c == '<') {
				return -1;
			}
			if (!MarkupInText.isSpace(c)) {
				previous = c;
			}
		}
		return -1;
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return MarkupInText.isAsciiLetter(c) || (c >= '0' && c <= '9');
	}

}

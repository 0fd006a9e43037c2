package fr.manchette.normalize;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

import fr.manchette.parse.TitleType;

/**
 * Turns a title (or any HTML fragment) into one line of plain text.
 * <p>
 * French typography is the point of this class: {@code Element.text()} and {@code String.strip()} would turn
 * the no-break spaces before « : ; ! ? » into ordinary spaces or lose them, so text nodes are collected as
 * written and only ASCII whitespace is folded.
 */
public final class TitleText {

	private static final ThreadLocal<char[]> PIECE = ThreadLocal.withInitial(() -> new char[2048]);

	/** Content that is never read as text: scripts, styles and embedded documents. */
	private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
			"embed", "svg", "math", "head", "title", "select");

	/**
	 * Text struck out: shown struck in the HTML summary, it no longer holds; in plain text, where nothing is struck,
	 * « prix <s>12 €</s> 15 € » would read as both prices.
	 */
	private static final Set<String> STRUCK_OUT = Set.of("del", "s", "strike");

	/** Where text that reads as markup is shown as written, on purpose: a sample of code. */
	private static final Evaluator CODE = QueryParser.parse("code, pre");

	/** Feeds that wrap their text twice leave a literal CDATA section behind after XML decoding. */
	private static final Pattern CDATA_MARKERS = Pattern.compile("<!\\[CDATA\\[|\\]\\]>");

	/** An entity still present once the HTML was decoded: the feed escaped its text twice. */
	private static final Pattern LEFTOVER_ENTITY = Pattern
		.compile("&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

	private TitleText() {
	}

	/**
	 * Plain text of a title, read as its feed says it is written: declared text as it is (its entities were decoded by
	 * the document's parser, and what looks like markup in it is text), declared markup as {@link #plain}, and a title
	 * of no declared type (RSS's) as HTML whose tags are read only when they format text: any other stays as text
	 * ({@link FormattingTags}), so that no word of the title is lost to a tag it merely names. A page's element is read
	 * as HTML once: its text is what the page shows, nothing in it read again.
	 * @param title the title as decoded from XML or JSON, or null
	 * @param type what its feed says it is
	 * @return the text on one line, possibly empty, never null
	 */
	public static String title(@Nullable String title, TitleType type) {
		if (title == null || title.isEmpty()) {
			return "";
		}
		return switch (type) {
			case TEXT -> composed(fold(title));
			case HTML -> plain(title);
			case PAGE -> composed(fold(isPlain(title) ? title
					: textOf(Jsoup.parseBodyFragment(title).body(), 0, Markup.NONE_IN_TEXT)));
			case UNSAID -> composed(fold(text(title, Markup.FORMATTING_ONLY)));
		};
	}

	/**
	 * Plain text of an HTML fragment or of text that may hold entities.
	 * @param htmlOrText the title as decoded from XML, or null
	 * @return the text on one line, possibly empty, never null
	 */
	public static String plain(@Nullable String htmlOrText) {
		if (htmlOrText == null || htmlOrText.isEmpty()) {
			return "";
		}
		return composed(fold(text(htmlOrText, Markup.EVERY_TAG)));
	}

	/** Which tags are read as markup. */
	private enum Markup {

		/** Every tag: the text is declared HTML. */
		EVERY_TAG,

		/** Those of {@link FormattingTags}: the text may be HTML or text. */
		FORMATTING_ONLY,

		/** None in the text of elements: a page's, which its parser decoded once, and which is text as it shows. */
		NONE_IN_TEXT

	}

	/** The text of the fragment, decoded but not yet folded. */
	private static String text(String htmlOrText, Markup markup) {
		if (isPlain(htmlOrText)) {
			// What jsoup would make of it: one text node, as written (the NUL it drops, fold drops too).
			return htmlOrText;
		}
		String html = (htmlOrText.contains("<![CDATA[") || htmlOrText.contains("]]>"))
				? CDATA_MARKERS.matcher(htmlOrText).replaceAll("") : htmlOrText;
		if (isMarkup(html, markup)) {
			return textOf(fragment(html, markup), MARKUP_READINGS, markup);
		}
		// Text that only uses angle brackets (« a<b », « <<Le Monde>> »), which the HTML parser would take for tags:
		// escaped, so that the parser only decodes its references. (Parser.unescapeEntities does the same, but takes a
		// new reading buffer at each call: 0.8 KB more garbage per item read, on a farm where few titles hold a « & ».)
		return textOf(Jsoup.parseBodyFragment(html.replace("<", "&lt;")).body(), MARKUP_READINGS, markup);
	}

	/**
	 * Whether text holding {@code <} is markup to read as HTML: by {@link MarkupInText}'s rule when every tag counts,
	 * else when it holds a formatting tag.
	 */
	private static boolean isMarkup(String text, Markup markup) {
		return (markup == Markup.EVERY_TAG) ? MarkupInText.in(text) : FormattingTags.in(text);
	}

	/** The markup read as HTML, with only the tags that are read as markup as tags. */
	private static Element fragment(String html, Markup markup) {
		return Jsoup.parseBodyFragment((markup == Markup.EVERY_TAG) ? html : FormattingTags.only(html)).body();
	}

	/**
	 * The text in Unicode's composed form (NFC), the one readers, fonts and searches expect: a feed that writes « été »
	 * as e + U+0301 gives the same text as one that writes é. Text with nothing from U+0300 on but general
	 * punctuation (’ « » – and the thin spaces, which neither compose nor decompose) is composed already: most French
	 * text, given back without asking the Normalizer.
	 */
	static String composed(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x300 && (c < 0x2002 || c >= 0x2070)) {
				return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
						: Normalizer.normalize(text, Normalizer.Form.NFC);
			}
		}
		return text;
	}

	/** {@link #fold(String)} of the text being built, without making a string of it first. */
	static String fold(StringBuilder text) {
		char[] chars = new char[text.length()];
		text.getChars(0, chars.length, chars, 0);
		return fold(chars);
	}

	/**
	 * Text without markup, entity or CDATA marker: most titles, authors and categories, which then skip the HTML
	 * parser that would give them back unchanged.
	 */
	static boolean isPlain(String text) {
		return text.indexOf('<') < 0 && text.indexOf('&') < 0 && !text.contains("]]>");
	}

	/**
	 * How many times text that is markup is read as HTML within itself: once for a feed that escaped its HTML twice,
	 * more for one that mixed levels of escaping, and no more, so that crafted text cannot make it read again and
	 * again.
	 */
	private static final int MARKUP_READINGS = 3;

	/**
	 * The text of an element as written, with a space where a block or a line break separates two runs; without what
	 * is struck out; entities left in it decoded and markup in it read as HTML ({@link #readable}).
	 */
	static String textOf(Element root) {
		return textOf(root, MARKUP_READINGS, Markup.EVERY_TAG);
	}

	private static String textOf(Element root, int readings, Markup markup) {
		StringBuilder text = new StringBuilder();
		root.filter(new NodeFilter() {

			@Override
			public FilterResult head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					text.append(readable(textNode, readings, markup));
				}
				else if (node instanceof Element element) {
					if (SKIPPED.contains(element.normalName()) || STRUCK_OUT.contains(element.normalName())) {
						return FilterResult.SKIP_ENTIRELY;
					}
					if (separates(element) && node != root) {
						text.append(' ');
					}
				}
				return FilterResult.CONTINUE;
			}

			@Override
			public FilterResult tail(Node node, int depth) {
				if (node instanceof Element element && separates(element) && node != root) {
					text.append(' ');
				}
				return FilterResult.CONTINUE;
			}

		});
		return text.toString();
	}

	/**
	 * Whether an element keeps its text apart from the text around it: a block. Jsoup counts {@code ins} as one, which
	 * browsers show in the line: « <ins>15 €</ins>, » reads « 15 €, ».
	 */
	private static boolean separates(Element element) {
		return element.isBlock() && !element.normalName().equals("ins");
	}

	/**
	 * A text node's text with the entities left in it decoded: the feed escaped them twice ({@code &amp;eacute;}). When
	 * that is markup ({@link MarkupInText}), the text of that markup read as HTML: a feed's HTML escaped twice
	 * ({@code &amp;lt;b&amp;gt;}, or {@code &lt;b&gt;} in CDATA), which as plain text is junk tags to a reader, and a
	 * script to one that puts plain text in a page as HTML. A code sample stays as written, but for what would run.
	 * Past the last reading, text that is still markup is left out: no feed escapes its HTML so many times over, and it
	 * would be markup. The HTML summary keeps such text escaped, as text: safe as it is, and right for a tag meant as
	 * text. A page's text is given as it is: the page was parsed once, and shows it so.
	 */
	private static String readable(TextNode node, int readings, Markup markup) {
		String whole = node.getWholeText();
		if (markup == Markup.NONE_IN_TEXT || (whole.indexOf('<') < 0 && whole.indexOf('&') < 0)) {
			return whole;
		}
		String decoded = decodeLeftoverEntities(whole);
		if (!isMarkup(decoded, markup) || (isInCode(node) && !MarkupInText.runs(decoded))) {
			return decoded;
		}
		return (readings > 0) ? textOf(fragment(decoded, markup), readings - 1, markup) : "";
	}

	private static boolean isInCode(TextNode node) {
		Element parent = node.parent();
		return parent != null && parent.closest(CODE) != null;
	}

	/**
	 * True when the element shows no text as HTML: when the fold of its text nodes as written is empty (struck out or
	 * not, markup escaped twice or not: as HTML they show), without building the text: each text node is checked, up
	 * to the first that holds something. (A text folds to nothing exactly when each of its pieces does: fold drops or
	 * trims characters one by one, and keeps every other.)
	 */
	static boolean hasNoText(Element root) {
		boolean[] found = { false };
		root.filter(new NodeFilter() {

			@Override
			public FilterResult head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					if (!foldsToNothing(textNode.getWholeText())) {
						found[0] = true;
						return FilterResult.STOP;
					}
				}
				else if (node instanceof Element element && SKIPPED.contains(element.normalName())) {
					return FilterResult.SKIP_ENTIRELY;
				}
				return FilterResult.CONTINUE;
			}

			@Override
			public FilterResult tail(Node node, int depth) {
				return FilterResult.CONTINUE;
			}

		});
		return !found[0];
	}

	/**
	 * Folds runs of ASCII whitespace into one space; drops control characters and invisible ones (byte-order marks,
	 * soft hyphens, zero-width spaces); trims ASCII whitespace and no-break spaces at the edges. One pass, no regex:
	 * this runs on every title, author, category and summary. The end is the end of the text, or the line or paragraph separator that ends it (where {@code $} of
	 * the regular expression this replaces also matched).
	 */
	static String fold(String text) {
		if (isFolded(text)) {
			return text;
		}
		return fold(text.toCharArray());
	}

	/**
	 * {@link #fold(String)} of the text in the array, which it writes over: char by char (what is kept never runs
	 * ahead of what is read); the two halves of a surrogate pair are kept as the pair would be, and a half without
	 * its other half is dropped.
	 */
	private static String fold(char[] chars) {
		int length = 0;
		boolean space = false;
		char previous = 0;
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			// Read before the kept text runs over it: what was at i - 1.
			boolean lone = Character.isSurrogate(c) && isLoneSurrogate(c, previous, (i + 1 < chars.length) ? chars[i + 1] : 0);
			previous = c;
			if (c == '\u000B' || isAsciiWhitespace(c)) {
				space = true;
			}
			else if (!isDropped(c) && !lone) {
				if (space) {
					chars[length++] = ' ';
					space = false;
				}
				chars[length++] = c;
			}
		}
		if (space) {
			chars[length++] = ' ';
		}
		int start = 0;
		while (start < length && isEdge(chars[start])) {
			start++;
		}
		int last = length;
		if (length > start && (chars[length - 1] == '\u2028' || chars[length - 1] == '\u2029')) {
			last = length - 1;
		}
		int cut = last;
		while (cut > start && isEdge(chars[cut - 1])) {
			cut--;
		}
		String kept = new String(chars, start, cut - start);
		return (last == length) ? kept : kept + new String(chars, last, length - last);
	}

	/**
	 * True when {@link #fold(String)} gives the text back as it is, which most titles and authors are: no ASCII
	 * whitespace but single spaces between other characters, nothing that fold drops, no edge at either end, no line or
	 * paragraph separator at the end (whose trimming is left to fold).
	 */
	private static boolean isFolded(String text) {
		int length = text.length();
		if (length == 0) {
			return true;
		}
		char first = text.charAt(0);
		char last = text.charAt(length - 1);
		if (isEdge(first) || isEdge(last) || last == '\u2028' || last == '\u2029') {
			return false;
		}
		// Copied a piece at a time into this thread's array, not read with charAt: French text is stored as UTF-16,
		// whose charAt is a call that checks its index, per character, under the service's compiler (C1).
		char[] piece = PIECE.get();
		char previous = first;
		for (int start = 0; start < length; start += piece.length) {
			int end = Math.min(length, start + piece.length);
			text.getChars(start, end, piece, 0);
			for (int i = 0; i < end - start; i++) {
				char c = piece[i];
				// Controls (C0, DEL and C1, which holds U+0085), what isDropped drops, and a space after a space.
				if (c < 0x20 || (c >= 0x7F && (c <= 0x9F || isInvisible(c))) || (c == ' ' && previous == ' ')) {
					return false;
				}
				if (Character.isSurrogate(c) && isLoneSurrogate(c, (start + i > 0) ? text.charAt(start + i - 1) : 0,
						(start + i + 1 < length) ? text.charAt(start + i + 1) : 0)) {
					return false;
				}
				previous = c;
			}
		}
		return true;
	}

	/** True when {@link #fold(String)} of the text is empty: it holds only blanks and what fold drops. */
	static boolean foldsToNothing(String text) {
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			// A surrogate read as a code point is a lone one: dropped.
			if (codePoint != '\u000B' && !isEdge(codePoint) && !isDropped(codePoint)
					&& !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiWhitespace(int c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}

	private static boolean isEdge(int c) {
		return isAsciiWhitespace(c) || c == '\u00A0' || c == '\u202F';
	}

	/**
	 * A half of a surrogate pair without its other half, between the characters {@code before} and {@code after} (0
	 * at an edge): no character at all, which a JSON Feed's escapes can make. H2 would store it, PostgreSQL a « ? »,
	 * and XML has no place for it.
	 */
	private static boolean isLoneSurrogate(char c, char before, char after) {
		return Character.isHighSurrogate(c) ? !Character.isLowSurrogate(after) : !Character.isHighSurrogate(before);
	}

	/**
	 * Controls but the white space ones, and the invisible characters of {@link #isInvisible}. Unicode's controls
	 * (Cc, what {@code Character.getType} calls CONTROL) are exactly C0, DEL and C1: tested as ranges, not looked up.
	 */
	private static boolean isDropped(int codePoint) {
		if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r' || codePoint == '\f') {
			return false;
		}
		return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F) || isInvisible(codePoint);
	}

	/**
	 * The byte-order mark, and what CMSs paste from word processors that shows nothing on one line: the soft hyphen
	 * (a place to break a word across lines), the zero-width space and the word joiner. Kept, they split a word
	 * that readers show whole, for searches and for the story matcher. The joiners of emoji and of Arabic letters
	 * (U+200C, U+200D) and the marks of writing direction do show, and stay.
	 */
	private static boolean isInvisible(int c) {
		// U+FFFE and U+FFFF are no characters (XML has no place for them), left by a feed's escapes.
		return c == '\uFEFF' || c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFFFE' || c == '\uFFFF';
	}

	/** The text with each entity left in it decoded, once: a feed escaped it twice. */
	static String decodeLeftoverEntities(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		Matcher matcher = LEFTOVER_ENTITY.matcher(text);
		StringBuilder decoded = new StringBuilder(text.length());
		while (matcher.find()) {
			String character = Parser.unescapeEntities(matcher.group(), false);
			matcher.appendReplacement(decoded, Matcher.quoteReplacement(character));
		}
		matcher.appendTail(decoded);
		return decoded.toString();
	}

}

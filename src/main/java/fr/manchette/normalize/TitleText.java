package fr.manchette.normalize;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jspecify.annotations.Nullable;

/**
 * Turns a title (or any HTML fragment) into one line of plain text.
 * <p>
 * French typography is the point of this class: {@code Element.text()} and {@code String.strip()} would turn
 * the no-break spaces before « : ; ! ? » into ordinary spaces or lose them, so text nodes are collected as
 * written and only ASCII whitespace is folded.
 */
final class TitleText {

	/** Content that is never read as text: scripts, styles and embedded documents. */
	private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
			"embed", "svg", "math", "head", "title", "select");

	/** Feeds that wrap their text twice leave a literal CDATA section behind after XML decoding. */
	private static final Pattern CDATA_MARKERS = Pattern.compile("<!\\[CDATA\\[|\\]\\]>");

	/** An entity still present once the HTML was decoded: the feed escaped its text twice. */
	private static final Pattern LEFTOVER_ENTITY = Pattern
		.compile("&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

	private static final Pattern ASCII_WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f]+");

	/** Edges trimmed: ASCII whitespace, and no-break spaces, which only mean something between two words. */
	private static final Pattern EDGES = Pattern
		.compile("^[ \\t\\n\\r\\f\\u00A0\\u202F]+|[ \\t\\n\\r\\f\\u00A0\\u202F]+$");

	private TitleText() {
	}

	/**
	 * Plain text of an HTML fragment or of text that may hold entities.
	 * @param htmlOrText the title as decoded from XML, or null
	 * @return the text on one line, possibly empty, never null
	 */
	static String plain(@Nullable String htmlOrText) {
		if (htmlOrText == null || htmlOrText.isEmpty()) {
			return "";
		}
		String html = CDATA_MARKERS.matcher(htmlOrText).replaceAll("");
		return fold(decodeLeftoverEntities(textOf(Jsoup.parseBodyFragment(html).body())));
	}

	/** The text of an element as written, with a space where a block or a line break separates two runs. */
	static String textOf(Element root) {
		StringBuilder text = new StringBuilder();
		root.filter(new NodeFilter() {

			@Override
			public FilterResult head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					text.append(textNode.getWholeText());
				}
				else if (node instanceof Element element) {
					if (SKIPPED.contains(element.normalName())) {
						return FilterResult.SKIP_ENTIRELY;
					}
					if (element.isBlock() && node != root) {
						text.append(' ');
					}
				}
				return FilterResult.CONTINUE;
			}

			@Override
			public FilterResult tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock() && node != root) {
					text.append(' ');
				}
				return FilterResult.CONTINUE;
			}

		});
		return text.toString();
	}

	/** Folds runs of ASCII whitespace into one space; drops control characters and byte-order marks. */
	static String fold(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> {
			if (codePoint == '\u000B') {
				kept.append(' ');
			}
			else if (!isDropped(codePoint)) {
				kept.appendCodePoint(codePoint);
			}
		});
		String folded = ASCII_WHITESPACE.matcher(kept).replaceAll(" ");
		return EDGES.matcher(folded).replaceAll("");
	}

	private static boolean isDropped(int codePoint) {
		if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r' || codePoint == '\f') {
			return false;
		}
		return Character.getType(codePoint) == Character.CONTROL || codePoint == '\uFEFF';
	}

	private static String decodeLeftoverEntities(String text) {
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

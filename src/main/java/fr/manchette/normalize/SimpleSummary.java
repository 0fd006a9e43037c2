package fr.manchette.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jsoup.nodes.Entities;
import org.jsoup.parser.Tag;
import org.jspecify.annotations.Nullable;

/**
 * Cleans the simplest summaries without jsoup: text, character references, paragraphs, bold, italics and line
 * breaks, links and images whose addresses are absolute and plain (see {@link HtmlCleaner#resolvesToItself}), well
 * nested, attributes in double quotes: most summaries that French feeds send. Parsing them into a jsoup document,
 * copying it through the safelist and writing it out again was a quarter of reading an item; nothing in them is
 * unsafe or needs resolving, so the same rules run on a small tree of their own.
 * <p>
 * Gives exactly what {@link HtmlCleaner}'s jsoup path gives, or null for anything it does not read (any other tag or
 * attribute, a bare {@code &}, an entity escaped twice, a {@code &lt;}, a control character, a surrogate, a tag left
 * open, a link in a link, a counter's image, a WordPress footer): that goes to jsoup.
 * {@code HtmlCleanerTests} holds the two to the same output on drawn fragments and on the corpus.
 */
final class SimpleSummary {

	/** Tags that hold text and take no attribute, written in lower case. */
	private static final Set<String> INLINE = Set.of("strong", "em", "b", "i");

	/** The attributes read on a link and an image: those the safelist keeps ({@code align} aside). */
	private static final Set<String> LINK_ATTRIBUTES = Set.of("href");

	private static final Set<String> IMAGE_ATTRIBUTES = Set.of("src", "alt", "width", "height", "title");

	/** Images whose host only counts readers (HtmlCleaner's trackers): left to jsoup. */
	private static final List<String> COUNTERS = List.of("//feeds.feedburner.com/", "//feedproxy.google.com/",
			"//pixel.wp.com/", "//stats.wordpress.com/");

	/** The blocks among the tags read, as jsoup sees them (a paragraph): read from jsoup, not assumed. */
	private static final Set<String> BLOCKS = Set.copyOf(Stream.of("p", "br", "strong", "em", "b", "i", "a", "img")
		.filter((name) -> Tag.valueOf(name).isBlock())
		.toList());

	/** What {@link HtmlCleaner} drops once empty, among the tags read here. */
	private static final Set<String> DROPPED_WHEN_EMPTY = Set.of("p", "strong", "em", "b", "i", "a");

	/** What the safelist adds to every link. */
	private static final String[] LINK_REL = { "rel", "nofollow noopener" };

	/**
	 * The named references read so far, to their text or {@link #NOT_READ}: the few that summaries use (« &eacute; »,
	 * « &rsquo; ») were looked up and built anew at each. Only names jsoup knows are kept, so it stays their size.
	 */
	private static final Map<String, String> NAMED = new ConcurrentHashMap<>();

	/** A name jsoup knows, whose text is not read here. */
	private static final String NOT_READ = new String("not read");

	/** Character references are short: beyond this many characters after {@code &}, it is not one. */
	private static final int LONGEST_REFERENCE = 33;

	private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[4096]);

	/** The longest summary, in chars, read in the thread's own array: 128 KB at most kept per thread. */
	private static final int LONGEST_KEPT = 64 * 1024;

	private SimpleSummary() {
	}

	/**
	 * The summary cleaned, with its text, as {@link HtmlCleaner#summary} gives them; null when the fragment holds
	 * anything but what this class reads.
	 */
	static HtmlCleaner.@Nullable CleanSummary clean(String html) {
		Node body = parse(html);
		if (body == null || mayHoldFooter(body)) {
			return null;
		}
		dropHollowElements(body);
		collapseBlankRuns(body);
		if (!hasText(body)) {
			return HtmlCleaner.CleanSummary.EMPTY;
		}
		StringBuilder written = new StringBuilder(html.length() + 16);
		for (Node child : body.children) {
			write(child, written);
		}
		String cleaned = stripped(written);
		stripEnds(body.children);
		StringBuilder text = new StringBuilder(html.length());
		for (Node child : body.children) {
			text(child, text);
		}
		return new HtmlCleaner.CleanSummary(cleaned, TitleText.fold(text));
	}

	/**
	 * True when a paragraph starts as a WordPress footer does ({@link PublisherFooter}): left to jsoup, which reads it
	 * whole. Only the start of each paragraph is looked at, not the whole summary searched.
	 */
	private static boolean mayHoldFooter(Node body) {
		for (Node child : body.children) {
			if ("p".equals(child.name) && !child.children.isEmpty() && child.children.get(0).name == null
					&& PublisherFooter.startsLikeOne(child.children.get(0).text)) {
				return true;
			}
		}
		return false;
	}

	/** What {@code toString().strip()} gives, in one copy: the white space that strip takes off is all in the BMP. */
	private static String stripped(StringBuilder text) {
		int start = 0;
		int end = text.length();
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	/** The fragment as a tree under a body, or null at the first thing not read here. */
	private static @Nullable Node parse(String html) {
		Node body = new Node("body", null);
		List<Node> open = new ArrayList<>();
		open.add(body);
		StringBuilder text = new StringBuilder();
		int length = html.length();
		// Read from a copy in this thread's array, not with charAt: French text is stored as UTF-16, whose charAt is
		// a call that checks its index, per character, under the service's compiler (C1).
		char[] chars = chars(html);
		for (int i = 0; i < length;) {
			char c = chars[i];
			if (c == '<') {
				int end = indexOf(chars, length, '>', i);
				if (end < 0) {
					return null;
				}
				Opened tag = tag(chars, i + 1, end);
				if (tag == null) {
					return null;
				}
				Node parent = open.get(open.size() - 1);
				flush(text, parent);
				if (tag.closing()) {
					if (parent == body || !parent.name.equals(tag.name())) {
						return null;
					}
					open.remove(open.size() - 1);
				}
				else if (tag.name().equals("br") && tag.attributes().isEmpty()) {
					parent.add(new Node("br", null));
				}
				else if (tag.name().equals("img")) {
					Node image = image(tag.attributes());
					if (image == null) {
						return null;
					}
					if (image != PIXEL) {
						parent.add(image);
					}
				}
				else if (tag.selfClosing()) {
					// Jsoup opens a <p/> and leaves it open: not read here.
					return null;
				}
				else if (tag.name().equals("p") && tag.attributes().isEmpty()) {
					// Jsoup closes an open paragraph, or moves it out of a bold one: not read here.
					if (parent != body) {
						return null;
					}
					open.add(parent.add(new Node("p", null)));
				}
				else if (INLINE.contains(tag.name()) && tag.attributes().isEmpty()) {
					open.add(parent.add(new Node(tag.name(), null)));
				}
				else if (tag.name().equals("a")) {
					// A link in a link is split by jsoup's adoption agency: not read here.
					Node link = link(tag.attributes());
					if (link == null || isInLink(open)) {
						return null;
					}
					open.add(parent.add(link));
				}
				else {
					return null;
				}
				i = end + 1;
			}
			else if (c == '&') {
				int end = indexOf(chars, length, ';', i);
				if (end < 0 || end - i > LONGEST_REFERENCE) {
					return null;
				}
				String decoded = reference(new String(chars, i + 1, end - i - 1));
				if (decoded == null || (decoded.equals("&") && end + 1 < length
						&& (isAsciiLetter(chars[end + 1]) || chars[end + 1] == '#'))) {
					// Or an entity escaped twice (&amp;eacute;), which the cleaner decodes once more: not read here.
					return null;
				}
				if (decoded.equals("<")) {
					// Text that may be markup escaped twice, whose plain text is read as HTML once more: not read here.
					return null;
				}
				text.append(decoded);
				i = end + 1;
			}
			else {
				// The run of text up to the next tag or reference, appended at once.
				int runEnd = i;
				while (runEnd < length && (c = chars[runEnd]) != '<' && c != '&') {
					if (!isReadAsIs(c)) {
						return null;
					}
					runEnd++;
				}
				text.append(chars, i, runEnd - i);
				i = runEnd;
			}
		}
		if (open.size() != 1) {
			return null;
		}
		flush(text, body);
		return body;
	}

	/**
	 * The text in this thread's array, or in an array of its own when it is longer than the longest kept, so that no
	 * thread keeps the largest summary it ever read.
	 */
	private static char[] chars(String html) {
		char[] chars = CHARS.get();
		if (chars.length < html.length()) {
			chars = new char[Math.max(html.length(), 2 * chars.length)];
			if (chars.length <= LONGEST_KEPT) {
				CHARS.set(chars);
			}
		}
		html.getChars(0, html.length(), chars, 0);
		return chars;
	}

	private static int indexOf(char[] chars, int length, char wanted, int from) {
		for (int i = from; i < length; i++) {
			if (chars[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	/** An image that the cleaner drops as a tracking pixel: nothing to add. */
	private static final Node PIXEL = new Node("img", null);

	/**
	 * What is between {@code <} and {@code >} ({@code chars} from {@code from} to {@code to}): a name in lower case
	 * letters and digits, then attributes each as {@code  name="value"} with a name in lower case letters, then perhaps
	 * {@code /} or {@code  /}; null otherwise. Read in the array, the names given as the constants of those read here:
	 * a string of the tag, then one of its name and of each attribute's name, were made for every tag. A name not
	 * read here gives null at once, as it would once the tag is looked at (a tag or an attribute of another name is
	 * never read).
	 */
	private static @Nullable Opened tag(char[] chars, int from, int to) {
		boolean closing = from < to && chars[from] == '/';
		int i = closing ? from + 1 : from;
		int start = i;
		while (i < to && (isLowerLetter(chars[i]) || (i > start && isDigit(chars[i])))) {
			i++;
		}
		String name = tagName(chars, start, i);
		if (name == null) {
			return null;
		}
		List<String[]> attributes = List.of();
		boolean selfClosing = false;
		while (i < to) {
			if (chars[i] == '/' && i == to - 1) {
				selfClosing = true;
				break;
			}
			if (chars[i] != ' ' || i + 1 == to) {
				return null;
			}
			i++;
			if (chars[i] == '/' && i == to - 1) {
				selfClosing = true;
				break;
			}
			int nameStart = i;
			while (i < to && isLowerLetter(chars[i])) {
				i++;
			}
			if (i + 1 >= to || chars[i] != '=' || chars[i + 1] != '"') {
				return null;
			}
			String attribute = attributeName(chars, nameStart, i);
			int valueEnd = indexOf(chars, to, '"', i + 2);
			if (attribute == null || valueEnd < 0) {
				return null;
			}
			String value = attributeValue(chars, i + 2, valueEnd);
			if (value == null || valueOf(attributes, attribute) != null) {
				return null;
			}
			if (attributes.isEmpty()) {
				attributes = new ArrayList<>(4);
			}
			attributes.add(new String[] { attribute, value });
			i = valueEnd + 1;
		}
		if (closing && (selfClosing || !attributes.isEmpty())) {
			return null;
		}
		return new Opened(name, closing, selfClosing, attributes);
	}

	/** The name of a tag read here, as a constant; null for any other (or none). */
	private static @Nullable String tagName(char[] chars, int start, int end) {
		return switch (end - start) {
			case 1 -> switch (chars[start]) {
				case 'p' -> "p";
				case 'b' -> "b";
				case 'i' -> "i";
				case 'a' -> "a";
				default -> null;
			};
			case 2 -> is(chars, start, "br") ? "br" : is(chars, start, "em") ? "em" : null;
			case 3 -> is(chars, start, "img") ? "img" : null;
			case 6 -> is(chars, start, "strong") ? "strong" : null;
			default -> null;
		};
	}

	/** The name of an attribute read here (on a link or an image), as a constant; null for any other (or none). */
	private static @Nullable String attributeName(char[] chars, int start, int end) {
		return switch (end - start) {
			case 3 -> is(chars, start, "src") ? "src" : is(chars, start, "alt") ? "alt" : null;
			case 4 -> is(chars, start, "href") ? "href" : null;
			case 5 -> is(chars, start, "width") ? "width" : is(chars, start, "title") ? "title" : null;
			case 6 -> is(chars, start, "height") ? "height" : null;
			default -> null;
		};
	}

	private static boolean is(char[] chars, int start, String name) {
		for (int k = 0; k < name.length(); k++) {
			if (chars[start + k] != name.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An attribute's value ({@code chars} from {@code from} to {@code to}) with its references decoded; null for what
	 * is not read here (a bare &, a quote, a < or >).
	 */
	private static @Nullable String attributeValue(char[] chars, int from, int to) {
		if (isPlainValue(chars, from, to)) {
			return new String(chars, from, to - from);
		}
		return attributeValue(new String(chars, from, to - from));
	}

	/** An attribute's value with its references decoded; null for what is not read here (a bare &, a quote, a < or >). */
	private static @Nullable String attributeValue(String raw) {
		StringBuilder value = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length();) {
			char c = raw.charAt(i);
			if (c == '&') {
				int end = raw.indexOf(';', i);
				String decoded = (end < 0 || end - i > LONGEST_REFERENCE) ? null : reference(raw.substring(i + 1, end));
				if (decoded == null) {
					return null;
				}
				value.append(decoded);
				i = end + 1;
			}
			else {
				if (c == '<' || c == '>' || !isReadAsIs(c)) {
					return null;
				}
				value.append(c);
				i++;
			}
		}
		// A decoded quote or angle bracket: how jsoup writes it back in an attribute is not settled here.
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '<' || c == '>') {
				return null;
			}
		}
		return value.toString();
	}

	/** A value without reference that {@link #attributeValue(String)} gives back as it is: most of them. */
	private static boolean isPlainValue(char[] chars, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = chars[i];
			if (c == '&' || c == '<' || c == '>' || c == '"' || !isReadAsIs(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean allNamed(List<String[]> attributes, Set<String> names) {
		for (String[] attribute : attributes) {
			if (!names.contains(attribute[0])) {
				return false;
			}
		}
		return true;
	}

	private static boolean isCounter(String src) {
		for (String counter : COUNTERS) {
			if (src.contains(counter)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isInLink(List<Node> open) {
		for (Node node : open) {
			if ("a".equals(node.name)) {
				return true;
			}
		}
		return false;
	}

	/** A link to a plain absolute address, as the safelist writes it; null for any other. */
	private static @Nullable Node link(List<String[]> attributes) {
		String href = valueOf(attributes, "href");
		if (href == null || !HtmlCleaner.resolvesToItself(href) || !allNamed(attributes, LINK_ATTRIBUTES)) {
			return null;
		}
		Node link = new Node("a", null);
		link.attributes.add(new String[] { "href", LinkCanonicalizer.withoutTrackingParameters(href) });
		link.attributes.add(LINK_REL);
		return link;
	}

	/** An image of a plain absolute address; {@link #PIXEL} for a tracking pixel; null for any other. */
	private static @Nullable Node image(List<String[]> attributes) {
		String src = valueOf(attributes, "src");
		if (src == null || !HtmlCleaner.resolvesToItself(src) || isCounter(src)
				|| !allNamed(attributes, IMAGE_ATTRIBUTES)) {
			return null;
		}
		String width = valueOf(attributes, "width");
		String height = valueOf(attributes, "height");
		if ((width != null && HtmlCleaner.isPixel(width)) || (height != null && HtmlCleaner.isPixel(height))) {
			return PIXEL;
		}
		Node image = new Node("img", null);
		image.attributes.addAll(attributes);
		return image;
	}

	private static @Nullable String valueOf(List<String[]> attributes, String name) {
		for (String[] attribute : attributes) {
			if (attribute[0].equals(name)) {
				return attribute[1];
			}
		}
		return null;
	}

	private static boolean isLowerLetter(char c) {
		return c >= 'a' && c <= 'z';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Characters that jsoup keeps as they are in text, and writes back as they are or as {@code &lt;}, {@code &gt;},
	 * {@code &amp;}, {@code &nbsp;}: no control character but tab and line feed (jsoup turns some into others), no C1
	 * control, no surrogate (a lone one is written as a reference).
	 */
	private static boolean isReadAsIs(char c) {
		if (c < 0x20) {
			return c == '\t' || c == '\n';
		}
		return !(c >= 0x7F && c <= 0x9F) && !Character.isSurrogate(c);
	}

	/** A character reference's text, or null when it is not one that jsoup decodes to characters read as is. */
	private static @Nullable String reference(String name) {
		if (name.isEmpty()) {
			return null;
		}
		if (name.charAt(0) == '#') {
			return numeric(name);
		}
		// Jsoup reads letters then digits as the name, and decodes it with its semicolon if it is one it knows.
		int i = 0;
		while (i < name.length() && isAsciiLetter(name.charAt(i))) {
			i++;
		}
		while (i < name.length() && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
			i++;
		}
		if (i == 0 || i != name.length()) {
			return null;
		}
		String known = NAMED.get(name);
		if (known != null) {
			return (known == NOT_READ) ? null : known;
		}
		if (!Entities.isNamedEntity(name)) {
			return null;
		}
		String decoded = named(name);
		NAMED.put(name, (decoded != null) ? decoded : NOT_READ);
		return decoded;
	}

	private static @Nullable String named(String name) {
		String decoded = Entities.getByName(name);
		for (int c = 0; c < decoded.length(); c++) {
			if (!isReadAsIs(decoded.charAt(c))) {
				return null;
			}
		}
		return decoded.isEmpty() ? null : decoded;
	}

	private static @Nullable String numeric(String name) {
		boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
		String digits = name.substring(hex ? 2 : 1);
		if (digits.isEmpty() || digits.length() > 6) {
			return null;
		}
		int codePoint = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = Character.digit(digits.charAt(i), hex ? 16 : 10);
			if (digit < 0) {
				return null;
			}
			codePoint = codePoint * (hex ? 16 : 10) + digit;
		}
		// Below U+FFFF only, and none that jsoup replaces (NUL, windows-1252's C1 range) or keeps as a control.
		if (codePoint > 0xFFFF || !isReadAsIs((char) codePoint) || codePoint == 0xFFFE || codePoint == 0xFFFF) {
			return null;
		}
		return String.valueOf((char) codePoint);
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static void flush(StringBuilder text, Node parent) {
		if (!text.isEmpty()) {
			parent.add(new Node(null, text.toString()));
			text.setLength(0);
		}
	}

	/** As {@link HtmlCleaner}: deepest first, so that a paragraph holding only an emptied bold goes too. */
	private static void dropHollowElements(Node node) {
		for (int i = node.children.size() - 1; i >= 0; i--) {
			Node child = node.children.get(i);
			if (child.name != null) {
				dropHollowElements(child);
			}
		}
		node.children
			.removeIf((child) -> child.name != null && DROPPED_WHEN_EMPTY.contains(child.name) && !hasText(child));
	}

	/** As {@link HtmlCleaner}: a run of blank text nodes becomes one, a line break if any of them held one. */
	private static void collapseBlankRuns(Node node) {
		Node run = null;
		List<Node> kept = new ArrayList<>(node.children.size());
		for (Node child : node.children) {
			if (child.name == null && isAsciiBlank(child.text)) {
				boolean lineBreak = child.text.indexOf('\n') >= 0 || (run != null && run.text.equals("\n"));
				if (run == null) {
					run = child;
					kept.add(child);
				}
				run.text = lineBreak ? "\n" : " ";
				continue;
			}
			run = null;
			kept.add(child);
			if (child.name != null) {
				collapseBlankRuns(child);
			}
		}
		node.children.clear();
		node.children.addAll(kept);
	}

	private static boolean isAsciiBlank(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
				return false;
			}
		}
		return true;
	}

	/** Text that does not fold to nothing under the node, or an image: what HtmlCleaner's isHollow looks for. */
	private static boolean hasText(Node node) {
		if (node.name == null) {
			return !TitleText.foldsToNothing(node.text);
		}
		if (node.name.equals("img")) {
			return true;
		}
		for (Node child : node.children) {
			if (hasText(child)) {
				return true;
			}
		}
		return false;
	}

	/** As jsoup writes it without pretty printing, U+00A0 as itself (see {@link HtmlCleaner#summary}). */
	private static void write(Node node, StringBuilder out) {
		if (node.name == null) {
			escape(node.text, out);
			return;
		}
		out.append('<').append(node.name);
		for (String[] attribute : node.attributes) {
			out.append(' ').append(attribute[0]).append("=\"");
			escape(attribute[1], out);
			out.append('"');
		}
		out.append('>');
		if (node.name.equals("br") || node.name.equals("img")) {
			return;
		}
		for (Node child : node.children) {
			write(child, out);
		}
		out.append("</").append(node.name).append('>');
	}

	/** Text and attribute values (which hold no {@code <}, {@code >} or {@code "} here) as jsoup escapes them. */
	private static void escape(String text, StringBuilder out) {
		if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0) {
			// Most texts: appended at once. Three scans by indexOf cost less than one by charAt, a call per character
			// under the service's compiler (C1) for French text, which is stored as UTF-16.
			out.append(text);
			return;
		}
		// The runs between the characters escaped are appended whole.
		int copied = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String escaped = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				default -> null;
			};
			if (escaped != null) {
				out.append(text, copied, i).append(escaped);
				copied = i + 1;
			}
		}
		out.append(text, copied, text.length());
	}

	/** As {@link HtmlCleaner}: the text at the ends stripped as the written HTML is. */
	private static void stripEnds(List<Node> children) {
		for (int i = 0; i < children.size() && children.get(i).name == null; i++) {
			Node text = children.get(i);
			text.text = text.text.stripLeading();
			if (!text.text.isEmpty()) {
				break;
			}
		}
		for (int i = children.size() - 1; i >= 0 && children.get(i).name == null; i--) {
			Node text = children.get(i);
			text.text = text.text.stripTrailing();
			if (!text.text.isEmpty()) {
				break;
			}
		}
	}

	/** As {@link TitleText#textOf}: a space on each side of a block. */
	private static void text(Node node, StringBuilder out) {
		if (node.name == null) {
			out.append(node.text);
			return;
		}
		boolean block = BLOCKS.contains(node.name);
		if (block) {
			out.append(' ');
		}
		for (Node child : node.children) {
			text(child, out);
		}
		if (block) {
			out.append(' ');
		}
	}

	/** A tag as written: its name, whether it closes or closes itself, its attributes (values decoded). */
	private record Opened(String name, boolean closing, boolean selfClosing, List<String[]> attributes) {
	}

	/** An element (a name, attributes, children) or a text (no name). */
	private static final class Node {

		final @Nullable String name;

		String text;

		final List<Node> children = new ArrayList<>(2);

		/** Name and value pairs, in the order written. */
		final List<String[]> attributes = new ArrayList<>(0);

		Node(@Nullable String name, @Nullable String text) {
			this.name = name;
			this.text = (text != null) ? text : "";
		}

		Node add(Node child) {
			this.children.add(child);
			return child;
		}

	}

}

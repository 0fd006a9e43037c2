package fr.manchette.normalize;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jsoup.parser.Tag;
import org.jspecify.annotations.Nullable;

/**
 * Whether text holding {@code <} is markup to read as HTML, or text that merely uses angle brackets. Titles are text
 * in JSON Feed and Atom, HTML or text in RSS as each feed pleases; and a feed that escapes its HTML twice
 * ({@code &amp;lt;b&amp;gt;}, or {@code &lt;b&gt;} in CDATA) hands over, once decoded, text that is markup. Read as
 * HTML, « <b>Grève</b> à la SNCF » is « Grève à la SNCF », but « a<b » and « <<Le Monde>> » lose their words.
 * <p>
 * The rule is feedparser's for RSS text that may be HTML ({@code _looks_like_html}: a tag that can only be markup,
 * and none that HTML does not know), with a pair of tags counted as markup whatever its name ({@code <blink>}), and
 * what a browser would run counted as markup whatever else the text holds:
 * <ul>
 * <li>markup: a tag with an attribute value ({@code <img src=x onerror=…>}, {@code <x onclick=…>}) or of an element
 * that runs ({@code <script>}), which ends the question; an end tag ({@code </b>}) or a bare start tag
 * ({@code <b>}, {@code <br/>}) of an element HTML knows, a void element's tag ({@code <img alt>}), a pair
 * ({@code <blink>…</blink>}), a comment;</li>
 * <li>text: a tag of no HTML element, unpaired and without attribute value ({@code <Le Monde>}): it keeps the whole
 * text as text;</li>
 * <li>neither: a known start tag followed by words without values ({@code <A nous Paris>}, {@code a<b et c>d}), a
 * namespaced tag ({@code <o:p>}), a {@code <} that starts no tag ({@code < 3}, {@code <3}, {@code <<}, « a<b »
 * never closed).</li>
 * </ul>
 */
final class MarkupInText {

	/**
	 * Elements that run, load, embed or submit: a start tag of one is markup whatever else the text holds, as a tag
	 * with an attribute value is, and even in a code sample ({@link #runs}).
	 */
	private static final Set<String> RUNNING = Set.of("script", "style", "iframe", "frame", "frameset", "object",
			"embed", "applet", "svg", "math", "template", "noscript", "base", "meta", "link", "form");

	private MarkupInText() {
	}

	/** True when the text is markup by the rule above; false at once for text without {@code <}. */
	static boolean in(String text) {
		return read(text) != Reading.TEXT;
	}

	/**
	 * True when the text holds a tag a browser would run, load or embed: one with an attribute value, or of an
	 * element that runs ({@code <script>}). Such text is read as HTML even in a code sample, whose other tags are
	 * left as written: a reader that puts the plain text in a page as HTML must find nothing to run.
	 */
	static boolean runs(String text) {
		return read(text) == Reading.RUNNING;
	}

	private enum Reading {

		TEXT, MARKUP, RUNNING

	}

	private static Reading read(String text) {
		int open = text.indexOf('<');
		if (open < 0) {
			return Reading.TEXT;
		}
		boolean markup = false;
		Set<String> started = new HashSet<>();
		Set<String> unknownStarted = new HashSet<>();
		Set<String> unknownEnded = new HashSet<>();
		for (; open >= 0 && open < text.length() - 1; open = text.indexOf('<', open + 1)) {
			if (text.startsWith("!--", open + 1)) {
				markup |= text.indexOf("-->", open + 4) >= 0;
				continue;
			}
			TagRead tag = tagAt(text, open);
			if (tag == null) {
				continue;
			}
			if (tag.valued() || (!tag.end() && RUNNING.contains(tag.name()))) {
				// Whatever else the text holds: a reader would run it.
				return Reading.RUNNING;
			}
			boolean known = Tag.isKnownTag(tag.name());
			if (tag.end()) {
				markup |= known || started.contains(tag.name());
				if (!known && !started.contains(tag.name())) {
					unknownEnded.add(tag.name());
				}
				unknownStarted.remove(tag.name());
			}
			else {
				started.add(tag.name());
				if (known) {
					markup |= tag.bare() || Tag.valueOf(tag.name()).isEmpty();
				}
				else {
					unknownStarted.add(tag.name());
				}
			}
		}
		return (markup && unknownStarted.isEmpty() && unknownEnded.isEmpty()) ? Reading.MARKUP : Reading.TEXT;
	}

	/**
	 * A tag as read by HTML's tokenizer up to its {@code >}: its name in lower case, whether it ends an element,
	 * whether it has no attribute, whether one has a value.
	 */
	private record TagRead(String name, boolean end, boolean bare, boolean valued) {
	}

	/** The tag that the {@code <} at {@code open} starts; null for none, or for a namespaced one without value. */
	private static @Nullable TagRead tagAt(String text, int open) {
		boolean end = text.charAt(open + 1) == '/';
		int start = end ? open + 2 : open + 1;
		if (start >= text.length() || !isAsciiLetter(text.charAt(start))) {
			return null;
		}
		int close = text.indexOf('>', start);
		int nextOpen = text.indexOf('<', start);
		if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
			return null;
		}
		int nameEnd = start;
		while (nameEnd < close && !isSpace(text.charAt(nameEnd)) && text.charAt(nameEnd) != '/') {
			nameEnd++;
		}
		String name = text.substring(start, nameEnd).toLowerCase(Locale.ROOT);
		String rest = text.substring(nameEnd, close).strip();
		boolean valued = !end && rest.indexOf('=') >= 0;
		if (name.indexOf(':') >= 0 && !valued) {
			// A namespaced element (Word's <o:p>): no HTML element, nor the angle brackets of prose.
			return null;
		}
		return new TagRead(name, end, rest.isEmpty() || rest.equals("/"), valued);
	}

	/** Whether it may start a tag's name; {@link FormattingTags} reads tags by the same letters and spaces. */
	static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/** HTML's white space, which ends a tag's name. */
	static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}

}

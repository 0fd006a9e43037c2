package fr.manchette.normalize;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import fr.manchette.parse.LazyImages;

/**
 * Sanitizes summary HTML so that it can be republished in the merged feed and shown on the ticker page.
 * <p>
 * Stateless and thread-safe: the {@link Safelist} is built once and only read afterwards.
 */
public final class HtmlCleaner {

	private static final Safelist SAFELIST = new PlainLinksFirst(Safelist.basicWithImages()
		.addTags("figure", "figcaption", "h2", "h3", "h4", "h5", "h6", "hr", "abbr")
		// A correction struck out must not read, once unwrapped, as if it still held.
		.addTags("del", "ins", "s")
		// Results, polls, timetables: unwrapped, their cells ran into one line of numbers.
		.addTags("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
		.addAttributes("abbr", "title")
		.addAttributes("th", "colspan", "rowspan", "scope")
		.addAttributes("td", "colspan", "rowspan")
		// Which language and which direction: a quotation in Arabic in a French summary is written right to left.
		.addAttributes(":all", "lang", "dir")
		// basicWithImages allows ftp: links; a news summary has no business pointing there.
		.removeProtocols("a", "href", "ftp")
		// basicWithImages checks the cite of <cite>, which has none, instead of <q>'s, kept whatever its scheme and
		// left relative.
		.addProtocols("q", "cite", "http", "https")
		// Summaries link to other sites: no referrer power, no window.opener.
		.addEnforcedAttribute("a", "rel", "nofollow noopener"));

	/**
	 * The safelist, answering at once for the links and images of nearly every summary. To check a protocol, jsoup
	 * resolves the value against the base (two java.net.URL, four regex passes: a tenth of the cost of an item);
	 * an absolute http(s) URL of plain characters, without user, port, fragment or dot segment, resolves to itself,
	 * and http and https are allowed for both, so the answer is yes and the value stays as written.
	 */
	static final class PlainLinksFirst extends Safelist {

		PlainLinksFirst(Safelist copy) {
			super(copy);
		}

		@Override
		public boolean isSafeAttribute(String tagName, Element element, org.jsoup.nodes.Attribute attribute) {
			String key = attribute.getKey();
			if (((tagName.equals("a") && key.equals("href")) || (tagName.equals("img") && key.equals("src")))
					&& resolvesToItself(attribute.getValue())) {
				return true;
			}
			if (key.equals("colspan") || key.equals("rowspan")) {
				return super.isSafeAttribute(tagName, element, attribute) && isSpan(key, attribute.getValue());
			}
			return super.isSafeAttribute(tagName, element, attribute);
		}

	}

	/** Browsers cap a cell's colspan at 1000 and its rowspan at 65534 (HTML, "forming a table"). */
	private static final int MAX_COLSPAN = 1000;

	private static final int MAX_ROWSPAN = 65534;

	/**
	 * True for a span a browser reads as written: digits, from 1 (colspan) or 0 (rowspan: to the end of the rows)
	 * up to the browser's cap. Anything else goes, and the cell spans one: a value past the cap lays out otherwise in
	 * each reader (a reader that does not cap it builds a grid of millions of cells), and words or units
	 * (« 2px », « deux ») are read differently by each.
	 */
	static boolean isSpan(String key, String value) {
		String digits = value.strip();
		if (digits.isEmpty() || digits.length() > 5) {
			return false;
		}
		for (int i = 0; i < digits.length(); i++) {
			if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
				return false;
			}
		}
		int span = Integer.parseInt(digits);
		return key.equals("colspan") ? span >= 1 && span <= MAX_COLSPAN : span <= MAX_ROWSPAN;
	}

	/**
	 * True for {@code http://} or {@code https://} (lower case), a host of letters, digits, dots and hyphens, then
	 * nothing or a {@code /} and only unreserved, sub-delimiter, {@code : @ / ? %} characters, and no {@code /.}:
	 * what jsoup's resolution (java.net.URL, then its own rebuilding without user info) gives back unchanged.
	 */
	static boolean resolvesToItself(String value) {
		int start = value.startsWith("https://") ? 8 : value.startsWith("http://") ? 7 : -1;
		if (start < 0) {
			return false;
		}
		int i = start;
		while (i < value.length() && isHostChar(value.charAt(i))) {
			i++;
		}
		if (i == start || (i < value.length() && value.charAt(i) != '/') || value.indexOf("/.", start) >= 0) {
			return false;
		}
		for (; i < value.length(); i++) {
			if (!isPathChar(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHostChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
	}

	private static boolean isPathChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
	}

	/** The safelist as jsoup alone would apply it, for tests that compare. */
	static Safelist plainSafelist() {
		return new Safelist(SAFELIST);
	}

	/** Feeds that wrap their HTML twice leave a literal CDATA section behind after XML decoding. */
	private static final Pattern CDATA_MARKERS = Pattern.compile("<!\\[CDATA\\[|\\]\\]>");

	/**
	 * Elements whose content must go with them: the safelist would unwrap them and keep their text, which is
	 * fallback markup ("Votre navigateur ne prend pas en charge la vidéo"), form labels, or a pixel in noscript.
	 */
	private static final Evaluator REMOVED_WITH_CONTENT = QueryParser.parse("script, style, noscript, template, iframe, "
			+ "object, embed, applet, form, button, input, select, textarea, svg, math, audio, video, canvas, frameset, "
			+ "frame, head, title, meta, link");

	/** Elements that say nothing once empty, e.g. the paragraph that only held a tracking pixel. */
	private static final Set<String> DROPPED_WHEN_EMPTY = Set.of("p", "figure", "figcaption", "blockquote", "h2", "h3",
			"h4", "h5", "h6", "b", "i", "em", "strong", "small", "q", "cite", "sub", "sup", "code", "pre", "span", "li",
			"ul", "ol", "a", "abbr", "del", "ins", "s", "table", "caption");

	/** Hosts that only serve counters and share buttons; FeedBurner still fronts some French feeds. */
	private static final Evaluator TRACKERS = QueryParser.parse("img[src*=//feeds.feedburner.com/], "
			+ "img[src*=//feedproxy.google.com/], img[src*=//pixel.wp.com/], img[src*=//stats.wordpress.com/], .feedflare");

	// Selectors parsed once: jsoup parses a selector given as a string at each call, and a summary asks for « img »
	// once per element it may drop. Evaluators without structure (no :has, no combinators) hold no state of a search.
	private static final Evaluator IMG = QueryParser.parse("img");

	private static final Evaluator ANCHOR = QueryParser.parse("a");

	private static final Evaluator PRE = QueryParser.parse("pre");

	private static final Pattern ASCII_BLANK = Pattern.compile("[ \\t\\n\\r\\f]+");

	private static final Pattern PIXEL_SIZE = Pattern.compile("\\s*[01](\\.0*)?\\s*(px)?\\s*");

	/**
	 * Sanitized HTML: allowed tags only, absolute http(s) links and images, no scripts, styles, frames or event
	 * handlers, no tracking pixels.
	 * @param html the summary as the feed wrote it, or null
	 * @param base the URL against which relative links and images are resolved (the feed's URL)
	 * @return the cleaned HTML, "" when nothing visible is left
	 */
	String clean(@Nullable String html, URI base) {
		return summary(html, base).html();
	}

	/**
	 * The summary cleaned as {@link #clean} does, with its plain text as {@link TitleText#plain} reads it in the
	 * cleaned HTML: read off the cleaned tree, not from the cleaned HTML parsed a second time (that second parse was
	 * a sixth of reading an item).
	 * @param html the summary as the feed wrote it, or null
	 * @param base the URL against which relative links and images are resolved (the feed's URL)
	 */
	public CleanSummary summary(@Nullable String html, URI base) {
		Assert.notNull(base, "base must not be null");
		if (html == null || html.isBlank()) {
			return CleanSummary.EMPTY;
		}
		if (!hasCdataMarker(html)) {
			CleanSummary simple = SimpleSummary.clean(html);
			if (simple != null) {
				return simple;
			}
		}
		return summaryByJsoup(html, base);
	}

	/** {@link #summary} by jsoup, whatever the summary holds. */
	CleanSummary summaryByJsoup(String html, URI base) {
		String unwrapped = hasCdataMarker(html) ? CDATA_MARKERS.matcher(html).replaceAll("") : html;
		Document dirty = Jsoup.parseBodyFragment(unwrapped, base.toString());
		dirty.body().select(REMOVED_WITH_CONTENT).remove();
		dropTrackingPixels(dirty.body());
		PublisherFooter.drop(dirty.body());
		separateUnsafeBlocks(dirty.body());
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		decodeLeftoverEntities(clean.body());
		dropHollowElements(clean.body());
		collapseBlankRuns(clean.body());
		if (isHollow(clean.body())) {
			return CleanSummary.EMPTY;
		}
		clean.outputSettings().prettyPrint(false);
		// Jsoup writes U+00A0 as &nbsp;, an entity XML does not know; the character itself is valid everywhere
		// and keeps the text byte-identical to what the newsroom typed.
		String cleaned = clean.body().html().replace("&nbsp;", "\u00A0").strip();
		stripEnds(clean.body());
		return new CleanSummary(cleaned, TitleText.fold(TitleText.textOf(clean.body())));
	}

	/**
	 * Strips the text at the ends of the body as {@code strip()} strips its HTML, so that its text is what
	 * {@link TitleText#plain} makes of that HTML: whitespace that {@code strip()} removes and the fold keeps (an em
	 * space).
	 */
	private static void stripEnds(Element body) {
		// The text nodes at each end, up to the first that keeps something: strip() goes through as many as are blank.
		for (int i = 0; i < body.childNodeSize() && body.childNode(i) instanceof TextNode text; i++) {
			text.text(text.getWholeText().stripLeading());
			if (!text.getWholeText().isEmpty()) {
				break;
			}
		}
		for (int i = body.childNodeSize() - 1; i >= 0 && body.childNode(i) instanceof TextNode text; i--) {
			text.text(text.getWholeText().stripTrailing());
			if (!text.getWholeText().isEmpty()) {
				break;
			}
		}
	}

	/**
	 * A cleaned summary and its plain text.
	 * @param html the sanitized HTML, "" when nothing visible is left
	 * @param text its text on one line, possibly empty
	 */
	public record CleanSummary(String html, String text) {

		static final CleanSummary EMPTY = new CleanSummary("", "");

	}

	private static boolean hasCdataMarker(String html) {
		return html.contains("<![CDATA[") || html.contains("]]>");
	}

	private static void dropTrackingPixels(Element body) {
		body.select(TRACKERS).remove();
		for (Element img : body.select(IMG)) {
			if (isPixel(img.attr("width")) || isPixel(img.attr("height"))) {
				img.remove();
			}
			else {
				LazyImages.showSource(img);
			}
		}
	}

	/**
	 * Keeps words apart when the safelist unwraps a block it does not allow: {@code <td>A</td><td>B</td>} must
	 * read "A B", not "AB".
	 */
	private static void separateUnsafeBlocks(Element body) {
		for (Element element : body.getAllElements()) {
			if (element != body && element.isBlock() && !SAFELIST.isSafeTag(element.normalName())) {
				element.before(new TextNode(" "));
				element.after(new TextNode(" "));
			}
		}
	}

	static boolean isPixel(String size) {
		if (size.isEmpty()) {
			return false;
		}
		// A size in digits alone, as nearly every one is written, is a pixel when it is 0 or 1.
		boolean digits = true;
		for (int i = 0; i < size.length() && digits; i++) {
			digits = size.charAt(i) >= '0' && size.charAt(i) <= '9';
		}
		if (digits) {
			return size.equals("0") || size.equals("1");
		}
		return PIXEL_SIZE.matcher(size).matches();
	}

	/**
	 * A feed that escaped its HTML twice leaves entities in the text ({@code &amp;eacute;}), which a reader shows as
	 * written: decoded once more, as the title's are ({@link TitleText#plain}), so that the HTML says what the text
	 * does.
	 */
	private static void decodeLeftoverEntities(Element body) {
		NodeTraversor.traverse((node, depth) -> {
			if (node instanceof TextNode text && text.getWholeText().indexOf('&') >= 0) {
				text.text(TitleText.decodeLeftoverEntities(text.getWholeText()));
			}
		}, body);
	}

	/**
	 * Removes what the safelist left without purpose: images without a source, links without a target; and the
	 * tracking parameters of the links that stay, as an item's own link goes without them.
	 */
	private static void dropHollowElements(Element body) {
		for (Element img : body.select(IMG)) {
			if (!img.hasAttr("src")) {
				img.remove();
			}
		}
		for (Element anchor : body.select(ANCHOR)) {
			if (!anchor.hasAttr("href")) {
				anchor.unwrap();
			}
			else {
				anchor.attr("href", LinkCanonicalizer.withoutTrackingParameters(anchor.attr("href")));
			}
		}
		// Deepest first, so that a paragraph holding only an emptied <strong> goes too.
		List<Element> elements = body.getAllElements();
		for (int i = elements.size() - 1; i > 0; i--) {
			Element element = elements.get(i);
			if (DROPPED_WHEN_EMPTY.contains(element.normalName()) && isHollow(element)) {
				element.remove();
			}
		}
	}

	/** Turns the blank lines left where removed elements stood into one line break; {@code <pre>} is left alone. */
	private static void collapseBlankRuns(Element body) {
		for (Element element : body.getAllElements()) {
			if (element.closest(PRE) != null) {
				continue;
			}
			TextNode run = null;
			for (Node child : new ArrayList<>(element.childNodes())) {
				if (child instanceof TextNode text && ASCII_BLANK.matcher(text.getWholeText()).matches()) {
					boolean lineBreak = text.getWholeText().indexOf('\n') >= 0
							|| (run != null && run.getWholeText().equals("\n"));
					if (run != null) {
						text.remove();
					}
					else {
						run = text;
					}
					run.text(lineBreak ? "\n" : " ");
				}
				else {
					run = null;
				}
			}
		}
	}

	private static boolean isHollow(Element element) {
		return TitleText.hasNoText(element) && element.selectFirst(IMG) == null;
	}

}

package fr.manchette.normalize;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.ParsedFeed;
import fr.manchette.parse.RawItem;
import fr.manchette.support.FeedparserCorpus;
import fr.manchette.support.ParseThenNormalize;
import fr.manchette.support.RepublishedHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 745 documents of the Universal Feed Parser's {@code wellformed/sanitize} folder (script, style, event handlers,
 * javascript: and data: addresses, embeds, forms, CSS, entity tricks, malformed markup), read as a poll reads them
 * ({@link FeedParser}, then {@link ItemNormalizer}): whatever the summary we keep, a browser parsing it finds nothing
 * that runs, loads or submits; the plain-text summary and the title hold no markup; and where what we keep differs
 * from what feedparser keeps, it is a difference we mean ({@link #DELIBERATE}). Skipped without the corpus next to the
 * project.
 * <p>
 * 165 of the documents hold no item, only the feed's own title, tagline, info or copyright, which we never republish
 * (the merged feeds are titled by the service).
 */
class FeedparserSanitizeTests {

	private static final String FOLDER = "wellformed/sanitize";

	/** Where feedparser's own suite serves these documents, so their relative references resolve as there. */
	private static final URI SERVED_AT = URI.create("http://127.0.0.1:8097/");

	private static final Instant FETCHED_AT = Instant.parse("2026-12-06T08:00:00Z");

	/** Feedparser's expectation on an item's HTML: {@code entries[0]['description'] == '...'} and its like. */
	private static final Pattern EXPECTED_SUMMARY = Pattern
		.compile("entries\\[0\\]\\['(description|summary|content)'\\](?:\\[0\\]\\['value'\\])? == (.*)$");

	/**
	 * Where what we keep differs from what feedparser keeps, by kind, and why: "kept" what we keep and it drops,
	 * "dropped" what it keeps and we drop, "text in" the text one of us shows and the other does not. Both outputs
	 * are compared parsed as a browser parses them, each empty element first given a word of text (the corpus's
	 * elements are empty; an empty element says nothing either way).
	 */
	static final List<Deliberate> DELIBERATE = List.of(
			new Deliberate("CSS can hide text, cover the reader's page (position, sizes), load addresses (url()) and "
					+ "fights the reader's own style; feedparser keeps a list of properties", "dropped [style]"),
			new Deliberate("layout and fonts: unwrapped, their text kept and blocks kept apart; the reader lays out its "
					+ "own page", "dropped <div>", "dropped <section>", "dropped <article>", "dropped <aside>",
					"dropped <header>", "dropped <footer>", "dropped <nav>", "dropped <address>", "dropped <center>",
					"dropped <dir>", "dropped <menu>", "dropped <multicol>", "dropped <spacer>", "dropped <details>",
					"dropped <dialog>", "dropped <font>", "dropped <big>", "dropped <tt>"),
			new Deliberate("a first-level heading would stand above the item's own headline: its text is kept",
					"dropped <h1>"),
			new Deliberate("a font or a date for machines only: unwrapped, their text kept (abbr is kept, with its "
					+ "title)", "dropped <dfn>", "dropped <kbd>", "dropped <samp>", "dropped <var>", "dropped <time>",
					"dropped <acronym>"),
			new Deliberate("drafts of HTML that browsers never showed as anything: unwrapped, their text kept",
					"dropped <m>", "dropped <datagrid>", "dropped <event-source>", "dropped <nextid>"),
			new Deliberate("a form in a news summary can only phish or post elsewhere: its controls go with what they "
					+ "hold, labels and gauges are unwrapped", "dropped <form>", "dropped <button>", "dropped <select>",
					"dropped <option>", "dropped <optgroup>", "dropped <textarea>", "dropped <label>",
					"dropped <legend>", "dropped <fieldset>", "dropped <datalist>", "dropped <output>",
					"dropped <meter>", "dropped <progress>"),
			new Deliberate("players, canvases and image maps play by themselves, count their viewers or need a script: "
					+ "the item's link leads to them; noscript holds what shows without script, mostly counters",
					"dropped <audio>", "dropped <video>", "dropped <canvas>", "dropped <sound>", "dropped <map>",
					"dropped <noscript>", "dropped [poster]", "dropped [preload]"),
			new Deliberate("what an iframe or an object holds goes with it: a browser never shows an iframe's, and an "
					+ "object's only in its place", "dropped <b>", "text in <iframe>", "text in <object>", "text"),
			new Deliberate("a whole page pasted into a summary: browsers show neither its scripts nor its head's title, "
					+ "which feedparser's parser partly reads as text", "text in <script> <title>"),
			new Deliberate("a link without an address is no link: its text is kept", "dropped <a>"),
			new Deliberate("a summary without text or image (a lone br, hr, area, input, an image without source) is "
					+ "empty: the item has nothing to show", "nothing to read"),
			new Deliberate("the links we republish carry rel=\"nofollow noopener\": no ranking lent to the feed's "
					+ "links, no window.opener for the page they open", "kept [rel]"),
			new Deliberate("presentation: the reader's style decides (an image keeps its width and height)",
					"dropped [align]", "dropped [background]", "dropped [bgcolor]", "dropped [bgproperties]",
					"dropped [border]", "dropped [bordercolor]", "dropped [bordercolordark]",
					"dropped [bordercolorlight]", "dropped [bottompadding]", "dropped [cellpadding]",
					"dropped [cellspacing]", "dropped [clear]", "dropped [color]", "dropped [compact]",
					"dropped [face]", "dropped [frame]", "dropped [galleryimg]", "dropped [gutter]",
					"dropped [height]", "dropped [hspace]", "dropped [leftspacing]", "dropped [nowrap]",
					"dropped [noshade]", "dropped [point-size]", "dropped [rightspacing]", "dropped [rules]",
					"dropped [size]", "dropped [suppress]", "dropped [toppadding]", "dropped [valign]",
					"dropped [vspace]", "dropped [width]", "dropped [wrap]", "dropped [ch]", "dropped [char]",
					"dropped [charoff]", "dropped [choff]", "dropped [cols]", "dropped [rows]", "dropped [span]"),
			new Deliberate("hooks of the source page's CSS and scripts: in the reader's page they meet its own (an id "
					+ "can shadow one of the page's)", "dropped [class]", "dropped [id]", "dropped [name]"),
			new Deliberate("forms, focus and editing: with no form kept they only move the keyboard (accesskey, "
					+ "tabindex, autofocus), hide text (hidden) or make it editable", "dropped [accept]",
					"dropped [accept-charset]", "dropped [action]", "dropped [autocomplete]", "dropped [autofocus]",
					"dropped [challenge]", "dropped [checked]", "dropped [contenteditable]", "dropped [default]",
					"dropped [disabled]", "dropped [draggable]", "dropped [enctype]", "dropped [for]",
					"dropped [form]", "dropped [hidden]", "dropped [inputmode]", "dropped [keytype]",
					"dropped [label]", "dropped [list]", "dropped [max]", "dropped [maxlength]", "dropped [method]",
					"dropped [min]", "dropped [multiple]", "dropped [open]", "dropped [pattern]", "dropped [prompt]",
					"dropped [radiogroup]", "dropped [readonly]", "dropped [repeat-max]", "dropped [repeat-min]",
					"dropped [replace]", "dropped [required]", "dropped [selected]", "dropped [step]",
					"dropped [template]", "dropped [type]", "dropped [value]", "dropped [variable]",
					"dropped [accesskey]", "dropped [tabindex]", "dropped [hidefocus]", "dropped [unselectable]",
					"dropped [high]", "dropped [low]", "dropped [optimum]", "dropped [pqg]"),
			new Deliberate("addresses and players: a link's href, an image's src and a quotation's cite are the "
					+ "addresses we keep, made absolute; the others load or play something, or pick a window",
					"dropped [href]", "dropped [src]", "dropped [dynsrc]", "dropped [lowsrc]", "dropped [datasrc]",
					"dropped [datafld]", "dropped [datapagesize]", "dropped [data]", "dropped [icon]",
					"dropped [longdesc]", "dropped [usemap]", "dropped [ismap]", "dropped [coords]", "dropped [shape]",
					"dropped [nohref]", "dropped [ping]", "dropped [urn]", "dropped [vrml]", "dropped [loop]",
					"dropped [loopcount]", "dropped [loopend]", "dropped [loopstart]", "dropped [start]",
					"dropped [end]", "dropped [delay]", "dropped [volume]", "dropped [balance]", "dropped [media]",
					"dropped [charset]", "dropped [hreflang]", "dropped [rel]", "dropped [rev]", "dropped [target]"),
			new Deliberate("meaningful on other elements, where we keep them (title on abbr and img, alt on img, cite "
					+ "on blockquote and q, colspan, rowspan and scope on cells); on a span, a tooltip at most",
					"dropped [abbr]", "dropped [axis]", "dropped [headers]", "dropped [scope]", "dropped [colspan]",
					"dropped [rowspan]", "dropped [summary]", "dropped [alt]", "dropped [title]",
					"dropped [datetime]", "dropped [cite]"));

	private static final HtmlCleaner CLEANER = new HtmlCleaner();

	private static final List<Reading> readings = new ArrayList<>();

	@BeforeAll
	static void readEveryDocument() throws FeedParseException {
		assumeTrue(FeedparserCorpus.present(), "no shared/corpus/feedparser-tests next to the project");
		for (FeedparserCorpus.Case document : FeedparserCorpus.under(FOLDER)) {
			URI address = SERVED_AT.resolve(document.name());
			ParseThenNormalize reading = new ParseThenNormalize(address, FETCHED_AT, ZoneId.of("Europe/Paris"));
			ParsedFeed feed = reading.feed(document.bytes(), document.header("content-type"));
			List<Item> items = new ArrayList<>();
			for (RawItem raw : feed.items()) {
				// Most of the items left out have neither title nor text (an empty <abbr>, an image alone): the
				// service leaves them out, and their summary is checked with a title of our own.
				items.add(reading.item(raw).or(() -> reading.item(titled(raw))).orElseThrow());
			}
			readings.add(new Reading(document, address, feed, items));
		}
	}

	@Test
	void readsEveryDocumentOfTheFolder() {
		assertThat(readings).hasSize(745);
		assertThat(readings).filteredOn((reading) -> reading.items().isEmpty()).hasSize(165);
		assertThat(readings.stream().mapToInt((reading) -> reading.items().size()).sum()).isEqualTo(594);
	}

	@Test
	void everySummaryWeKeepIsSafeWhenABrowserParsesIt() {
		assertThat(foundInEveryItem((item) -> RepublishedHtml.problems(item.summaryHtml()))).isEmpty();
	}

	@Test
	void plainTextSummariesAndTitlesHoldNoMarkup() {
		assertThat(foundInEveryItem((item) -> RepublishedHtml.markupIn(item.summaryText()))).isEmpty();
		assertThat(foundInEveryItem((item) -> RepublishedHtml.markupIn(item.title()))).isEmpty();
	}

	/** What a check finds in the items of every document, each with the document's name. */
	private static List<String> foundInEveryItem(Function<Item, List<String>> check) {
		List<String> found = new ArrayList<>();
		for (Reading reading : readings) {
			for (Item item : reading.items()) {
				for (String finding : check.apply(item)) {
					found.add(reading.document().name() + ": " + finding + " in " + item);
				}
			}
		}
		return found;
	}

	@Test
	void differsFromFeedparserOnlyWhereWeMeanTo() {
		Map<String, Set<String>> differences = new TreeMap<>();
		for (Reading reading : readings) {
			Matcher expected = EXPECTED_SUMMARY.matcher(reading.document().expect());
			if (expected.find() && reading.items().size() == 1) {
				for (String kind : differences(reading, pythonStrings(expected.group(2)))) {
					differences.computeIfAbsent(kind, (k) -> new TreeSet<>()).add(reading.document().name());
				}
			}
		}
		Set<String> deliberate = new TreeSet<>();
		DELIBERATE.forEach((difference) -> deliberate.addAll(difference.kinds()));
		Map<String, Set<String>> unmeant = new TreeMap<>(differences);
		unmeant.keySet().removeAll(deliberate);
		assertThat(unmeant).as("differences not meant, by kind, with the documents that show them").isEmpty();
		assertThat(differences.keySet()).as("deliberate differences that no document shows").containsAll(deliberate);
	}

	/**
	 * How our summary of a document differs from feedparser's, by kind: {@code dropped <td>}, {@code kept [rel]},
	 * {@code text in <iframe>}; both parsed as a browser parses them, each empty element given a word of text.
	 */
	private static Set<String> differences(Reading reading, String theirs) {
		String raw = reading.feed().items().get(0).summaryHtml();
		if (raw == null) {
			return Set.of("not read");
		}
		Document theirsFilled = Jsoup.parseBodyFragment(withText(theirs));
		String ours = CLEANER.summary(withText(raw), reading.address()).html();
		if (ours.isEmpty() && theirsFilled.body().text().isBlank()) {
			// Markup alone, an image without source, line breaks: the item has nothing to show, either way.
			return theirsFilled.body().children().isEmpty() ? Set.of() : Set.of("nothing to read");
		}
		Set<String> differences = new TreeSet<>();
		Set<String> theirKinds = kinds(theirsFilled);
		Set<String> ourKinds = kinds(Jsoup.parseBodyFragment(ours));
		for (String kind : theirKinds) {
			if (!ourKinds.contains(kind)) {
				differences.add("dropped " + kind);
			}
		}
		for (String kind : ourKinds) {
			if (!theirKinds.contains(kind)) {
				differences.add("kept " + kind);
			}
		}
		String theirText = Jsoup.parseBodyFragment(theirs).body().text();
		String ourText = reading.items().get(0).summaryText();
		if (!theirText.equals(ourText)) {
			differences.add(textDifference(raw, theirText, ourText));
		}
		return differences;
	}

	/**
	 * The outermost elements of the document whose text one of us shows and the other does not: {@code text in
	 * <iframe>}, or {@code text} when no element's text tells.
	 */
	private static String textDifference(String raw, String theirText, String ourText) {
		Set<String> holders = new TreeSet<>();
		List<Element> held = new ArrayList<>();
		Element root = Jsoup.parseBodyFragment(raw).body();
		for (Element element : root.getAllElements()) {
			// An iframe's content is text to the parser, and may be markup to feedparser's: read as HTML.
			String text = Jsoup.parseBodyFragment(element.wholeText() + element.data()).body().text();
			String start = text.substring(0, Math.min(text.length(), 20));
			if (element != root && !start.isEmpty() && theirText.contains(start) != ourText.contains(start)
					&& element.parents().stream().noneMatch(held::contains)) {
				held.add(element);
				holders.add("<" + element.normalName() + ">");
			}
		}
		return holders.isEmpty() ? "text" : "text in " + String.join(" ", holders);
	}

	/** The element and attribute kinds of a parsed fragment: {@code <td>}, {@code [colspan]}. */
	private static Set<String> kinds(Document parsed) {
		Set<String> kinds = new TreeSet<>();
		for (Element element : parsed.body().getAllElements()) {
			if (element == parsed.body()) {
				continue;
			}
			kinds.add("<" + element.normalName() + ">");
			for (Attribute attribute : element.attributes()) {
				kinds.add("[" + attribute.getKey() + "]");
			}
		}
		return kinds;
	}

	/** The HTML with a word in each empty element that can hold one (a row and a cell in an empty table). */
	private static String withText(String html) {
		Document parsed = Jsoup.parseBodyFragment(html);
		for (Element element : parsed.body().getAllElements()) {
			if (element != parsed.body() && element.childNodeSize() == 0 && !element.tag().isEmpty()) {
				if (element.normalName().equals("table")) {
					element.append("<tr><td>x</td></tr>");
				}
				else {
					element.appendText("x");
				}
			}
		}
		return parsed.body().html();
	}

	/** A Python expression of string literals joined by {@code +}, as the {@code Expect:} lines write them. */
	static String pythonStrings(String expression) {
		StringBuilder value = new StringBuilder();
		int i = 0;
		while (i < expression.length()) {
			char c = expression.charAt(i);
			if (c == 'u' || c == 'U' || c == '+' || Character.isWhitespace(c)) {
				i++;
				continue;
			}
			String quote = expression.startsWith("'''", i) || expression.startsWith("\"\"\"", i)
					? expression.substring(i, i + 3) : String.valueOf(c);
			int start = i + quote.length();
			int end = start;
			while (!expression.startsWith(quote, end)) {
				end += (expression.charAt(end) == '\\') ? 2 : 1;
			}
			value.append(FeedparserCorpus.pythonString(expression.substring(start, end)));
			i = end + quote.length();
		}
		return value.toString();
	}

	private static RawItem titled(RawItem raw) {
		return new RawItem(raw.guid(), "Titre", raw.link(), raw.summaryHtml(), raw.published(), raw.publishedText(),
				raw.categories(), raw.linkBase(), raw.summaryBase(), raw.author(), raw.language());
	}

	/** Kinds of difference with feedparser that we mean, and why. */
	record Deliberate(String why, List<String> kinds) {

		Deliberate(String why, String... kinds) {
			this(why, List.of(kinds));
		}

	}

	/** One document as read: its feed and the items the normalizer made of it. */
	private record Reading(FeedparserCorpus.Case document, URI address, ParsedFeed feed, List<Item> items) {
	}

}

package fr.manchette.parse;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.manchette.config.TickerSelectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Reads the headlines of a page that has no feed (a "fil info" in a sidebar) with the CSS selectors of its
 * {@code select} block. The text is decoded as a feed's is ({@link FeedText}: the Content-Type, else the page's
 * {@code <meta charset>}, checked against the bytes, so that a windows-1252 page comes out right); links and pictures
 * are made absolute against the page's address (or its {@code <base href>}); times are read by {@link TickerTime}.
 * <p>
 * A page on which the selectors find nothing is an error, not an empty source: the site changed its markup, and the
 * operator must hear of it.
 */
@Component
public class TickerPageParser {

	/** Headlines kept per page, the first in page order: no ticker shows more; a page that does is a wrong selector. */
	static final int MAX_ITEMS = 1000;

	/**
	 * @param body the page as fetched
	 * @param contentType its Content-Type, for the charset
	 * @param url where it came from, after redirects
	 * @param select the source's selectors
	 * @param now when it was fetched: "19:35" is today's or yesterday's depending on it
	 * @throws FeedParseException when the selectors find no item, or no title in any item
	 */
	public TickerPage parse(byte[] body, @Nullable String contentType, URI url, TickerSelectors select, Instant now)
			throws FeedParseException {
		return parse(body, contentType, url, select, now, false);
	}

	/**
	 * The same, of a body that may have been cut short.
	 * @param cut true when the connection ended before the body did: the page's last item is left out, since the cut
	 * may have gone through it (its headline or its link half there). XML says where an element ends and a feed's
	 * reader keeps only the items it closed; an HTML parser closes whatever is open when the bytes end.
	 */
	public TickerPage parse(byte[] body, @Nullable String contentType, URI url, TickerSelectors select, Instant now,
			boolean cut) throws FeedParseException {
		Assert.notNull(url, "url must not be null");
		Assert.notNull(select, "select must not be null");
		Document page = HtmlPages.parse(body, contentType, url);
		Elements items = page.select(select.item());
		if (cut && !items.isEmpty()) {
			items.remove(items.size() - 1);
		}
		if (items.isEmpty()) {
			// A server that answers 200 with nothing is not a redesign: the selectors are not what to fix.
			throw FeedParseException.nothingMatched(blank(body) ? ParseDetail.EMPTY_BODY.with()
					: ParseDetail.NO_ITEM_MATCHED.with(select.item()));
		}
		TickerTime times = new TickerTime(select);
		String pageUrl = withoutFragment(page.location().isEmpty() ? url.toString() : page.location());
		List<TickerEntry> entries = new ArrayList<>();
		for (Element item : items) {
			TickerEntry entry = entry(item, select, times, now, pageUrl);
			if (entry != null) {
				entries.add(entry);
			}
			if (entries.size() == MAX_ITEMS) {
				break;
			}
		}
		if (entries.isEmpty()) {
			throw FeedParseException
				.nothingMatched(ParseDetail.NO_TITLE_MATCHED.with(select.title(), items.size(), select.item()));
		}
		String title = page.title().isBlank() ? null : page.title().strip();
		Element html = page.selectFirst("html");
		String language = (html != null) ? html.attr("lang").strip() : "";
		return new TickerPage(title, url.toString(), entries, language.isEmpty() ? null : language);
	}

	private static @Nullable TickerEntry entry(Element item, TickerSelectors select, TickerTime times, Instant now,
			String pageUrl) {
		Element title = title(item, select.title());
		if (title == null) {
			return null;
		}
		Element time = first(item, select.time());
		Element date = first(item, select.date());
		String timeText = text(time);
		String dateText = text(date);
		String link = link(item, title, first(item, select.link()), pageUrl);
		String summary = summary(first(item, select.summary()));
		String image = image(first(item, select.image()));
		// Read, then taken out of the title they sit in: <a><time>19:35</time> Titre</a> is titled "Titre".
		for (Element shown : new Element[] { time, date }) {
			if (shown != null && shown != title && title.getAllElements().contains(shown)) {
				shown.remove();
			}
		}
		if (title.text().isBlank()) {
			return null;
		}
		return new TickerEntry(title.html(), link, timeText, dateText, summary, image,
				times.instant(timeText, dateText, now), machineDate(time, date));
	}

	/**
	 * The first element the title selector matches that has text: a ticker's item often links its thumbnail first,
	 * {@code <a><img></a> <a>Titre</a>}, and {@code title: a} means the headline.
	 */
	private static @Nullable Element title(Element item, String selector) {
		for (Element title : item.select(selector)) {
			if (!title.text().isBlank()) {
				return title;
			}
		}
		return null;
	}

	private static @Nullable Element first(Element item, @Nullable String selector) {
		return (selector != null) ? item.selectFirst(selector) : null;
	}

	private static @Nullable String text(@Nullable Element element) {
		if (element == null) {
			return null;
		}
		String text = TickerTime.spaced(element.text());
		return text.isEmpty() ? null : text;
	}

	/**
	 * The link element's {@code href}, or the first link inside it; without a link selector, the title's link, the
	 * link around the title, or the item's first link. A link back to the page itself ({@code href="#"}) is none.
	 */
	private static @Nullable String link(Element item, Element title, @Nullable Element chosen, String pageUrl) {
		Element anchor;
		if (chosen != null) {
			anchor = chosen.hasAttr("href") ? chosen : chosen.selectFirst("a[href]");
		}
		else {
			anchor = title.is("a[href]") ? title : title.selectFirst("a[href]");
			for (Element parent = title.parent(); anchor == null && parent != null; parent = parent.parent()) {
				if (parent.is("a[href]")) {
					anchor = parent;
				}
				if (parent == item) {
					break;
				}
			}
			if (anchor == null) {
				anchor = item.is("a[href]") ? item : item.selectFirst("a[href]");
			}
		}
		if (anchor == null) {
			return null;
		}
		String url = httpUrl(anchor.absUrl("href"));
		return (url == null || withoutFragment(url).equals(pageUrl)) ? null : url;
	}

	private static @Nullable String summary(@Nullable Element summary) {
		if (summary == null || summary.text().isBlank()) {
			return null;
		}
		for (Element linked : summary.select("[href]")) {
			linked.attr("href", linked.absUrl("href"));
		}
		for (Element embedded : summary.select("[src]")) {
			embedded.attr("src", embedded.absUrl("src"));
		}
		return summary.html();
	}

	/** An {@code img}, or the first one inside the element; lazy-loading pages keep the real address aside. */
	private static @Nullable String image(@Nullable Element element) {
		Element img = (element == null || element.is("img")) ? element : element.selectFirst("img");
		if (img == null) {
			return null;
		}
		LazyImages.showSource(img);
		return httpUrl(img.absUrl("src"));
	}

	/** {@code <time datetime="2025-05-16T19:35:00+01:00">}: the page's own machine-readable date, when it has one. */
	private static @Nullable String machineDate(@Nullable Element... elements) {
		for (Element element : elements) {
			if (element != null && element.is("time[datetime]")) {
				String datetime = element.attr("datetime").strip();
				// A date with a time; "19:35" alone or "2025-05-16" alone says less than the text read with the rules.
				if (datetime.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*")) {
					return datetime;
				}
			}
		}
		return null;
	}

	private static boolean blank(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	/** The address if it is http(s): not {@code javascript:}, {@code mailto:} or a {@code data:} placeholder. */
	static @Nullable String httpUrl(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return (lower.startsWith("http://") || lower.startsWith("https://")) ? url : null;
	}

	private static String withoutFragment(String url) {
		int hash = url.indexOf('#');
		return (hash < 0) ? url : url.substring(0, hash);
	}

}

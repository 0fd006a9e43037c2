package fr.manchette.parse;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A feed document as parsed: its own title and link, and its items in document order.
 *
 * @param format what it was, e.g. {@code rss_2.0}, {@code atom_1.0} or {@code json_1.1}
 * @param link the feed's own link (a JSON Feed's {@code home_page_url}), as written: possibly relative
 * @param updatePeriod how often the feed says it changes (RSS {@code <ttl>}, {@code sy:updatePeriod} and
 * {@code sy:updateFrequency}), if it says
 * @param hubs the WebSub hubs the feed announces ({@code rel="hub"} links of Atom and of RSS's {@code atom:link},
 * a JSON Feed's {@code hubs} of type WebSub), as written, in document order
 * @param self the feed's own canonical address ({@code rel="self"}, a JSON Feed's {@code feed_url}), as written: the
 * WebSub topic
 * @param endedEarly true when the document ended before its root element or object closed (a connection closed
 * in the middle of a body that gave no length, a file cut at a fixed size on the server): {@code items} are those
 * that came whole, and the rest of the feed was not seen
 */
public record ParsedFeed(String format, @Nullable String title, @Nullable String link, List<RawItem> items,
		@Nullable Duration updatePeriod, List<String> hubs, @Nullable String self, boolean endedEarly) {

	public ParsedFeed {
		items = List.copyOf(items);
		hubs = List.copyOf(hubs);
	}

	/** A whole document. */
	public ParsedFeed(String format, @Nullable String title, @Nullable String link, List<RawItem> items,
			@Nullable Duration updatePeriod, List<String> hubs, @Nullable String self) {
		this(format, title, link, items, updatePeriod, hubs, self, false);
	}

	/** A whole document that announces no hub and no address of its own. */
	public ParsedFeed(String format, @Nullable String title, @Nullable String link, List<RawItem> items,
			@Nullable Duration updatePeriod) {
		this(format, title, link, items, updatePeriod, List.of(), null);
	}

	/**
	 * This feed without its items: what a poll keeps of it once they are normalized, so that their raw text is not
	 * held while the poll is stored.
	 */
	public ParsedFeed withoutItems() {
		return new ParsedFeed(this.format, this.title, this.link, List.of(), this.updatePeriod, this.hubs, this.self,
				this.endedEarly);
	}

	/** This feed, read from a document that ended early. */
	ParsedFeed asEndedEarly() {
		return new ParsedFeed(this.format, this.title, this.link, this.items, this.updatePeriod, this.hubs, this.self,
				true);
	}

}

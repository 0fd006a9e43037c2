package fr.manchette.parse;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A ticker page as its selectors read it.
 *
 * @param title the page's {@code <title>}
 * @param link the page's address, after redirects
 * @param entries its headlines, in page order, never empty
 */
public record TickerPage(@Nullable String title, String link, List<TickerEntry> entries) {

	public TickerPage {
		entries = List.copyOf(entries);
	}

	/** The page as a feed: what the stages after parse take from any source. */
	public ParsedFeed asFeed() {
		return new ParsedFeed("html", this.title, this.link, this.entries.stream().map(TickerEntry::toRawItem).toList(),
				null);
	}

}

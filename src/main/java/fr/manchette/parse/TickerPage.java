package fr.manchette.parse;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A ticker page as its selectors read it.
 *
 * @param title the page's {@code <title>}
 * @param link the page's address, after redirects
 * @param entries its headlines, in page order, never empty
 * @param language the page's declared language ({@code <html lang>}), if it says
 */
public record TickerPage(@Nullable String title, String link, List<TickerEntry> entries, @Nullable String language) {

	public TickerPage {
		entries = List.copyOf(entries);
	}

	/** A page that declares no language. */
	public TickerPage(@Nullable String title, String link, List<TickerEntry> entries) {
		this(title, link, entries, null);
	}

	/** The page as a feed: what the stages after parse take from any source. */
	public ParsedFeed asFeed() {
		return new ParsedFeed("html", this.title, this.link, this.entries.stream().map((entry) -> entry.toRawItem(this.language)).toList(),
				null);
	}

}

package fr.manchette.parse;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A feed document as parsed: its own title and link, and its items in document order.
 *
 * @param format what it was, e.g. {@code rss_2.0} or {@code atom_1.0}
 */
public record ParsedFeed(String format, @Nullable String title, @Nullable String link, List<RawItem> items) {

	public ParsedFeed {
		items = List.copyOf(items);
	}

}

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
 */
public record ParsedFeed(String format, @Nullable String title, @Nullable String link, List<RawItem> items,
		@Nullable Duration updatePeriod) {

	public ParsedFeed {
		items = List.copyOf(items);
	}

}

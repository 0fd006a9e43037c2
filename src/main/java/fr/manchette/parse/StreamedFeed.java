package fr.manchette.parse;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the tree's readers ({@link CommonFormatReader}, {@link ItemElements}, {@link FeedHubs}, {@link UpdatePeriod})
 * give for a document that {@link StreamedRss} or {@link StreamedAtom} read without a tree.
 *
 * @param feed the feed and its entries, as Rome would read them
 * @param items what Rome does not keep of each entry, in the same order
 * @param hubs the WebSub links
 * @param period how often the feed says it changes
 */
record StreamedFeed(CommonFormatReader.Feed feed, List<ItemElements> items, FeedHubs hubs,
		@Nullable Duration period) {
}

package fr.manchette.parse;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

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

	/**
	 * Whether a streamed reader read the whole document: not when {@link SafeXml} would not read it at once or refused
	 * it, nor when the reader stopped ({@link NotRead}) or failed. The document is then read from its tree, the way it
	 * always went.
	 */
	static boolean readWhole(FeedText.Utf8Start text, ContentHandler reader) {
		try {
			return SafeXml.readUnprepared(text, reader);
		}
		catch (SAXException | IOException | RuntimeException ex) {
			return false;
		}
	}

}

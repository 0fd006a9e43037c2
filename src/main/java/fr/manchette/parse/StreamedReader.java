package fr.manchette.parse;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What {@link StreamedRss} and {@link StreamedAtom} share as the handler of the parser's events: how a document is
 * read, the text of the element being read ({@link GatheredText}) and what they read alike of the channel
 * ({@link StreamedChannel}). A base, not a part, since the parser calls the handler itself; each reader adds its
 * format's elements. One document a reader.
 */
abstract class StreamedReader extends DefaultHandler {

	final GatheredText text = new GatheredText();

	final StreamedChannel channel = new StreamedChannel();

	/**
	 * The document as the tree's readers would read it, or null when it is left to the tree: when {@link SafeXml} would
	 * not read it at once or refused it, or the reader stopped ({@link NotRead}) or failed. It has then not been read
	 * as far as {@link FeedParser} is concerned, and goes the way it always went.
	 */
	final @Nullable StreamedFeed read(FeedText.Utf8Start document) {
		try {
			return SafeXml.readUnprepared(document, this) ? feed() : null;
		}
		catch (SAXException | IOException | RuntimeException ex) {
			return null;
		}
	}

	/** The feed, once the whole document has been read; null when it is left to the tree after all. */
	abstract @Nullable StreamedFeed feed();

	@Override
	public final void characters(char[] ch, int start, int length) {
		this.text.characters(ch, start, length);
	}

}

package fr.manchette.parse;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;

/**
 * What {@link StreamedRss} and {@link StreamedAtom} read alike of a feed: its WebSub links ({@link FeedHubs}), how
 * often it says it changes ({@link UpdatePeriod}), and each item as the tree's readers give it; and the
 * {@link StreamedFeed} made of them.
 */
final class StreamedChannel {

	private final FeedHubs.Links links = new FeedHubs.Links();

	private @Nullable String ttl;

	private @Nullable String updatePeriod;

	private @Nullable String updateFrequency;

	private final List<EntryValues> entries = new ArrayList<>();

	private final List<ItemElements> items = new ArrayList<>();

	/** A link element of the channel (or feed): its rel and href attributes without namespace. */
	void link(Attributes attributes) {
		this.links.add(attributes.getValue("", "rel"), attributes.getValue("", "href"));
	}

	/**
	 * The text of a child of the channel (or feed): its first {@code ttl}, and its first {@code updatePeriod} and
	 * {@code updateFrequency} of the syndication module, are kept; any other is not read here.
	 */
	void periodText(GatheredText text, String value) {
		switch (text.name()) {
			case "ttl" -> this.ttl = (this.ttl == null) ? value : this.ttl;
			case "updatePeriod" -> this.updatePeriod = (this.updatePeriod == null && text.isSyndication()) ? value
					: this.updatePeriod;
			case "updateFrequency" -> this.updateFrequency = (this.updateFrequency == null && text.isSyndication())
					? value : this.updateFrequency;
			default -> {
			}
		}
	}

	/** Whether as many items have been read as the parser keeps: one more is left to the tree. */
	boolean full() {
		return this.items.size() == FeedParser.MAX_ITEMS;
	}

	/** An item as {@link CommonFormatReader} and {@link ItemElements} read it. */
	void add(EntryValues entry, ItemElements item) {
		this.entries.add(entry);
		this.items.add(item);
	}

	/** The feed as the tree's readers would give it, of its type and with what the reader read of its own. */
	StreamedFeed feed(String type, @Nullable String title, @Nullable String link, @Nullable String language) {
		return new StreamedFeed(new CommonFormatReader.Feed(type, title, link, language, this.entries), this.items,
				this.links.hubs(), UpdatePeriod.of(GatheredText.trimmed(this.ttl),
						GatheredText.trimmed(this.updatePeriod), GatheredText.trimmed(this.updateFrequency)));
	}

}

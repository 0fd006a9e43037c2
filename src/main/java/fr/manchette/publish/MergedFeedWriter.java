package fr.manchette.publish;

import java.time.Instant;
import java.util.List;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.Story;
import org.springframework.stereotype.Component;

/**
 * Writes the merged feed as RSS 2.0 ({@link RssChannel}) and Atom 1.0 ({@link AtomFeed}) through Rome's output side.
 * Each story appears once, under its lead item, with the other sources that told it as extra links; what every format
 * says alike is {@link ItemLabels}' and {@link FeedTitle}'s.
 */
@Component
public class MergedFeedWriter {

	private final CurrentFeeds feeds;

	MergedFeedWriter(CurrentFeeds feeds) {
		this.feeds = feeds;
	}

	/** @param filters what the list was asked with: ranked à la une, a "top stories" feed, and narrowed, so titled */
	public String rss(List<Story> stories, FeedLinks links, Instant updated, PageFilters filters) {
		return RssChannel.write(stories, links, updated, filters, this.feeds.get());
	}

	/** @param filters what the list was asked with: ranked à la une, a "top stories" feed, and narrowed, so titled */
	public String atom(List<Story> stories, FeedLinks links, Instant updated, PageFilters filters) {
		return AtomFeed.write(stories, links, updated, filters, this.feeds.get());
	}

}

package fr.manchette.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.store.StoredItem;
import fr.manchette.store.Story;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The merged feed as RSS 2.0 ({@link MergedFeedWriter}): an item per story, the other sources that told it named in
 * its description, each item's language in Dublin Core's element.
 */
final class RssChannel {

	private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

	private RssChannel() {
	}

	static String write(List<Story> stories, FeedLinks links, Instant updated, PageFilters filters,
			FeedsFile config) {
		boolean une = filters.une();
		Channel channel = new Channel("rss_2.0");
		channel.setEncoding("UTF-8");
		channel.setTitle(FeedTitle.of(une).title(filters.scope(config)));
		channel.setLink(links.site());
		channel.setDescription(FeedTitle.of(une).description());
		channel.setLanguage("fr");
		channel.setGenerator(FeedTitle.LATEST.title());
		channel.setLastBuildDate(Date.from(updated));
		Element self = new Element("link", ATOM);
		self.setAttribute("href", links.self());
		self.setAttribute("rel", "self");
		self.setAttribute("type", "application/rss+xml");
		List<Element> atomLinks = new ArrayList<>(List.of(self));
		for (String hub : links.hubs()) {
			Element link = new Element("link", ATOM);
			link.setAttribute("href", hub);
			link.setAttribute("rel", "hub");
			atomLinks.add(link);
		}
		channel.setForeignMarkup(atomLinks);
		channel.setItems(stories.stream().map((story) -> item(story, config, une, links.site())).toList());
		return output(channel);
	}

	private static Item item(Story story, FeedsFile config, boolean une, String site) {
		StoredItem lead = story.lead();
		Source source = config.source(lead.sourceId()).orElse(null);
		Item item = new Item();
		item.setTitle(XmlText.legal(lead.title()));
		item.setLink((lead.link() != null) ? XmlText.legal(lead.link()) : null);
		Guid guid = new Guid();
		guid.setPermaLink(false);
		guid.setValue(ItemLabels.feedId(story));
		item.setGuid(guid);
		item.setPubDate(Date.from(lead.sortAt()));
		Description description = new Description();
		description.setType("text/html");
		description.setValue(XmlText.legal(lead.summaryHtml() + ItemLabels.alsoInHtml(story, config, une)));
		item.setDescription(description);
		if (source != null) {
			com.rometools.rome.feed.rss.Source rssSource = new com.rometools.rome.feed.rss.Source();
			rssSource.setUrl(ItemLabels.sourceFeed(source, site, "feed.rss"));
			rssSource.setValue(source.name());
			item.setSource(rssSource);
		}
		item.setCategories(ItemLabels.categories(lead, source).stream().map((name) -> {
			com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
			category.setValue(XmlText.legal(name));
			return category;
		}).toList());
		// Dublin Core's creator is what readers show as an item's author (RSS's own author is an e-mail address): the
		// source, as Atom's author and JSON Feed's are. RSS 2.0 has a language for the channel only: Dublin Core's says
		// each item's.
		DCModule dc = new DCModuleImpl();
		dc.setCreator(XmlText.legal(ItemLabels.sourceName(source, lead.sourceId())));
		if (lead.lang() != null) {
			dc.setLanguage(lead.lang());
		}
		item.setModules(new ArrayList<>(List.of(dc)));
		return item;
	}

	private static String output(Channel feed) {
		try {
			return new WireFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Rome refused the merged feed it was given", ex);
		}
	}

}

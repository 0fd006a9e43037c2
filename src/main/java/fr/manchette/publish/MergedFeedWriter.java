package fr.manchette.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.store.StoredItem;
import fr.manchette.store.Story;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes the merged feed as RSS 2.0 and Atom 1.0 through Rome's output side. Each story appears once, under its
 * lead item, with the other sources that told it as extra links.
 */
@Component
public class MergedFeedWriter {

	private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

	private final CurrentFeeds feeds;

	MergedFeedWriter(CurrentFeeds feeds) {
		this.feeds = feeds;
	}

	/** @param une whether the stories are ranked à la une: a "top stories" feed, so titled */
	public String rss(List<Story> stories, FeedLinks links, Instant updated, boolean une) {
		FeedsFile config = this.feeds.get();
		Channel channel = new Channel("rss_2.0");
		channel.setEncoding("UTF-8");
		channel.setTitle(FeedTitle.of(une).title());
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
		channel.setItems(stories.stream().map((story) -> rssItem(story, config, une)).toList());
		return write(channel);
	}

	/** @param une whether the stories are ranked à la une: a "top stories" feed, so titled */
	public String atom(List<Story> stories, FeedLinks links, Instant updated, boolean une) {
		FeedsFile config = this.feeds.get();
		Feed feed = new Feed("atom_1.0");
		feed.setEncoding("UTF-8");
		feed.setId(links.self());
		feed.setTitleEx(text(FeedTitle.of(une).title()));
		feed.setSubtitle(text(FeedTitle.of(une).description()));
		feed.setLanguage("fr");
		feed.setUpdated(Date.from(updated));
		feed.setAlternateLinks(new ArrayList<>(List.of(link(links.site(), "alternate", "text/html"))));
		List<Link> own = new ArrayList<>(List.of(link(links.self(), "self", "application/atom+xml")));
		links.hubs().forEach((hub) -> own.add(link(hub, "hub", null)));
		feed.setOtherLinks(own);
		feed.setEntries(stories.stream().map((story) -> atomEntry(story, config, une)).toList());
		return write(feed, stories.stream().map((story) -> story.lead().lang()).toList());
	}

	private static com.rometools.rome.feed.rss.Item rssItem(Story story, FeedsFile config, boolean une) {
		StoredItem lead = story.lead();
		Source source = config.source(lead.sourceId()).orElse(null);
		com.rometools.rome.feed.rss.Item item = new com.rometools.rome.feed.rss.Item();
		item.setTitle(lead.title());
		item.setLink(lead.link());
		Guid guid = new Guid();
		guid.setPermaLink(false);
		guid.setValue(ItemLabels.feedId(lead));
		item.setGuid(guid);
		item.setPubDate(Date.from(lead.sortAt()));
		Description description = new Description();
		description.setType("text/html");
		description.setValue(lead.summaryHtml() + alsoInHtml(story, config, une));
		item.setDescription(description);
		if (source != null) {
			com.rometools.rome.feed.rss.Source rssSource = new com.rometools.rome.feed.rss.Source();
			rssSource.setUrl(source.url().toString());
			rssSource.setValue(source.name());
			item.setSource(rssSource);
		}
		item.setCategories(ItemLabels.categories(lead, source).stream().map((name) -> {
			com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
			category.setValue(name);
			return category;
		}).toList());
		if (lead.lang() != null) {
			// RSS 2.0 has a language for the channel only: Dublin Core's says each item's.
			DCModule dc = new DCModuleImpl();
			dc.setLanguage(lead.lang());
			item.setModules(new ArrayList<>(List.of(dc)));
		}
		return item;
	}

	private static Entry atomEntry(Story story, FeedsFile config, boolean une) {
		StoredItem lead = story.lead();
		Source source = config.source(lead.sourceId()).orElse(null);
		Entry entry = new Entry();
		entry.setId(ItemLabels.feedId(lead));
		entry.setTitleEx(text(lead.title()));
		if (lead.link() != null) {
			entry.setAlternateLinks(new ArrayList<>(List.of(link(lead.link(), "alternate", "text/html"))));
		}
		List<Link> related = new ArrayList<>();
		for (StoredItem other : story.others()) {
			if (other.link() != null && !other.link().equals(lead.link())) {
				Link link = link(other.link(), "related", "text/html");
				link.setTitle(ItemLabels.sourceName(config, other.sourceId()));
				related.add(link);
			}
		}
		entry.setOtherLinks(related);
		entry.setPublished(Date.from(lead.sortAt()));
		// Updated only once its content changed after we first saw it; until then, when it was published.
		entry.setUpdated(Date.from(lead.updatedAt().isAfter(lead.firstSeenAt()) ? lead.updatedAt() : lead.sortAt()));
		Person author = new Person();
		author.setName(ItemLabels.sourceName(source, lead.sourceId()));
		entry.setAuthors(new ArrayList<>(List.of(author)));
		String summary = lead.summaryHtml() + alsoInHtml(story, config, une);
		if (!summary.isBlank()) {
			Content content = new Content();
			content.setType("html");
			content.setValue(summary);
			entry.setSummary(content);
		}
		entry.setCategories(ItemLabels.categories(lead, source).stream().map((name) -> {
			Category category = new Category();
			category.setTerm(name);
			return category;
		}).toList());
		if (source != null) {
			Feed origin = new Feed();
			origin.setId(source.url().toString());
			origin.setTitleEx(text(source.name()));
			origin.setOtherLinks(new ArrayList<>(List.of(link(source.url().toString(), "self", null))));
			entry.setSource(origin);
		}
		return entry;
	}

	/** A line naming the other sources, for readers that show only the summary. */
	private static String alsoInHtml(Story story, FeedsFile config, boolean une) {
		List<String> links = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (StoredItem other : story.others()) {
			if (other.sourceId().equals(story.lead().sourceId()) || seen.contains(other.sourceId())) {
				continue;
			}
			seen.add(other.sourceId());
			String name = Entities.escape(ItemLabels.sourceName(config, other.sourceId()));
			links.add((other.link() != null) ? "<a href=\"" + Entities.escape(other.link()) + "\">" + name + "</a>"
					: name);
		}
		// Ranked à la une, a story says how many sources it ranks by: those within the window.
		String count = (une && story.sources() > 1) ? "Repris par " + story.sources() + " sources. " : "";
		return links.isEmpty() ? "" : "<p>" + count + "Aussi dans : " + String.join(", ", links) + "</p>";
	}

	private static Content text(String value) {
		Content content = new Content();
		content.setType("text");
		content.setValue(value);
		return content;
	}

	private static Link link(String href, String rel, @Nullable String type) {
		Link link = new Link();
		link.setHref(href);
		link.setRel(rel);
		link.setType(type);
		return link;
	}

	private static String write(WireFeed feed) {
		try {
			return new WireFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Rome refused the merged feed it was given", ex);
		}
	}

	/**
	 * Writes an Atom feed with each entry's {@code xml:lang}, which Rome's model has no place for: set on its
	 * document, in entry order, then written as Rome writes it.
	 */
	private static String write(Feed feed, List<@Nullable String> languages) {
		try {
			Document document = new WireFeedOutput().outputJDom(feed);
			List<Element> entries = document.getRootElement().getChildren("entry", document.getRootElement().getNamespace());
			for (int i = 0; i < entries.size() && i < languages.size(); i++) {
				if (languages.get(i) != null) {
					entries.get(i).setAttribute("lang", languages.get(i), Namespace.XML_NAMESPACE);
				}
			}
			Format format = Format.getPrettyFormat();
			format.setEncoding(feed.getEncoding());
			return new XMLOutputter(format).outputString(document);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Rome refused the merged feed it was given", ex);
		}
	}

}

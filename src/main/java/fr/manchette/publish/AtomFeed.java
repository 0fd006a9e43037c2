package fr.manchette.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.store.StoredItem;
import fr.manchette.store.Story;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jspecify.annotations.Nullable;

/**
 * The merged feed as Atom 1.0 ({@link MergedFeedWriter}): an entry per story, with the other sources that told it as
 * related links, each entry with its language.
 */
final class AtomFeed {

	private AtomFeed() {
	}

	static String write(List<Story> stories, FeedLinks links, Instant updated, PageFilters filters,
			FeedsFile config) {
		boolean une = filters.une();
		Feed feed = new Feed("atom_1.0");
		feed.setEncoding("UTF-8");
		feed.setId(links.self());
		feed.setTitleEx(text(FeedTitle.of(une).title(filters.scope(config))));
		feed.setSubtitle(text(FeedTitle.of(une).description()));
		feed.setLanguage("fr");
		feed.setUpdated(Date.from(updated));
		feed.setAlternateLinks(new ArrayList<>(List.of(link(links.site(), "alternate", "text/html"))));
		List<Link> own = new ArrayList<>(List.of(link(links.self(), "self", "application/atom+xml")));
		links.hubs().forEach((hub) -> own.add(link(hub, "hub", null)));
		feed.setOtherLinks(own);
		feed.setEntries(stories.stream().map((story) -> entry(story, config, une, links.site())).toList());
		return withLanguages(feed, stories.stream().map((story) -> story.lead().lang()).toList());
	}

	private static Entry entry(Story story, FeedsFile config, boolean une, String site) {
		StoredItem lead = story.lead();
		Source source = config.source(lead.sourceId()).orElse(null);
		Entry entry = new Entry();
		entry.setId(ItemLabels.feedId(story));
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
		String summary = lead.summaryHtml() + ItemLabels.alsoInHtml(story, config, une);
		Content content = new Content();
		content.setType("html");
		content.setValue(XmlText.legal(summary));
		if (lead.link() == null) {
			// RFC 4287 §4.1.1: an entry without an alternate link must have content; its summary is that content.
			entry.setContents(new ArrayList<>(List.of(content)));
		}
		else if (!summary.isBlank()) {
			entry.setSummary(content);
		}
		entry.setCategories(ItemLabels.categories(lead, source).stream().map((name) -> {
			Category category = new Category();
			category.setTerm(XmlText.legal(name));
			return category;
		}).toList());
		if (source != null) {
			Feed origin = new Feed();
			origin.setId(source.shownUrl());
			origin.setTitleEx(text(source.name()));
			origin.setOtherLinks(new ArrayList<>(List.of(link(ItemLabels.sourceFeed(source, site, "feed.atom"), "self",
					null))));
			if (source.type() == SourceType.HTML) {
				origin.setAlternateLinks(new ArrayList<>(List.of(link(source.shownUrl(), "alternate", "text/html"))));
			}
			entry.setSource(origin);
		}
		return entry;
	}

	private static Content text(String value) {
		Content content = new Content();
		content.setType("text");
		content.setValue(XmlText.legal(value));
		return content;
	}

	private static Link link(String href, String rel, @Nullable String type) {
		Link link = new Link();
		link.setHref(XmlText.legal(href));
		link.setRel(rel);
		link.setType(type);
		return link;
	}

	/**
	 * Writes an Atom feed with each entry's {@code xml:lang}, which Rome's model has no place for: set on its
	 * document, in entry order, then written as Rome writes it.
	 */
	private static String withLanguages(Feed feed, List<@Nullable String> languages) {
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

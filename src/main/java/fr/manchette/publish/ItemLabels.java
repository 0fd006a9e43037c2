package fr.manchette.publish;

import java.util.ArrayList;
import java.util.List;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.store.StoredItem;
import fr.manchette.store.Story;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * What every published document says of an item the same way, whatever its format: its id in a feed, the name of
 * its source, its categories, and the other sources that told its story.
 */
final class ItemLabels {

	private ItemLabels() {
	}

	/**
	 * The id of a story's entry (RSS guid, Atom id, JSON Feed id), stable across polls and restarts: the identity in
	 * its source of the story's first item stored here (the lowest row id of those listed), most often its lead. Not
	 * the lead's own: an item that arrives later with an earlier date becomes the lead, and a reader, which knows an
	 * entry by its id alone, would list the story again as new.
	 */
	static String feedId(Story story) {
		StoredItem first = story.lead();
		for (StoredItem other : story.others()) {
			if (other.id() < first.id()) {
				first = other;
			}
		}
		return "urn:manchette:item:" + first.sourceId() + ":" + first.itemKey();
	}

	/** The source's name in feeds.yml; its id when it is no longer there. */
	static String sourceName(FeedsFile config, String sourceId) {
		return config.source(sourceId).map(Source::name).orElse(sourceId);
	}

	/** The same, with the source looked up already ({@code null} when it is no longer in feeds.yml). */
	static String sourceName(@Nullable Source source, String sourceId) {
		return (source != null) ? source.name() : sourceId;
	}

	/**
	 * The feed a reader can follow for the source: its own, or, for a {@code type: html} page, which has none, the
	 * merged feed of its items here ({@code feed.atom?source=ID}), as the OPML lists it.
	 * @param site the service's address as the client asked for it, ending with a slash
	 * @param format the merged feed's path in the format asked for, {@code feed.atom} or {@code feed.rss}
	 */
	static String sourceFeed(Source source, String site, String format) {
		return (source.type() == SourceType.HTML) ? site + format + "?source=" + source.id() : source.shownUrl();
	}

	/**
	 * The source's category from feeds.yml first, then the item's own, each once whatever its case (a source filed
	 * under {@code environnement} whose items say {@code Environnement} shows one tag), in its first spelling.
	 */
	static List<String> categories(StoredItem item, @Nullable Source source) {
		List<String> names = new ArrayList<>();
		if (source != null && source.category() != null) {
			names.add(source.category());
		}
		for (String name : item.categories()) {
			if (names.stream().noneMatch(name::equalsIgnoreCase)) {
				names.add(name);
			}
		}
		return names;
	}

	/** A line naming the other sources, for readers that show only the summary. */
	static String alsoInHtml(Story story, FeedsFile config, boolean une) {
		List<String> links = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (StoredItem other : story.others()) {
			if (other.sourceId().equals(story.lead().sourceId()) || seen.contains(other.sourceId())) {
				continue;
			}
			seen.add(other.sourceId());
			String name = Entities.escape(sourceName(config, other.sourceId()));
			links.add((other.link() != null) ? "<a href=\"" + Entities.escape(other.link()) + "\">" + name + "</a>"
					: name);
		}
		// Ranked à la une, a story says how many sources it ranks by: those within the window.
		String count = (une && story.sources() > 1) ? "Repris par " + story.sources() + " sources. " : "";
		return links.isEmpty() ? "" : "<p>" + count + "Aussi dans : " + String.join(", ", links) + "</p>";
	}

}

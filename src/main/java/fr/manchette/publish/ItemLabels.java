package fr.manchette.publish;

import java.util.ArrayList;
import java.util.List;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.store.StoredItem;
import org.jspecify.annotations.Nullable;

/**
 * What every published document says of an item the same way, whatever its format: its id in a feed, the name of
 * its source, its categories.
 */
final class ItemLabels {

	private ItemLabels() {
	}

	/** The id (RSS guid, Atom id, JSON Feed id), stable across polls and restarts: the item's identity in its source. */
	static String feedId(StoredItem item) {
		return "urn:manchette:item:" + item.sourceId() + ":" + item.itemKey();
	}

	/** The source's name in feeds.yml; its id when it is no longer there. */
	static String sourceName(FeedsFile config, String sourceId) {
		return config.source(sourceId).map(Source::name).orElse(sourceId);
	}

	/** The same, with the source looked up already ({@code null} when it is no longer in feeds.yml). */
	static String sourceName(@Nullable Source source, String sourceId) {
		return (source != null) ? source.name() : sourceId;
	}

	/** The source's category from feeds.yml first, then the item's own, each once. */
	static List<String> categories(StoredItem item, @Nullable Source source) {
		List<String> names = new ArrayList<>();
		if (source != null && source.category() != null) {
			names.add(source.category());
		}
		item.categories().stream().filter((name) -> !names.contains(name)).forEach(names::add);
		return names;
	}

}

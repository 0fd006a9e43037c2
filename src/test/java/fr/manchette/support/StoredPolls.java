package fr.manchette.support;

import java.time.Instant;
import java.util.List;

import fr.manchette.dedup.AssignedItem;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.StoryAssigner;
import fr.manchette.normalize.Item;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.PollItems;
import fr.manchette.store.SaveResult;

/**
 * Stores a poll's items straight into the repository, each in a story of its own: for tests and benchmarks of the
 * store that are not about stories (those go through the pipeline's store step).
 */
public final class StoredPolls {

	private StoredPolls() {
	}

	public static SaveResult save(ItemRepository items, String sourceId, List<Item> poll, Instant seenAt) {
		PollItems sorted = items.sort(sourceId, new Deduplicator().identify(poll));
		List<AssignedItem> fresh = sorted.fresh()
			.stream()
			.map((item) -> new AssignedItem(item, StoryAssigner.sortAt(item, seenAt), item.fingerprint().storyKey()))
			.toList();
		int inserted = items.insert(sourceId, fresh, seenAt).size();
		return new SaveResult(inserted, items.update(sorted.edited(), seenAt));
	}

}

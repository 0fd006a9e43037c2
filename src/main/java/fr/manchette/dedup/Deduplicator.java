package fr.manchette.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.manchette.normalize.Item;
import org.springframework.stereotype.Component;

/**
 * Identifies the items of one fetch and keeps the first of those that a feed lists twice (same guid, or same link
 * when there is no guid): a feed that repeats itself must not count twice or fight with itself in one transaction.
 * Across polls, the store's unique keys do the rest; across sources, the store asks the {@link StoryMatcher}.
 */
@Component
public class Deduplicator {

	public List<IdentifiedItem> identify(List<Item> items) {
		return distinct(items.stream().map(IdentifiedItem::of).toList());
	}

	/** Items identified already (by the editorial step, which keys what it drops), the first of each key kept. */
	public List<IdentifiedItem> distinct(List<IdentifiedItem> items) {
		return distinct(items, new HashSet<>());
	}

	/**
	 * The same for one slice of a poll: {@code seen} holds the keys of the slices before, and takes this one's.
	 */
	public List<IdentifiedItem> distinct(List<IdentifiedItem> items, Set<String> seen) {
		List<IdentifiedItem> distinct = new ArrayList<>(items.size());
		for (IdentifiedItem one : items) {
			if (seen.add(one.fingerprint().itemKey())) {
				distinct.add(one);
			}
		}
		return distinct;
	}

}

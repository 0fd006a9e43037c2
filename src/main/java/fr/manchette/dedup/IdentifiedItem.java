package fr.manchette.dedup;

import java.util.List;

import fr.manchette.normalize.Item;

/**
 * An item with its identity, ready for the store.
 *
 * @param item the item
 * @param fingerprint who it is, and the key of its link
 * @param titleKey its headline as the story matcher compares it
 * @param bands the hashes by which the store's story index finds the headlines near it
 */
public record IdentifiedItem(Item item, Fingerprint fingerprint, TitleKey titleKey, List<Long> bands) {

	public IdentifiedItem {
		bands = List.copyOf(bands);
	}

	/** Identifies one item. */
	public static IdentifiedItem of(Item item) {
		TitleKey titleKey = TitleKey.of(item.title());
		return new IdentifiedItem(item, Fingerprint.of(item), titleKey, StoryBands.of(titleKey));
	}

}

package fr.manchette.dedup;

import fr.manchette.normalize.Item;

/** An item with its identity, ready for the store. */
public record IdentifiedItem(Item item, Fingerprint fingerprint) {

}

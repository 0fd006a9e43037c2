package fr.manchette.dedup;

import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;

/**
 * An item with its identity, ready for the store: who it is, and, worked out only when asked, what the story matcher
 * needs of its headline. Most items of a poll are already stored, unchanged: the store leaves them out before
 * anyone asks.
 */
public final class IdentifiedItem {

	private final Item item;

	private final Fingerprint fingerprint;

	private @Nullable TitleKey titleKey;

	private long @Nullable [] bands;

	private IdentifiedItem(Item item, Fingerprint fingerprint) {
		this.item = item;
		this.fingerprint = fingerprint;
	}

	/** Identifies one item. */
	public static IdentifiedItem of(Item item) {
		return new IdentifiedItem(item, Fingerprint.of(item));
	}

	/** The same item in another language: its identity and headline are those of this one. */
	public IdentifiedItem withLanguage(@Nullable String language) {
		IdentifiedItem other = new IdentifiedItem(this.item.withLanguage(language), this.fingerprint);
		other.titleKey = this.titleKey;
		other.bands = this.bands;
		return other;
	}

	/**
	 * The same item as a stored one of its source that it is under a new guid (see {@link RelabelledItems}): that
	 * one's item key and guid, its own content.
	 */
	IdentifiedItem relabelled(String itemKey, @Nullable String guid) {
		IdentifiedItem other = new IdentifiedItem(this.item.withGuid(guid),
				new Fingerprint(itemKey, this.fingerprint.linkKey()));
		other.titleKey = this.titleKey;
		other.bands = this.bands;
		return other;
	}

	/** The item. */
	public Item item() {
		return this.item;
	}

	/** Who it is, and the key of its link. */
	public Fingerprint fingerprint() {
		return this.fingerprint;
	}

	/** Its headline as the story matcher compares it. */
	public TitleKey titleKey() {
		TitleKey key = this.titleKey;
		if (key == null) {
			key = TitleKey.of(this.item.title());
			this.titleKey = key;
		}
		return key;
	}

	/**
	 * The hashes by which the story window finds the headlines near it ({@link StoryBands#hashes}): the array it
	 * keeps, handed on as it is, never written into.
	 */
	public long[] bands() {
		long[] hashes = this.bands;
		if (hashes == null) {
			hashes = StoryBands.hashes(titleKey());
			this.bands = hashes;
		}
		return hashes;
	}

	@Override
	public String toString() {
		return "IdentifiedItem[" + this.fingerprint + ", " + this.item.title() + "]";
	}

}

package fr.manchette.dedup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;

/**
 * Who an item is. {@code itemKey} identifies it within its source: its guid, else its canonical link, else its
 * title and date (so that an item lacking both guid and link is still kept, once). {@code linkKey} is what the
 * same article has in every source: its canonical link, with its AMP and mobile variants folded into one.
 *
 * @param itemKey SHA-256 (hex) of the identity, unique per source
 * @param linkKey SHA-256 (hex) of the folded canonical link; null when there is no link
 */
public record Fingerprint(String itemKey, @Nullable String linkKey) {

	public static Fingerprint of(Item item) {
		String itemKey = itemKeyOf(item.guid(), item.link());
		if (itemKey == null) {
			// The date only when the feed gave one: a stand-in fetch time would change at every poll.
			itemKey = sha256("title:" + item.title() + "|" + (item.publishedKnown() ? item.published() : ""));
		}
		String linkKey = (item.link() != null) ? linkKeyOf(item.link()) : null;
		return new Fingerprint(itemKey, linkKey);
	}

	/**
	 * The item key of an item with this guid (as cleaned) or, without one, this canonical link; null with neither,
	 * when its headline and date make it.
	 */
	public static @Nullable String itemKeyOf(@Nullable String guid, @Nullable URI link) {
		if (guid != null) {
			return sha256("guid:" + guid);
		}
		return (link != null) ? sha256("link:" + link) : null;
	}

	/** The link key of a canonical link: SHA-256 (hex) of it, its AMP and mobile variants folded. */
	public static String linkKeyOf(URI link) {
		return sha256("link:" + LinkVariants.fold(link));
	}

	/**
	 * The key of the story this item starts when it joins none: its link key, else its item key. Stable: the same
	 * as the story key of items stored before stories were matched, for links without variants.
	 */
	public String storyKey() {
		return (this.linkKey != null) ? this.linkKey : this.itemKey;
	}

	/** SHA-256 of the UTF-8 bytes, in lower-case hex. */
	public static String sha256(String text) {
		// digest() leaves the thread's digest as new.
		return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A digest per thread: two keys an item, and MessageDigest.getInstance looked up its provider and made one by
	 * reflection each time (half a kilobyte, and more CPU than the digest of a link).
	 */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	});

}

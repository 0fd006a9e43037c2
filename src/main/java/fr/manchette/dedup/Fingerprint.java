package fr.manchette.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import fr.manchette.normalize.Item;

/**
 * Who an item is. {@code itemKey} identifies it within its source: its guid, else its canonical link, else its
 * title and date (so that an item lacking both guid and link is still kept, once). {@code storyKey} groups the
 * items of several sources that tell the same story: their canonical link.
 *
 * @param itemKey SHA-256 (hex) of the identity, unique per source
 * @param storyKey SHA-256 (hex) of the canonical link, or {@code itemKey} when there is no link
 */
public record Fingerprint(String itemKey, String storyKey) {

	public static Fingerprint of(Item item) {
		String identity;
		if (item.guid() != null) {
			identity = "guid:" + item.guid();
		}
		else if (item.link() != null) {
			identity = "link:" + item.link();
		}
		else {
			// The date only when the feed gave one: a stand-in fetch time would change at every poll.
			identity = "title:" + item.title() + "|" + (item.publishedKnown() ? item.published() : "");
		}
		String itemKey = sha256(identity);
		String storyKey = (item.link() != null) ? sha256("link:" + item.link()) : itemKey;
		return new Fingerprint(itemKey, storyKey);
	}

	/** SHA-256 of the UTF-8 bytes, in lower-case hex. */
	public static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}

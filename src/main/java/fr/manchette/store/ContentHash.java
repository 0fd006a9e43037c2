package fr.manchette.store;

import java.util.HexFormat;
import java.util.List;

import fr.manchette.dedup.Fingerprint;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.normalize.Item;

/**
 * What an edit of an item changes, as the short value kept in {@code content_hash}: each poll that serves a stored
 * item again compares it with the one of what it serves now, and a difference makes the item an edit.
 * <p>
 * Nothing here needs a cryptographic hash, only to notice a change in one item's own fields: two 64-bit FNV-1a
 * hashes (different offsets and multipliers) of every field's characters, each field ended by U+FFFF, which no XML
 * text holds; 32 hex digits. Until it came, the value was SHA-256 of the fields joined: 9 µs an item with the quick
 * compiler the service runs, against 2 to 3 (items of the generated farm), paid for every new item and for every
 * stored item a feed serves again. A row stored then keeps its value until its item is edited, and is compared the
 * way it was written (64 hex digits).
 */
final class ContentHash {

	private static final long OFFSET_1 = 0xcbf29ce484222325L;

	private static final long PRIME_1 = 0x100000001b3L;

	private static final long OFFSET_2 = 0x84222325cbf29ce4L;

	/** Another odd multiplier (2^64 over the golden ratio), so that the two hashes do not move together. */
	private static final long PRIME_2 = 0x9e3779b97f4a7c15L;

	/** The length of a value written before this one: SHA-256 in hex. */
	private static final int SHA_256_HEX = 64;

	private static final String CATEGORY_SEPARATOR = "\n";

	/** What stands for the date of an item that its feed does not date. */
	private static final String UNDATED = "undated";

	private ContentHash() {
	}

	/** The value to store for this content. */
	static String of(IdentifiedItem identified) {
		Item item = identified.item();
		Hasher hasher = new Hasher();
		hasher.field(String.valueOf(item.guid()));
		hasher.field((item.link() != null) ? item.link().toString() : "null");
		hasher.field(item.title());
		hasher.field(item.summaryHtml());
		List<String> categories = item.categories();
		for (String category : categories) {
			hasher.field(category);
		}
		hasher.field(Integer.toString(categories.size()));
		// Only a date the feed gave: an undated item's stands in for it with the fetch time, which every poll moves, and
		// its every poll was an edit (the row rewritten, its words indexed again, the published documents renewed).
		hasher.field(item.publishedKnown() ? item.published().toString() : UNDATED);
		hasher.field(identified.fingerprint().storyKey());
		return hasher.hex();
	}

	/** Whether the stored value says this content, in whichever form it was written. */
	static boolean matches(String stored, IdentifiedItem identified) {
		return stored.equals((stored.length() == SHA_256_HEX) ? sha256(identified) : of(identified));
	}

	/** The value as written before: SHA-256 of the fields joined by NUL. */
	static String sha256(IdentifiedItem identified) {
		Item item = identified.item();
		String link = (item.link() != null) ? item.link().toString() : null;
		return Fingerprint.sha256(String.join("\u0000", String.valueOf(item.guid()), String.valueOf(link), item.title(),
				item.summaryHtml(), String.join(CATEGORY_SEPARATOR, item.categories()), item.published().toString(),
				identified.fingerprint().storyKey()));
	}

	private static final class Hasher {

		private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[1024]);

		/** The longest field, in chars, hashed in the thread's own array: 128 KB at most kept per thread. */
		private static final int LONGEST_KEPT = 64 * 1024;

		private long first = OFFSET_1;

		private long second = OFFSET_2;

		void field(String text) {
			long a = this.first;
			long b = this.second;
			// Over a copy in the thread's array: with the quick compiler String.charAt is a call per character,
			// dearer than the copy; a copy of its own for each field was a kilobyte an item of the cold pass.
			int length = text.length();
			char[] chars = chars(length);
			text.getChars(0, length, chars, 0);
			for (int i = 0; i < length; i++) {
				char c = chars[i];
				a = (a ^ c) * PRIME_1;
				b = (b ^ c) * PRIME_2;
			}
			// So that "ab" + "c" and "a" + "bc" differ.
			this.first = (a ^ 0xFFFF) * PRIME_1;
			this.second = (b ^ 0xFFFF) * PRIME_2;
		}

		/** The thread's array, of at least {@code length} chars; one longer than {@link #LONGEST_KEPT} is not kept. */
		private static char[] chars(int length) {
			char[] chars = CHARS.get();
			if (chars.length >= length) {
				return chars;
			}
			char[] longer = new char[Math.max(length, chars.length * 2)];
			if (longer.length <= LONGEST_KEPT) {
				CHARS.set(longer);
			}
			return longer;
		}

		String hex() {
			HexFormat hex = HexFormat.of();
			return hex.toHexDigits(this.first) + hex.toHexDigits(this.second);
		}

	}

}

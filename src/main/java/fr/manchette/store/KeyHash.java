package fr.manchette.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The short form of an item's keys ({@code item_key}, {@code story_key}, {@code link_key}, SHA-256 in hex) that the
 * indexes hold: their first 16 hex digits as a {@code BIGINT} ({@code item_hash}, {@code story_hash},
 * {@code link_hash}; a link's only when it does not name the item's story, see {@link ItemRow#linkHash}). Each new
 * item lands at a random place of these indexes, so H2 writes a page of each again
 * for every few items stored: pages of numbers are several times smaller than pages of 64-character strings, and
 * compare at once (StoreBenchmark, 200 000 items on H2: H2's page serialization thread 46 to 29–32 µs and 27 to 4 kB
 * allocated an item, the file at the end of the burst 1 149–1 447 to 629–677 MiB, 142 to 116 MiB after a stop; on
 * PostgreSQL the database 409 to 361 MiB). The queries still compare the full keys: two keys that share their first
 * 64 bits are told apart.
 * <p>
 * Any string has a number, whether a key or not (a test's made-up key): a character that is not a lowercase hex
 * digit counts as 0, a string shorter than 16 characters is completed with 1s.
 */
final class KeyHash {

	private static final int DIGITS = 16;

	// '0' and any other character are 0, a missing one is 1.
	private static final String NONZERO_DIGITS = "123456789abcdef";

	private KeyHash() {
	}

	/** The key's first 16 hex digits, read as a signed 64-bit number. */
	static long of(String key) {
		long hash = 0;
		for (int i = 0; i < DIGITS; i++) {
			int digit = (i < key.length()) ? NONZERO_DIGITS.indexOf(key.charAt(i)) + 1 : 1;
			hash = (hash << 4) | digit;
		}
		return hash;
	}

	/** The hash of a key that may be absent (an item without a link has no link key). */
	static @Nullable Long ofNullable(@Nullable String key) {
		return (key != null) ? of(key) : null;
	}

	/** The hashes of these keys, in their order. */
	static List<Long> of(Collection<String> keys) {
		List<Long> hashes = new ArrayList<>(keys.size());
		for (String key : keys) {
			hashes.add(of(key));
		}
		return hashes;
	}

}

package fr.manchette.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The locality-sensitive hashes of a headline, by which the store finds the few stored headlines that may tell the
 * same story without reading the others: a MinHash signature of the headline's words ({@link #BANDS} ×
 * {@link #ROWS} minimums), cut into bands, each band hashed to one number. Two headlines whose word sets have
 * Jaccard similarity J share at least one band with probability 1 − (1 − J²)¹⁶: 0.85 at J = 0.3, 0.97 at J = 0.4,
 * above 0.99 from J = 0.5.
 * <p>
 * Words enter the signature by their first {@link #PREFIX} letters, so that two spellings of one word
 * (« européen » / « Europe », « touriste » / « tourisme ») count as one, as the matcher counts them.
 * <p>
 * The hashes are stored: they must not change between versions, so they use FNV-1a and a fixed mixer rather than
 * {@code String.hashCode()} or random seeds.
 */
public final class StoryBands {

	/** Bands per headline; each is a row of the index. */
	public static final int BANDS = 16;

	/** Minimums per band: two words must agree for a band to match. */
	public static final int ROWS = 2;

	/** Letters of a word that enter the signature. */
	static final int PREFIX = 5;

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	/** The hashes of a headline without a word: shared, being empty. */
	private static final long[] NONE = new long[0];

	private static final long[] SEEDS = new long[BANDS * ROWS];

	static {
		for (int i = 0; i < SEEDS.length; i++) {
			SEEDS[i] = mix(0x9E3779B97F4A7C15L * (i + 1));
		}
	}

	private StoryBands() {
	}

	/** The band hashes of a headline, as a list; none when it has no word. */
	public static List<Long> of(TitleKey key) {
		long[] hashes = hashes(key);
		List<Long> bands = new ArrayList<>(hashes.length);
		for (long hash : hashes) {
			bands.add(hash);
		}
		return List.copyOf(bands);
	}

	/**
	 * The same in an array: what the window and the store step pass on, without sixteen boxed longs and their lists
	 * for each item (some 400 bytes an item, under the quick compiler).
	 */
	public static long[] hashes(TitleKey key) {
		List<String> words = key.words();
		if (words.isEmpty()) {
			return NONE;
		}
		long[] minimums = new long[SEEDS.length];
		java.util.Arrays.fill(minimums, Long.MAX_VALUE);
		for (int w = 0; w < words.size(); w++) {
			if (key.repeated(w)) {
				// Each word once, as in a set of them; a minimum is the same whatever their order.
				continue;
			}
			long hash = prefixHash(words.get(w));
			for (int i = 0; i < SEEDS.length; i++) {
				long value = mix(hash ^ SEEDS[i]);
				if (Long.compareUnsigned(value, minimums[i]) < 0) {
					minimums[i] = value;
				}
			}
		}
		long[] bands = new long[BANDS];
		for (int band = 0; band < BANDS; band++) {
			long hash = mix(band + 1);
			for (int row = 0; row < ROWS; row++) {
				hash = mix(hash * 31 + minimums[band * ROWS + row]);
			}
			bands[band] = hash;
		}
		return bands;
	}

	/**
	 * FNV-1a of the UTF-8 bytes of the word's first {@link #PREFIX} characters. A folded word is nearly always ASCII,
	 * whose characters are their UTF-8 bytes: hashed as they are, without cutting or encoding the word; the others
	 * are encoded, as the stored hashes were.
	 */
	static long prefixHash(String word) {
		int length = Math.min(word.length(), PREFIX);
		long hash = FNV_OFFSET;
		for (int i = 0; i < length; i++) {
			char c = word.charAt(i);
			if (c >= 0x80) {
				return fnv1a(word.substring(0, length));
			}
			hash ^= c;
			hash *= FNV_PRIME;
		}
		return hash;
	}

	static long fnv1a(String word) {
		long hash = FNV_OFFSET;
		for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= FNV_PRIME;
		}
		return hash;
	}

	/** MurmurHash3's 64-bit finaliser. */
	private static long mix(long value) {
		long h = value;
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

}

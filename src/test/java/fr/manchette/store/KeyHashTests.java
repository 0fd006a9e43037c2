package fr.manchette.store;

import fr.manchette.dedup.Fingerprint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KeyHash}: a SHA-256 key's first 64 bits, and one number for any other string too. */
class KeyHashTests {

	@Test
	void aSha256KeyIsItsFirstSixteenHexDigitsAsASignedNumber() {
		for (String text : new String[] { "a", "b", "https://h.ma/1", "le360", "" }) {
			String key = Fingerprint.sha256(text);
			assertThat(KeyHash.of(key)).isEqualTo(Long.parseUnsignedLong(key.substring(0, 16), 16));
		}
		assertThat(KeyHash.of("ffffffffffffffff" + "0".repeat(48))).isEqualTo(-1);
		assertThat(KeyHash.of("8000000000000000" + "0".repeat(48))).isEqualTo(Long.MIN_VALUE);
		assertThat(KeyHash.of("7fffffffffffffff" + "0".repeat(48))).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void keysThatDifferAfterSixteenDigitsShareTheirHash() {
		assertThat(KeyHash.of("0123456789abcdef" + "a".repeat(48)))
			.isEqualTo(KeyHash.of("0123456789abcdef" + "b".repeat(48)));
	}

	@Test
	void otherStringsHaveANumberToo() {
		// A character that is no lowercase hex digit is 0, a missing one 1.
		assertThat(KeyHash.of("s2")).isEqualTo(0x0211111111111111L);
		assertThat(KeyHash.of("ABCDEF0123456789")).isEqualTo(0x0000000123456789L);
		assertThat(KeyHash.ofNullable(null)).isNull();
	}

}

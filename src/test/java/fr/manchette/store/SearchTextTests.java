package fr.manchette.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	/** A long text is cut, but never between the halves of a letter past U+FFFF, which PostgreSQL would store as « ? ». */
	@Test
	void aLongTextIsCutBetweenTwoCharacters() {
		// Folded, padded with a space: the 4000th char is the first half of « 𐐨 » (U+10428).
		String folded = SearchText.fold("a".repeat(3998) + "𐐨𐐨");

		assertThat(folded).hasSize(3999).startsWith(" aaa").endsWith("a");
		assertThat(folded.codePoints()).noneMatch((c) -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
	}

}

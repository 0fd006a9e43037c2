package fr.manchette.fetch;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading an HTTP-date: the three forms, and the same text read once for the many answers that carry it. */
class HttpDateTests {

	private static final Instant NOV_6 = Instant.parse("1994-11-06T08:49:37Z");

	@Test
	void theThreeFormsAreRead() {
		assertThat(HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(NOV_6);
		assertThat(HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(NOV_6);
		assertThat(HttpDate.parse("Sun Nov  6 08:49:37 1994")).isEqualTo(NOV_6);
		assertThat(HttpDate.parse("  Sun, 06 Nov 1994 08:49:37 GMT ")).isEqualTo(NOV_6);
	}

	@Test
	void aDateHeardAgainIsNotReadAgain() {
		// The answers of a round of polls carry the same Date: the instant read the first time is given back.
		Instant first = HttpDate.parse("Mon, 07 Dec 2026 08:20:01 GMT");
		assertThat(HttpDate.parse("Mon, 07 Dec 2026 08:20:01 GMT")).isSameAs(first);
	}

	@Test
	void eachTextHasItsOwnInstant() {
		assertThat(HttpDate.parse("Mon, 07 Dec 2026 08:20:01 GMT")).isEqualTo(Instant.parse("2026-12-07T08:20:01Z"));
		assertThat(HttpDate.parse("Mon, 07 Dec 2026 08:20:02 GMT")).isEqualTo(Instant.parse("2026-12-07T08:20:02Z"));
		assertThat(HttpDate.parse("Mon, 07 Dec 2026 08:20:02 GMT+1")).isNull();
		assertThat(HttpDate.parse("not a date")).isNull();
		assertThat(HttpDate.parse("Mon, 07 Dec 2026 08:20:01 GMT")).isEqualTo(Instant.parse("2026-12-07T08:20:01Z"));
	}

}

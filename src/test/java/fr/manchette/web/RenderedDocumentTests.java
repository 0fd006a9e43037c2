package fr.manchette.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client's {@code Accept-Encoding} says about gzip, asked in turn as clients ask it. */
class RenderedDocumentTests {

	@Test
	void eachAcceptEncodingGetsItsOwnAnswerWhateverWasAskedBefore() {
		String[][] asked = { { "gzip, deflate, br", "true" }, { "gzip, deflate, br", "true" }, { "identity", "false" },
				{ "gzip;q=0", "false" }, { "gzip;q=0", "false" }, { "br, GZIP;q=0.5", "true" }, { "deflate", "false" },
				{ "gzip;q=x", "false" }, { "gzip, deflate, br", "true" },
				// RFC 9110 §12.5.3: "*" is any coding not listed; §8.4.1.3: x-gzip is gzip.
				{ "*", "true" }, { "br, *;q=0.1", "true" }, { "*;q=0", "false" }, { "gzip;q=0, *", "false" },
				{ "x-gzip", "true" }, { "x-gzip;q=0", "false" } };
		for (String[] ask : asked) {
			assertThat(RenderedDocument.acceptsGzip(ask[0])).as(ask[0]).isEqualTo(Boolean.parseBoolean(ask[1]));
		}
		assertThat(RenderedDocument.acceptsGzip(null)).isFalse();
	}

}

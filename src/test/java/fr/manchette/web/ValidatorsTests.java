package fr.manchette.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The preconditions a request puts to a document's validators, with and without a date sent. */
class ValidatorsTests {

	private static final Instant MODIFIED = Instant.parse("2026-12-06T10:00:00Z");

	@Test
	void ifUnmodifiedSinceHoldsACopyToTheDateSent() {
		Validators dated = new Validators("\"abc\"", MODIFIED);

		assertThat(dated.failedPrecondition(unmodifiedSince("Sun, 06 Dec 2026 10:00:00 GMT"))).isNull();
		assertThat(dated.failedPrecondition(unmodifiedSince("Sun, 06 Dec 2026 09:59:59 GMT")))
			.contains("Last-Modified is now Sun, 06 Dec 2026 10:00:00 GMT");
	}

	@Test
	void withoutADateSentIfUnmodifiedSinceIsNoCondition() {
		// An instance whose feeds.yml is not the one the store dated sends no Last-Modified.
		Validators undated = new Validators("\"abc\"", null);

		assertThat(undated.failedPrecondition(unmodifiedSince("Sun, 06 Dec 2026 09:59:59 GMT"))).isNull();
		assertThat(undated.notModified(modifiedSince("Sun, 06 Dec 2026 10:00:00 GMT"), MODIFIED.toEpochMilli()))
			.isFalse();
	}

	private static MockHttpServletRequest unmodifiedSince(String date) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.atom");
		request.addHeader("If-Unmodified-Since", date);
		return request;
	}

	private static MockHttpServletRequest modifiedSince(String date) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.atom");
		request.addHeader("If-Modified-Since", date);
		return request;
	}

}

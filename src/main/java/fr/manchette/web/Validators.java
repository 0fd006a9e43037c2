package fr.manchette.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A document's validators, worked out before its bytes: an answer to a conditional request needs nothing else, so a
 * client that has the current version gets its 304 without anything being rendered or read from the store. The
 * header values are formatted once, here.
 */
final class Validators {

	/** IMF-fixdate (RFC 9110 §5.6.7): two-digit day, unlike {@link DateTimeFormatter#RFC_1123_DATE_TIME}. */
	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	/** How far ahead of our clock an {@code If-Modified-Since} may be and still count. */
	static final long CLOCK_SKEW_MILLIS = 60_000;

	private final String etag;

	private final String weakEtag;

	/** The Last-Modified second; {@link Long#MAX_VALUE} when no date is sent. */
	private final long lastModifiedSecond;

	/** The validators as headers, for the plain bytes and for the gzip ones: what a 304 carries, and a 200 besides. */
	private final ResponseHeaders plainHeaders;

	private final ResponseHeaders gzipHeaders;

	/**
	 * @param etag the strong entity tag of the document's bytes, quoted
	 * @param lastModified when what is published last changed, a date that tells this version from every other a
	 * client may hold; null when there is none such, and then only the ETag is a validator
	 */
	Validators(String etag, @Nullable Instant lastModified) {
		this.etag = etag;
		// The gzip-encoded bytes are the same document but not the same bytes (RFC 9110 §8.8.3), as nginx marks them.
		this.weakEtag = "W/" + etag;
		this.lastModifiedSecond = (lastModified != null) ? lastModified.getEpochSecond() : Long.MAX_VALUE;
		String modified = (lastModified != null) ? HTTP_DATE.format(lastModified) : null;
		this.plainHeaders = headers(etag, modified);
		this.gzipHeaders = headers(this.weakEtag, modified);
	}

	private static ResponseHeaders headers(String etag, @Nullable String modified) {
		return (modified != null) ? ResponseHeaders.of("ETag", etag, "Last-Modified", modified, "Vary", "Accept-Encoding")
				: ResponseHeaders.of("ETag", etag, "Vary", "Accept-Encoding");
	}

	/** The validators of the variant, plain or gzip bytes, as headers. */
	ResponseHeaders headers(boolean gzip) {
		return gzip ? this.gzipHeaders : this.plainHeaders;
	}

	/**
	 * Why the request's preconditions fail, steps 1 and 2 of RFC 9110 §13.2.2, which come before {@link #notModified}:
	 * an {@code If-Match} that names none of the document's current versions, compared strongly (§13.1.1: a weak tag
	 * never matches, {@code *} always does; the strong tag names the gzip bytes too, as nginx has it); without one, an
	 * {@code If-Unmodified-Since} older than the document (§13.1.4), a date we cannot read being no condition.
	 * @return what failed, for the 412's detail; null when the request may go on (nearly always: no such header)
	 */
	@Nullable String failedPrecondition(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
			return matches(request, this.etag) ? null : ifMatchFailed(this.etag);
		}
		long since;
		try {
			since = request.getDateHeader(HttpHeaders.IF_UNMODIFIED_SINCE);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		// Without a date sent there is none to hold the copy to: no condition (RFC 9110 §13.1.4).
		return (since < 0 || this.lastModifiedSecond == Long.MAX_VALUE || this.lastModifiedSecond <= since / 1000) ? null
				: "the document was modified after If-Unmodified-Since: its Last-Modified is now "
						+ HTTP_DATE.format(Instant.ofEpochSecond(this.lastModifiedSecond));
	}

	/** What a failed {@code If-Match} says: the current tag, which a client can ask with again. */
	static String ifMatchFailed(String etag) {
		return "If-Match names no current version of the document: its ETag is now " + etag;
	}

	/**
	 * Whether the request's {@code If-Match} names the document's strong entity tag, or {@code *} (RFC 9110 §13.1.1):
	 * alone or in a list, one line or several.
	 */
	static boolean matches(HttpServletRequest request, String etag) {
		return lists(request, HttpHeaders.IF_MATCH, etag, null);
	}

	/**
	 * Whether the client's copy is current (RFC 9110 §13.1.2 and §13.1.3): {@code If-None-Match}, compared weakly,
	 * when there is one; otherwise {@code If-Modified-Since}, where a date we cannot read is no condition, nor is a
	 * date later than now: it is none the server gave (RFC 9110 §13.1.3 has such a date treated as invalid, as nginx
	 * and Apache do), and taken as one, it would get a 304 after the store has changed, until the store's own date
	 * passes it. A minute ahead of our clock is tolerated, for a client that sends its own clock's time. Without a date
	 * sent, no date is a condition.
	 * @param now the current time, in epoch milliseconds
	 */
	boolean notModified(HttpServletRequest request, long now) {
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null) {
			return ifNoneMatch.equals(this.etag) || ifNoneMatch.equals(this.weakEtag)
					|| names(request, this.etag, this.weakEtag);
		}
		long since;
		try {
			since = request.getDateHeader("If-Modified-Since");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return since >= 0 && since <= now + CLOCK_SKEW_MILLIS && this.lastModifiedSecond <= since / 1000;
	}

	/**
	 * Whether the request's {@code If-None-Match} names a document's entity tag, compared weakly (RFC 9110 §13.1.2):
	 * the tag or its weak form, alone or in a list, one line or several (§5.3), or {@code *}, any current version.
	 * @param etag the strong tag, quoted
	 * @param weakEtag the same as a weak one
	 */
	static boolean names(HttpServletRequest request, String etag, String weakEtag) {
		return lists(request, HttpHeaders.IF_NONE_MATCH, etag, weakEtag);
	}

	/** Whether a list of entity tags in this header, over one line or several, holds one of these, or {@code *}. */
	private static boolean lists(HttpServletRequest request, String header, String etag, @Nullable String weakEtag) {
		Enumeration<String> lines = request.getHeaders(header);
		while (lines.hasMoreElements()) {
			for (String tag : lines.nextElement().split(",")) {
				String trimmed = tag.strip();
				if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals(weakEtag)) {
					return true;
				}
			}
		}
		return false;
	}

	/** A 304 through the servlet API. */
	void writeNotModified(HttpServletResponse response, boolean gzip) {
		response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
		headers(gzip).setOn(response);
	}

}

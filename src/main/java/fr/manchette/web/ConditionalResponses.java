package fr.manchette.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Answers conditionally the documents that are cheap to render and change with more than the store (a poll that got
 * a 304 still changes {@code /sources}): rendered every time, their ETag a hash of the bytes. The feeds and the ticker,
 * which change only with the store, are {@link PublishedDocuments}. Both read {@code If-None-Match} alike
 * ({@link Validators#names}): Spring's own check takes {@code *} for a GET as naming nothing, and answered the full
 * document where the feeds answer a 304.
 */
@Component
class ConditionalResponses {

	ResponseEntity<String> respondByContent(HttpServletRequest request, MediaType type, String body,
			HttpHeaders headers) {
		String etag = "\"" + DigestUtils.md5DigestAsHex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
		// If-Match first (RFC 9110 §13.2.2); If-Unmodified-Since is no condition here, where there is no date to hold.
		if (request.getHeader(HttpHeaders.IF_MATCH) != null && !Validators.matches(request, etag)) {
			throw new PreconditionFailedException(Validators.ifMatchFailed(etag));
		}
		if (Validators.names(request, etag, "W/" + etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok().headers(headers).eTag(etag).contentType(type).body(body);
	}

}

package fr.manchette.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.store.StoreChanges;
import fr.manchette.store.StoreChanges.Change;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers the published documents conditionally and from a cache. A document's version is the store's last change
 * plus the day in the ticker's zone (at midnight "19:35" becomes "16/05 19:35"): while it holds, a client with the
 * ETag gets a 304 and everyone else gets the bytes rendered the first time.
 */
@Component
class ConditionalResponses {

	private static final int CACHED_DOCUMENTS = 128;

	private final CurrentFeeds feeds;

	private final StoreChanges changes;

	private final Clock clock;

	private final Map<String, String> rendered = new LinkedHashMap<>(CACHED_DOCUMENTS, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > CACHED_DOCUMENTS;
		}
	};

	ConditionalResponses(CurrentFeeds feeds, StoreChanges changes, Clock clock) {
		this.feeds = feeds;
		this.changes = changes;
		this.clock = clock;
	}

	ResponseEntity<String> respond(WebRequest request, String document, MultiValueMap<String, String> params,
			MediaType type, Supplier<String> render) {
		Change change = this.changes.current();
		FeedsFile config = this.feeds.get();
		ZoneId zone = config.timezone();
		// The configuration is part of the version too: names and categories come from feeds.yml.
		String version = document + "|" + ListParameters.canonical(params) + "|" + change.sequence() + "|"
				+ change.at().toEpochMilli() + "|" + LocalDate.now(this.clock.withZone(zone)) + "|"
				+ System.identityHashCode(config);
		String etag = "\"" + Integer.toHexString(version.hashCode()) + Long.toHexString(change.at().toEpochMilli())
				+ "\"";
		if (request.checkNotModified(etag, change.at().toEpochMilli())) {
			return null;
		}
		String body;
		synchronized (this.rendered) {
			body = this.rendered.get(version);
		}
		if (body == null) {
			body = render.get();
			synchronized (this.rendered) {
				this.rendered.put(version, body);
			}
		}
		return ResponseEntity.ok().contentType(type).body(body);
	}

	/**
	 * Answers a document that is cheap to render and changes with more than the store (a poll that got a 304 still
	 * changes {@code /sources}): rendered every time, its ETag a hash of the bytes.
	 */
	ResponseEntity<String> respondByContent(WebRequest request, MediaType type, String body, HttpHeaders headers) {
		String etag = "\"" + DigestUtils.md5DigestAsHex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok().headers(headers).contentType(type).body(body);
	}

}

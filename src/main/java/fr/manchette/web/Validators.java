package fr.manchette.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import fr.manchette.store.StoreChanges;
import fr.manchette.store.StoreChanges.Change;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.WebRequest;

/**
 * ETag and Last-Modified of the published documents: they change when the store changes, and at midnight in the
 * ticker's zone (when "19:35" becomes "16/05 19:35").
 */
@Component
class Validators {

	private final StoreChanges changes;

	private final Clock clock;

	Validators(StoreChanges changes, Clock clock) {
		this.changes = changes;
		this.clock = clock;
	}

	/** True when the client's copy is current: the caller answers 304 by returning null. */
	boolean notModified(WebRequest request, String document, MultiValueMap<String, String> params, ZoneId zone) {
		Change change = this.changes.current();
		String tag = document + "|" + ListParameters.canonical(params) + "|" + change.sequence() + "|"
				+ change.at().toEpochMilli() + "|" + LocalDate.now(this.clock.withZone(zone)) + "|" + zone.getId();
		String etag = "\"" + Integer.toHexString(tag.hashCode()) + Long.toHexString(change.at().toEpochMilli()) + "\"";
		return request.checkNotModified(etag, change.at().toEpochMilli());
	}

}

package fr.manchette.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.store.StoreChanges;
import fr.manchette.store.StoreChanges.Change;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The feeds and the ticker, rendered once per state of the store and served from memory. A state is the store's last
 * change, the configuration (names and categories come from feeds.yml) and the day in the ticker's zone (at midnight
 * "19:35" becomes "16/05 19:35"); when any of them moves, every cached variant goes. Within a state, a request is
 * recognised by its address alone: the same address again is answered, 304 or bytes, without reading its parameters,
 * rendering, or touching the store. A new address has its parameters checked (a bad one is a 400 and is not kept),
 * its validators worked out, and is rendered only if the client has no current copy. A variant that changes with the
 * clock too (a list ranked à la une) says until when it holds, and is prepared again from then on.
 */
@Component
class PublishedDocuments {

	/** Query variants kept per state, the least recently asked for going first. */
	static final int CACHED_VARIANTS = 128;

	private final CurrentFeeds feeds;

	private final StoreChanges changes;

	private final Clock clock;

	private volatile State state;

	PublishedDocuments(CurrentFeeds feeds, StoreChanges changes, Clock clock) {
		this.feeds = feeds;
		this.changes = changes;
		this.clock = clock;
		this.state = new State(changes.current(), feeds.get(), clock);
	}

	/**
	 * Answers a GET of one of the published documents, rendering it if this state has not yet.
	 * @param document reads the request's parameters into what to render; throws {@link BadQueryException}
	 */
	void serve(HttpServletRequest request, HttpServletResponse response, Publication publication, Document document)
			throws IOException {
		State current = current();
		String key = key(publication, request);
		Variant variant = current.variants.get(key);
		if (variant != null && variant.expired(this.clock.millis())) {
			current.variants.remove(key, variant);
			variant = null;
		}
		if (variant == null) {
			MultiValueMap<String, String> params = parameters(request);
			Prepared prepared = document.prepare(params, current.change.at());
			variant = current.add(key, new Variant(current.validators(prepared.version(), params),
					publication.contentType(), prepared.render(), prepared.until()));
		}
		answer(variant, variant.validators.notModified(request), request, response);
	}

	/**
	 * Answers from memory if this state has this address already: a 304 if the client's copy is current, else the
	 * bytes if they were rendered. Sets the publication's fixed headers too, as nothing else will on this path.
	 */
	Answer serveCached(HttpServletRequest request, HttpServletResponse response, Publication publication)
			throws IOException {
		Variant variant = current().variants.get(key(publication, request));
		if (variant == null || variant.expired(this.clock.millis())) {
			return Answer.NOT_CACHED;
		}
		boolean notModified = variant.validators.notModified(request);
		if (!notModified && variant.rendered == null) {
			return Answer.NOT_CACHED;
		}
		publication.headers().forEach(response::setHeader);
		answer(variant, notModified, request, response);
		return notModified ? Answer.NOT_MODIFIED : Answer.SENT;
	}

	/** A 304 before anything is rendered; otherwise the bytes, rendered now if no one needed them before. */
	private static void answer(Variant variant, boolean notModified, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		variant.used = System.nanoTime();
		boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
		if (notModified) {
			variant.validators.writeNotModified(response, gzip);
		}
		else {
			variant.rendered().write(response, gzip, "HEAD".equals(request.getMethod()));
		}
	}

	/** How {@link #serveCached} answered. */
	enum Answer {

		SENT, NOT_MODIFIED, NOT_CACHED

	}

	private State current() {
		State state = this.state;
		if (state.change == this.changes.current() && state.config == this.feeds.get()
				&& this.clock.millis() < state.until) {
			return state;
		}
		synchronized (this) {
			state = this.state;
			Change change = this.changes.current();
			FeedsFile config = this.feeds.get();
			if (state.change != change || state.config != config || this.clock.millis() >= state.until) {
				state = new State(change, config, this.clock);
				this.state = state;
			}
			return state;
		}
	}

	/**
	 * The address as the document sees it: feeds carry their own absolute address and the ticker page the site's,
	 * so the scheme, host and port the client used are part of it, as are the path and the query, byte for byte.
	 */
	private static String key(Publication publication, HttpServletRequest request) {
		String query = request.getQueryString();
		// One concatenation, sized once: this runs for every request.
		return publication.documentName() + ' ' + request.getScheme() + "://" + request.getServerName() + ':'
				+ request.getServerPort() + request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	private static MultiValueMap<String, String> parameters(HttpServletRequest request) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		request.getParameterMap().forEach((name, values) -> params.addAll(name, List.of(values)));
		return params;
	}

	/** Whether the client takes gzip: listed in {@code Accept-Encoding} with a weight above zero (RFC 9110 §12.5.3). */
	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.split(";");
			if (parts[0].strip().equalsIgnoreCase("gzip")) {
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip();
					if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
						try {
							return Double.parseDouble(parameter.substring(2)) > 0;
						}
						catch (NumberFormatException ex) {
							return false;
						}
					}
				}
				return true;
			}
		}
		return false;
	}

	/** What a request asks for, read from its parameters. */
	@FunctionalInterface
	interface Document {

		/**
		 * Checks the parameters (a {@link BadQueryException} if one is wrong) and says what to render.
		 * @param updated when the store last changed, as the document may say
		 */
		Prepared prepare(MultiValueMap<String, String> params, Instant updated);

	}

	/**
	 * @param version what, besides the parameters and the state, tells this variant from others (a feed's own address)
	 * @param render renders it, reading the store
	 * @param until when it may change though the store has not (a list ranked à la une, as its window moves on);
	 * null when only the state moves it
	 */
	record Prepared(String version, Supplier<String> render, @Nullable Instant until) {

		Prepared(String version, Supplier<String> render) {
			this(version, render, null);
		}

	}

	/** One state of what is published, with the variants asked for while it holds. */
	private static final class State {

		private final Change change;

		private final FeedsFile config;

		private final LocalDate day;

		/** When the day in the ticker's zone ends: the state ends with it. */
		private final long until;

		private final Map<String, Variant> variants = new ConcurrentHashMap<>();

		State(Change change, FeedsFile config, Clock clock) {
			this.change = change;
			this.config = config;
			ZoneId zone = config.timezone();
			Instant now = clock.instant();
			this.day = LocalDate.ofInstant(now, zone);
			this.until = this.day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
		}

		Validators validators(String version, MultiValueMap<String, String> params) {
			String full = version + "|" + ListParameters.canonical(params) + "|" + this.change.sequence() + "|"
					+ this.change.at().toEpochMilli() + "|" + this.day + "|" + System.identityHashCode(this.config);
			String etag = "\"" + Integer.toHexString(full.hashCode()) + Long.toHexString(this.change.at().toEpochMilli())
					+ "\"";
			return new Validators(etag, this.change.at());
		}

		Variant add(String key, Variant variant) {
			Variant kept = this.variants.putIfAbsent(key, variant);
			if (kept != null) {
				return kept;
			}
			if (this.variants.size() > CACHED_VARIANTS) {
				evictLeastRecentlyUsed(key);
			}
			return variant;
		}

		private void evictLeastRecentlyUsed(String keep) {
			String eldest = null;
			long oldest = Long.MAX_VALUE;
			for (Map.Entry<String, Variant> entry : this.variants.entrySet()) {
				if (!entry.getKey().equals(keep) && entry.getValue().used < oldest) {
					oldest = entry.getValue().used;
					eldest = entry.getKey();
				}
			}
			if (eldest != null) {
				this.variants.remove(eldest);
			}
		}

	}

	/** One variant: its validators at once, its bytes the first time a client needs them. */
	private static final class Variant {

		private final Validators validators;

		private final String contentType;

		private @Nullable Supplier<String> render;

		private volatile @Nullable RenderedDocument rendered;

		/** When it was last asked for, for the eviction: a racy write is fine, the order is approximate anyway. */
		private long used;

		/** When it goes though the state holds, in epoch milliseconds; {@link Long#MAX_VALUE} if never. */
		private final long until;

		Variant(Validators validators, String contentType, Supplier<String> render, @Nullable Instant until) {
			this.validators = validators;
			this.contentType = contentType;
			this.render = render;
			this.until = (until != null) ? until.toEpochMilli() : Long.MAX_VALUE;
		}

		boolean expired(long now) {
			return now >= this.until;
		}

		RenderedDocument rendered() {
			RenderedDocument rendered = this.rendered;
			if (rendered != null) {
				return rendered;
			}
			// One render per variant, however many clients ask at once.
			synchronized (this) {
				if (this.rendered == null) {
					this.rendered = new RenderedDocument(this.contentType, this.render.get(), this.validators);
					this.render = null;
				}
				return this.rendered;
			}
		}

	}

}

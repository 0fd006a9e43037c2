package fr.manchette.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.UneSettings;
import fr.manchette.config.WebSubSettings;
import fr.manchette.store.StoreChanges;
import fr.manchette.store.StoreChanges.Change;
import fr.manchette.store.StoreOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.util.DigestUtils;
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
 * <p>
 * The validators are those of {@link PublishedState}: every instance that publishes the same content answers the same,
 * whichever of them a load balancer sends a client to. A new configuration or day is recorded in the store as a
 * change ({@link StoreChanges#published}), which dates it for them all.
 */
@Component
class PublishedDocuments {

	private static final Logger log = LoggerFactory.getLogger(PublishedDocuments.class);

	private final CurrentFeeds feeds;

	private final StoreChanges changes;

	private final StoreOutage outage;

	private final ListRequests lists;

	private final Clock clock;

	/** What shapes the documents besides feeds.yml, for as long as the process runs: its version and settings. */
	private final String setup;

	/** Null until the first request: the store is read then, not while the service starts. */
	private volatile @Nullable PublishedState state;

	/** The configuration last published, and its digest; guarded by this. */
	private @Nullable FeedsFile digested;

	private String configDigest = "";

	/** What this instance last recorded in the store as published (configuration and day); guarded by this. */
	private @Nullable String recorded;

	PublishedDocuments(CurrentFeeds feeds, StoreChanges changes, StoreOutage outage, ListRequests lists, Clock clock,
			ManchetteProperties properties, PageSettings page, UneSettings une, WebSubSettings webSub) {
		this.feeds = feeds;
		this.changes = changes;
		this.outage = outage;
		this.lists = lists;
		this.clock = clock;
		// The User-Agent carries the version: a new one may render the same store otherwise.
		this.setup = properties.userAgent() + "|" + page + "|" + une + "|" + webSub;
	}

	/**
	 * Answers a GET of one of the published documents, rendering it if this state has not yet.
	 * @param document says what to render for the list asked for ({@link ListRequests}, a {@link BadQueryException}
	 * when a parameter is wrong)
	 */
	void serve(HttpServletRequest request, HttpServletResponse response, Publication publication, Document document)
			throws IOException {
		PublishedState current = current();
		String key = key(publication, request);
		CachedVariant variant = current.variant(key, this.clock.millis());
		if (variant == null) {
			MultiValueMap<String, String> params = parameters(request);
			ListRequests.ListRequest list = this.lists.read(params, current.config);
			Rendering rendering = document.prepare(list, params, current.change.at());
			variant = current.add(key, new CachedVariant(current.validators(rendering.version() + list.version(), params),
					publication.contentType(), rendering.render(), list.until()));
		}
		String failed = variant.validators.failedPrecondition(request);
		if (failed != null) {
			throw new PreconditionFailedException(failed);
		}
		answer(variant, variant.validators.notModified(request, this.clock.millis()), request, response);
	}

	/**
	 * What this state holds for this address, if the client can be answered from memory: a 304 when its copy is
	 * current, else the bytes if they were rendered; null otherwise (a new address, bytes no one has needed yet, or a
	 * precondition that fails).
	 */
	@Nullable Cached cached(HttpServletRequest request, Publication publication) {
		long now = this.clock.millis();
		CachedVariant variant = current().variant(key(publication, request), now);
		// A failed precondition is a problem document, which Spring MVC writes (serve).
		if (variant == null || variant.validators.failedPrecondition(request) != null) {
			return null;
		}
		boolean notModified = variant.validators.notModified(request, now);
		if (!notModified && !variant.isRendered()) {
			return null;
		}
		return new Cached(variant, notModified, RenderedDocument.acceptsGzip(request.getHeader("Accept-Encoding")));
	}

	/**
	 * @param notModified whether the client's copy is current
	 * @param gzip whether the client takes gzip
	 */
	record Cached(CachedVariant variant, boolean notModified, boolean gzip) {
	}

	/** A 304 before anything is rendered; otherwise the bytes, rendered now if no one needed them before. */
	private static void answer(CachedVariant variant, boolean notModified, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		boolean gzip = RenderedDocument.acceptsGzip(request.getHeader("Accept-Encoding"));
		if (notModified) {
			variant.validators.writeNotModified(response, gzip);
		}
		else {
			variant.rendered().write(response, gzip, "HEAD".equals(request.getMethod()));
		}
	}

	private PublishedState current() {
		PublishedState state = this.state;
		if (state != null) {
			// Before the check: a state that follows this one either sees that it answered, or is the one answering.
			state.answering();
			if (state.holds(this.changes.current(), this.feeds.get(), this.clock.millis())) {
				return state;
			}
		}
		synchronized (this) {
			state = this.state;
			FeedsFile config = this.feeds.get();
			if (state == null || !state.holds(this.changes.current(), config, this.clock.millis())) {
				state = next(config, state);
				this.state = state;
			}
			state.answering();
			return state;
		}
	}

	/**
	 * The state that follows {@code previous}, the store's change read after the configuration and the day are
	 * recorded: when they moved, the store moves with them, and dates the move for every instance.
	 */
	private PublishedState next(FeedsFile config, @Nullable PublishedState previous) {
		if (config != this.digested) {
			this.configDigest = DigestUtils.md5DigestAsHex(config.toString().getBytes(StandardCharsets.UTF_8));
			this.digested = config;
		}
		String what = DigestUtils.md5DigestAsHex((this.setup + "|" + this.configDigest + "|"
				+ PublishedState.day(config, this.clock)).getBytes(StandardCharsets.UTF_8));
		Change change;
		if (what.equals(this.recorded) || this.outage.down()) {
			// While the database is away, recorded at the first state after it answers: a request does not wait for it.
			change = this.changes.current();
		}
		else {
			try {
				change = this.changes.published(what);
				this.recorded = what;
			}
			catch (DataAccessException | TransactionException ex) {
				// Served all the same, by ETag: its date, which may be an older configuration's, is not sent.
				if (!this.outage.said("recording the new configuration or day", ex)) {
					log.warn("Could not record the new configuration or day in the store detail={}", ex.getMessage());
				}
				change = this.changes.current();
			}
		}
		// A state is dated only when the store says its configuration and day are the ones published (what).
		log.debug("Publishing from sequence={} published={} what={} recorded={}", change.sequence(), change.published(),
				what, this.recorded);
		long answeredBefore = (previous != null) ? previous.answeredUntil()
				: this.changes.dateAtStart().getEpochSecond();
		return new PublishedState(change, config, what, this.changes.shared(), this.clock, answeredBefore,
				this.changes::seenSince);
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

	/** What a request asks for, once its list is read from its parameters. */
	@FunctionalInterface
	interface Document {

		/**
		 * Says what to render.
		 * @param list the list asked for, its parameters checked
		 * @param params the request's parameters, for what is not the list's (the page's filters)
		 * @param updated when what is published last changed (the store, or feeds.yml), as the document may say
		 */
		Rendering prepare(ListRequests.ListRequest list, MultiValueMap<String, String> params, Instant updated);

	}

	/**
	 * @param version what, besides the list, the parameters and the state, tells this variant from others (a feed's
	 * own address)
	 * @param render renders it, reading the store
	 */
	record Rendering(String version, Supplier<String> render) {
	}

}

package fr.manchette.pipeline;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.dedup.IdentifiedItem;
import fr.manchette.fetch.FeedFetcher;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome;
import fr.manchette.fetch.FetchRequest;
import fr.manchette.normalize.Item;
import fr.manchette.normalize.ItemNormalizer;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.ParsedFeed;
import fr.manchette.parse.RawItem;
import fr.manchette.parse.TickerPage;
import fr.manchette.parse.TickerPageParser;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.PollPace;
import fr.manchette.store.PollPaceRepository;
import fr.manchette.store.SaveResult;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Takes one source through fetch → parse → normalize → editorial rules → dedup → store and records the outcome. The only place that
 * knows the order. Whatever goes wrong ends as a recorded outcome: it never throws, so one bad source never stops
 * a poll of the others.
 * <p>
 * A {@code type: html} source takes the same road with two turns: its page is read by {@link TickerPageParser}
 * instead of the feed parser, and its items are normalized by {@link TickerItems}, which keeps what was first read of
 * them and fetches new items' article pages when the source asks for it.
 */
@Component
public class IngestRun {

	private static final Logger log = LoggerFactory.getLogger(IngestRun.class);

	private final CurrentFeeds feeds;

	private final FeedFetcher fetcher;

	private final FeedParser parser;

	private final TickerPageParser tickerParser;

	private final TickerItems tickerItems;

	private final ItemNormalizer normalizer;

	private final Deduplicator deduplicator;

	private final StoreStep store;

	private final SourceStatusRepository statuses;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	private final PollPacer pacer;

	private final PollPaceRepository paces;

	private final PublishDelays delays;

	private final EditorialStep editorial;

	IngestRun(CurrentFeeds feeds, FeedFetcher fetcher, FeedParser parser, TickerPageParser tickerParser,
			TickerItems tickerItems, ItemNormalizer normalizer, Deduplicator deduplicator, StoreStep store,
			SourceStatusRepository statuses, Clock clock, MeterRegistry meters, ApplicationEventPublisher events,
			PollPacer pacer, PollPaceRepository paces, PublishDelays delays, EditorialStep editorial) {
		this.feeds = feeds;
		this.fetcher = fetcher;
		this.parser = parser;
		this.tickerParser = tickerParser;
		this.tickerItems = tickerItems;
		this.normalizer = normalizer;
		this.deduplicator = deduplicator;
		this.store = store;
		this.statuses = statuses;
		this.clock = clock;
		this.meters = meters;
		this.events = events;
		this.pacer = pacer;
		this.paces = paces;
		this.delays = delays;
		this.editorial = editorial;
	}

	public PollReport run(Source source) {
		Instant started = this.clock.instant();
		String url = source.url().toString();
		SourceStatus previous = this.statuses.find(source.id())
			.orElseGet(() -> SourceStatus.unknown(source.id(), url))
			.forUrl(url);
		if (previous.gone()) {
			// 410 at this url: polled again only once the operator gives feeds.yml another url.
			return new PollReport(source.id(), PollOutcome.GONE, 0, 0, null);
		}
		PollReport report;
		try {
			report = poll(source, previous, started);
		}
		catch (RuntimeException ex) {
			log.error("Poll failed source={} kind={}", source.id(), PollOutcome.UNEXPECTED, ex);
			report = failed(source, previous, started, PollOutcome.UNEXPECTED, describe(ex), null);
		}
		this.meters.counter("manchette.polls", "outcome", report.outcome().name()).increment();
		this.meters.counter("manchette.items.stored").increment(report.inserted());
		if (report.inserted() > 0) {
			publish(new ItemsStored(source.id(), report.inserted()));
		}
		return report;
	}

	/**
	 * Takes content that a WebSub hub pushed for a source the same road as a poll's: parse → normalize → dedup →
	 * store, under the same rules (the caller has held it to {@code poll.max-size}; the parser refuses DTDs and
	 * entities). Counts as a success of the source; its timetable, validators and lease stay the polls'. Never
	 * throws: what cannot be read is reported, and nothing of it is stored.
	 */
	public PollReport deliver(Source source, byte[] body, @Nullable String contentType) {
		Instant started = this.clock.instant();
		PollReport report;
		try {
			FeedsFile config = this.feeds.get();
			ParsedFeed feed = this.parser.parse(body, contentType);
			// The hub sends the topic's content: its relative links are relative to the feed's address.
			List<Item> items = normalize(source, feed.items(), source.url(), started, config.timezone());
			Instant previousSuccess = this.statuses.find(source.id()).map(SourceStatus::lastSuccessAt).orElse(null);
			List<Item> inserted = new ArrayList<>();
			SaveResult saved = this.store.storeDelivery(source.id(),
					this.deduplicator.identify(this.editorial.keep(source, config, items, started)), started, inserted);
			this.delays.record(source.id(), inserted, previousSuccess, started);
			log.info("Pushed source={} items={} new={} updated={}", source.id(), items.size(), saved.inserted(),
					saved.updated());
			report = new PollReport(source.id(), PollOutcome.OK, saved.inserted(), saved.updated(), null);
		}
		catch (FeedParseException ex) {
			log.warn("Push refused source={} kind={} detail={}", source.id(), ex.kind(), ex.getMessage());
			report = new PollReport(source.id(), PollOutcome.of(ex.kind()), 0, 0, null);
		}
		catch (RuntimeException ex) {
			log.error("Push failed source={} kind={}", source.id(), PollOutcome.UNEXPECTED, ex);
			report = new PollReport(source.id(), PollOutcome.UNEXPECTED, 0, 0, null);
		}
		this.meters.counter("manchette.websub.deliveries", "outcome", report.outcome().name()).increment();
		this.meters.counter("manchette.items.stored").increment(report.inserted());
		if (report.inserted() > 0) {
			publish(new ItemsStored(source.id(), report.inserted()));
		}
		return report;
	}

	/** Listeners of the pipeline's events must not cost a poll its outcome. */
	private void publish(Object event) {
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			log.error("Event listener failed event={}", event.getClass().getSimpleName(), ex);
		}
	}

	private PollReport poll(Source source, SourceStatus previous, Instant started) {
		FeedsFile config = this.feeds.get();
		URI target = (previous.movedTo() != null) ? URI.create(previous.movedTo()) : source.url();
		FetchRequest request = new FetchRequest(target, previous.etag(), previous.lastModified(),
				config.poll().timeout(), config.poll().maxSize().toBytes(),
				(source.type() == SourceType.HTML) ? FetchRequest.PAGE : FetchRequest.FEED);
		FetchOutcome outcome = this.fetcher.fetch(request);
		// Java 17 has no pattern matching for switch yet.
		if (outcome instanceof Fetched fetched) {
			return fetched(source, previous, started, fetched, config);
		}
		if (outcome instanceof Failed failure) {
			return failed(source, previous, started, PollOutcome.of(failure.kind()), failure.detail(),
					failure.retryAfter());
		}
		return notModified(source, previous, started);
	}

	private PollReport fetched(Source source, SourceStatus previous, Instant started, Fetched fetched,
			FeedsFile config) {
		ParsedFeed feed;
		TickerPage page = null;
		try {
			if (source.type() == SourceType.HTML) {
				page = this.tickerParser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl(),
						source.select(), started);
				feed = page.asFeed();
			}
			else {
				feed = this.parser.parse(fetched.body(), fetched.contentType());
			}
		}
		catch (FeedParseException ex) {
			// A page whose selectors match nothing lands here too: a failure on /api/sources, stored items kept.
			return failed(source, previous, started, PollOutcome.of(ex.kind()), ex.getMessage(), null);
		}
		List<Item> items = (page != null)
				? this.tickerItems.items(source, page, fetched.finalUrl(), started, config.poll())
				: normalize(source, feed.items(), fetched.finalUrl(), started, config.timezone());
		List<IdentifiedItem> identified = this.deduplicator
			.identify(this.editorial.keep(source, config, items, started));
		if (page == null) {
			publish(new FeedHubsRead(source.id(), fetched.finalUrl(), feed.hubs(), feed.self()));
		}
		String movedTo = (fetched.movedTo() != null) ? fetched.movedTo().toString() : null;
		if (movedTo != null && !movedTo.equals(previous.movedTo())) {
			log.warn("Source moved permanently source={} url={} movedTo={}: update its url in feeds.yml",
					source.id(), source.url(), movedTo);
		}
		PollPace pace = pace(source);
		List<Item> inserted = new ArrayList<>();
		List<PollPacer.Decision> decided = new ArrayList<>(1);
		SaveResult saved = this.store.store(source.id(), identified, started, (stored) -> {
			// How many items are new decides the next poll of an adaptive source: known inside the transaction.
			inserted.addAll(stored);
			PollPacer.Decision decision = this.pacer.afterSuccess(source, pace, previous.lastSuccessAt(), started,
					stored.size(), feed.updatePeriod());
			decided.add(decision);
			return previous.succeeded(started, fetched.etag(), fetched.lastModified(), decision.next(), movedTo,
					feed.updatePeriod());
		});
		PollPacer.Decision decision = decided.get(decided.size() - 1);
		recordPace(decision);
		this.delays.record(source.id(), inserted, previous.lastSuccessAt(), started);
		log.info("Polled source={} items={} new={} updated={}", source.id(), identified.size(), saved.inserted(),
				saved.updated());
		return new PollReport(source.id(), PollOutcome.OK, saved.inserted(), saved.updated(), decision.next());
	}

	private List<Item> normalize(Source source, List<RawItem> raw, URI base, Instant fetchedAt, ZoneId zone) {
		List<Item> normalized = new ArrayList<>(raw.size());
		for (RawItem item : raw) {
			try {
				Optional<Item> clean = this.normalizer.normalize(item, base, fetchedAt, zone);
				clean.ifPresent(normalized::add);
			}
			catch (RuntimeException ex) {
				// One item we cannot read must not cost the others.
				log.warn("Item skipped source={} kind={} detail={}", source.id(), PollOutcome.UNEXPECTED, describe(ex),
						ex);
			}
		}
		return normalized;
	}

	private PollReport notModified(Source source, SourceStatus previous, Instant started) {
		PollPacer.Decision decision = this.pacer.afterSuccess(source, pace(source), previous.lastSuccessAt(), started,
				0, previous.declaredInterval());
		this.statuses.recordOutcome(previous.notModified(started, decision.next()));
		recordPace(decision);
		log.debug("Not modified source={}", source.id());
		return new PollReport(source.id(), PollOutcome.NOT_MODIFIED, 0, 0, decision.next());
	}

	private PollReport failed(Source source, SourceStatus previous, Instant started, PollOutcome outcome,
			String detail, @Nullable Duration retryAfter) {
		if (Thread.currentThread().isInterrupted()) {
			// The service is stopping, not the source failing: nothing to hold against it.
			log.info("Poll interrupted source={}", source.id());
			return new PollReport(source.id(), PollOutcome.INTERRUPTED, 0, 0, previous.nextAttemptAt());
		}
		boolean gone = outcome == PollOutcome.GONE;
		PollPacer.Decision decision = gone ? null
				: this.pacer.afterFailure(source, pace(source), started, previous.consecutiveFailures() + 1,
						retryAfter);
		Instant next = (decision != null) ? decision.next() : null;
		if (gone) {
			log.warn("Source gone source={} url={} kind={}: no longer polled; remove it from feeds.yml or change its url",
					source.id(), source.url(), outcome);
		}
		else if (outcome != PollOutcome.UNEXPECTED) {
			log.warn("Poll failed source={} url={} kind={} detail={}", source.id(), source.url(), outcome, detail);
		}
		try {
			this.statuses.recordOutcome(previous.failed(started, outcome, detail, next));
			if (decision != null) {
				this.paces.record(decision.pace());
			}
		}
		catch (RuntimeException ex) {
			log.error("Could not record the outcome source={}", source.id(), ex);
		}
		return new PollReport(source.id(), outcome, 0, 0, next);
	}

	/** What the source's last poll decided; a database hiccup here costs the measured rate, not the poll. */
	private @Nullable PollPace pace(Source source) {
		try {
			return this.paces.find(source.id()).orElse(null);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the pace source={} detail={}", source.id(), ex.getMessage());
			return null;
		}
	}

	private void recordPace(PollPacer.Decision decision) {
		try {
			this.paces.record(decision.pace());
		}
		catch (RuntimeException ex) {
			// The outcome and the next poll are recorded: only /api/sources' explanation is stale.
			log.warn("Could not record the pace source={} detail={}", decision.pace().sourceId(), ex.getMessage());
		}
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

}

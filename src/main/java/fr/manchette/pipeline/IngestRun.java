package fr.manchette.pipeline;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.ShownUrl;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.dedup.Deduplicator;
import fr.manchette.fetch.FailureKind;
import fr.manchette.fetch.FeedFetcher;
import fr.manchette.fetch.FetchOutcome;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome.NotModified;
import fr.manchette.fetch.FetchRequest;
import fr.manchette.fetch.SourcesTime;
import fr.manchette.fetch.WorkerThreads;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.ParsedFeed;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.PollPace;
import fr.manchette.store.PollStart;
import fr.manchette.store.SaveResult;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Takes one source through a poll: fetches and parses here, then hands the raw items to {@link StoreStep} as
 * {@link PollSlices}, where each slice is normalized, judged by the editorial rules and made distinct, and the
 * store step sorts, dates their languages, decides their stories and stores them in the poll's one transaction, its
 * outcome with them. Whatever goes wrong ends as the poll's outcome: it never throws, so one bad source never stops a
 * poll of the others; a poll cut off by the stop or by the store being unreachable ends {@code INTERRUPTED} and
 * records nothing (its lease runs out, or is given back).
 * <p>
 * A {@code type: html} source takes the same road, its page read by selectors ({@link SourceReader}). A poll that
 * got no body to store (a 304, a failure) has its end written by {@link PollRecorder}.
 */
@Component
public class IngestRun {

	private static final Logger log = LoggerFactory.getLogger(IngestRun.class);

	private final CurrentFeeds feeds;

	private final FeedFetcher fetcher;

	private final SourceReader reader;

	private final Deduplicator deduplicator;

	private final EditorialStep editorial;

	private final StoreStep store;

	private final SourceStatusRepository statuses;

	private final PollPacer pacer;

	private final PollRecorder recorder;

	private final PublishDelays delays;

	/** When items are seen, by the sources' time when this clock runs far behind it. */
	private final SourcesTime sourcesTime;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	private final StoreOutage outage;

	private final Map<PollOutcome, Counter> polls = new ConcurrentHashMap<>();

	private final Counter itemsStored;

	private final WorkingPermits working = new WorkingPermits(Runtime.getRuntime().availableProcessors());

	private final LargeBodies largeBodies = new LargeBodies();

	IngestRun(CurrentFeeds feeds, FeedFetcher fetcher, SourceReader reader, Deduplicator deduplicator,
			EditorialStep editorial, StoreStep store, SourceStatusRepository statuses, PollPacer pacer,
			PollRecorder recorder, PublishDelays delays, SourcesTime sourcesTime, Clock clock, MeterRegistry meters,
			ApplicationEventPublisher events, StoreOutage outage) {
		this.feeds = feeds;
		this.outage = outage;
		this.fetcher = fetcher;
		this.reader = reader;
		this.deduplicator = deduplicator;
		this.editorial = editorial;
		this.store = store;
		this.statuses = statuses;
		this.pacer = pacer;
		this.recorder = recorder;
		this.delays = delays;
		this.sourcesTime = sourcesTime;
		this.clock = clock;
		this.meters = meters;
		this.events = events;
		this.itemsStored = meters.counter("manchette.items.stored");
	}

	/** Polls a source from its status and pace as the database has them now. */
	public PollReport run(Source source) {
		return run(source, this.statuses.findStart(source.id()).orElse(null));
	}

	/**
	 * Polls a source from its status and pace as its claim read them ({@link fr.manchette.store.SourceLeases}), null
	 * for a source with no status yet.
	 */
	public PollReport run(Source source, @Nullable PollStart start) {
		Instant started = this.clock.instant();
		String url = source.url().toString();
		SourceStatus previous = ((start != null) ? start.status() : SourceStatus.unknown(source.id(), url))
			.forSource(url, source.reading());
		PollPace pace = (start != null) ? start.pace() : null;
		if (previous.gone()) {
			// 410 at this url: polled again only once the operator gives feeds.yml another url.
			return new PollReport(source.id(), PollOutcome.GONE, 0, 0, null);
		}
		PollReport report;
		try {
			report = poll(source, previous, pace, started);
		}
		catch (RuntimeException ex) {
			if (WorkerThreads.abandoned()) {
				// The stop waited for it no longer: rolled back at a step (PollAbandoned), or the store closed under it.
				// One transaction: nothing of it is stored, and nothing is recorded (there may be no store to write to).
				String detail = (ex instanceof PollAbandoned) ? "rolled back"
						: describe(NestedExceptionUtils.getMostSpecificCause(ex));
				log.warn("Poll abandoned by the stop source={} detail={}: nothing of it stored, polled again at the next "
						+ "start", source.id(), detail);
				report = new PollReport(source.id(), PollOutcome.INTERRUPTED, 0, 0, previous.nextAttemptAt());
			}
			else if (notStored("Poll", source, ex)) {
				// The store failed, not the source: nothing recorded (its validators neither, or the next poll would be
				// answered 304 and these items lost). Its lease runs out and it is polled again.
				report = new PollReport(source.id(), PollOutcome.INTERRUPTED, 0, 0, previous.nextAttemptAt());
			}
			else {
				log.error("Poll failed source={} kind={}", source.id(), PollOutcome.UNEXPECTED, ex);
				report = this.recorder.failed(source, previous, pace, started, PollOutcome.UNEXPECTED, describe(ex),
						null);
			}
		}
		// Looked up once each: a registry lookup by name and tags was a good part of a 304's own work.
		this.polls.computeIfAbsent(report.outcome(), (outcome) -> this.meters.counter("manchette.polls", "outcome",
				outcome.name())).increment();
		this.itemsStored.increment(report.inserted());
		if (report.inserted() > 0) {
			publish(new ItemsStored(source.id(), report.inserted()));
		}
		return report;
	}

	/**
	 * Takes content that a WebSub hub pushed for a source the same road as a poll's: parse → normalize → editorial
	 * rules → dedup → store, under the same rules (the caller has held it to {@code poll.max-size}; the parser refuses
	 * DTDs and entities). Counts as a success of the source; its timetable, validators and lease stay the polls'. Never
	 * throws: what cannot be read is reported, and nothing of it is stored.
	 */
	public PollReport deliver(Source source, byte[] body, @Nullable String contentType) {
		Instant started = this.clock.instant();
		PollReport report;
		// Read and stored with the polls' room, as a poll's body of its size would be.
		try (WorkingPermits.Held held = this.working.take(body.length)) {
			FeedsFile config = this.feeds.get();
			// The hub sends the topic's content: its relative links are relative to the feed's address.
			Instant seen = this.sourcesTime.seen(started);
			PollSlices items = slices(source, config, seen,
					this.reader.readFeed(source, body, contentType, source.url(), seen, config.timezone()));
			Instant previousSuccess = this.statuses.find(source.id()).map(SourceStatus::lastSuccessAt).orElse(null);
			List<Instant> published = new ArrayList<>();
			SaveResult saved = this.store.storeDelivery(source.id(), items, seen, published);
			this.delays.record(source.id(), published, previousSuccess, started);
			log.info("Pushed source={} items={} new={} updated={}", source.id(), items.read(), saved.inserted(),
					saved.updated());
			report = new PollReport(source.id(), PollOutcome.OK, saved.inserted(), saved.updated(), null);
		}
		catch (FeedParseException ex) {
			log.warn("Push refused source={} kind={} detail={}", source.id(), ex.kind(), ex.getMessage());
			report = new PollReport(source.id(), PollOutcome.of(ex.kind()), 0, 0, null);
		}
		catch (RuntimeException ex) {
			if (notStored("Push", source, ex)) {
				// Its items come with the source's next poll: its validators were those of the poll before.
				report = new PollReport(source.id(), PollOutcome.INTERRUPTED, 0, 0, null);
			}
			else {
				log.error("Push failed source={} kind={}", source.id(), PollOutcome.UNEXPECTED, ex);
				report = new PollReport(source.id(), PollOutcome.UNEXPECTED, 0, 0, null);
			}
		}
		this.meters.counter("manchette.websub.deliveries", "outcome", report.outcome().name()).increment();
		this.itemsStored.increment(report.inserted());
		if (report.inserted() > 0) {
			publish(new ItemsStored(source.id(), report.inserted()));
		}
		return report;
	}

	/**
	 * Whether {@code ex} is the store's failure, not the source's: the database could not be reached (said once for
	 * the whole outage, see {@link StoreOutage}), or a statement gave up waiting for a lock (a table someone locked:
	 * a {@code VACUUM FULL}, an {@code ALTER TABLE}). Then a line says that this poll or push was not stored.
	 */
	private boolean notStored(String what, Source source, RuntimeException ex) {
		if (!this.outage.said("storing polls", ex)) {
			return false;
		}
		log.info("{} not stored source={}: the store failed, not the source", what, source.id());
		return true;
	}

	/** The largest body read for a source: {@code maxSize}, or less when the heap cannot store that much. */
	public long largestBody(long maxSize) {
		return this.largeBodies.storable(maxSize);
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

	private PollReport poll(Source source, SourceStatus previous, @Nullable PollPace pace, Instant started) {
		FeedsFile config = this.feeds.get();
		long maxSize = config.poll().maxSize().toBytes();
		long maxBytes = largestBody(maxSize);
		try (LargeBodies.Turn turn = this.largeBodies.turn(source.id())) {
			if (turn.expected() && !await(turn)) {
				return this.recorder.interrupted(source, previous);
			}
			Optional<FetchOutcome> answer = fetch(source, previous, config, turn.cap(maxBytes));
			if (answer.isPresent() && turn.cap(maxBytes) < maxBytes && answer.get() instanceof Failed failure
					&& failure.kind() == FailureKind.TOO_LARGE) {
				// Over a small body's size, not over max-size: fetched again whole in its turn.
				this.largeBodies.remember(source.id(), maxBytes);
				answer = await(turn) ? fetch(source, previous, config, maxBytes) : Optional.empty();
			}
			if (answer.isEmpty()) {
				return this.recorder.interrupted(source, previous);
			}
			FetchOutcome outcome = answer.get();
			// Java 17 has no pattern matching for switch yet.
			if (outcome instanceof Fetched fetched) {
				this.largeBodies.remember(source.id(), fetched.body().length);
				// Not interruptible: a body fetched is stored, as it was when polls stored at once. A poll stopped
				// here would hand its source back, and another instance would fetch it again within the interval.
				try (WorkingPermits.Held held = this.working.take(fetched.body().length)) {
					// Handed on so that no frame holds the body (up to max-size) once it is read, while its items are
					// read and stored a slice at a time: this one would, as long as a local of it did.
					AtomicReference<Fetched> handed = new AtomicReference<>(fetched);
					answer = Optional.empty();
					outcome = null;
					fetched = null;
					return fetched(source, previous, pace, started, handed, config);
				}
			}
			if (outcome instanceof Failed failure) {
				String detail = failure.detail();
				if (failure.kind() == FailureKind.TOO_LARGE && maxBytes < maxSize) {
					detail = LargeBodies.heapTooSmall(detail, maxSize, maxBytes);
				}
				return this.recorder.failed(source, previous, pace, started, PollOutcome.of(failure.kind()), detail,
						failure.retryAfter());
			}
			return this.recorder.notModified(source, previous, pace, started, (NotModified) outcome);
		}
	}

	/** Fetches the source, or gives nothing when the service stops meanwhile. */
	private Optional<FetchOutcome> fetch(Source source, SourceStatus previous, FeedsFile config, long maxBytes) {
		URI target = (previous.movedTo() != null) ? URI.create(previous.movedTo()) : source.url();
		FetchRequest request = new FetchRequest(target, previous.etag(), previous.lastModified(),
				config.poll().timeout(), maxBytes,
				(source.type() == SourceType.HTML) ? FetchRequest.PAGE : FetchRequest.FEED);
		// The one part of a poll that the service's stop interrupts, with the wait for a turn: the store's file must
		// never see an interrupt.
		return WorkerThreads.whileWaiting(() -> this.fetcher.fetch(request));
	}

	/** Waits for the turn to hold a large body; false when the service stops meanwhile. */
	private static boolean await(LargeBodies.Turn turn) {
		return WorkerThreads.whileWaiting(turn::await).orElse(false);
	}

	private PollReport fetched(Source source, SourceStatus previous, @Nullable PollPace pace, Instant started,
			AtomicReference<Fetched> handed, FeedsFile config) {
		Fetched fetched = handed.getAndSet(null);
		// Read after the fetch, whose answer's Date counts.
		Instant seen = this.sourcesTime.seen(started);
		SourceReader.Read read;
		try {
			read = this.reader.read(source, fetched.body(), fetched.contentType(), fetched.finalUrl(), seen, config,
					fetched.cut());
		}
		catch (FeedParseException ex) {
			if (fetched.cut()) {
				// Not the document's fault: the connection ended before its first whole item.
				return this.recorder.failed(source, previous, pace, started, PollOutcome.NETWORK,
						PollDetail.CUT_BEFORE_ITEM.with(fetched.body().length), null);
			}
			// A page whose selectors match nothing lands here too: a failure on /api/sources, stored items kept.
			return this.recorder.failed(source, previous, pace, started, PollOutcome.of(ex.kind()), ex.getMessage(),
					null);
		}
		PollAbandoned.check();
		PollSlices items = slices(source, config, seen, read.items());
		ParsedFeed feed = read.feed();
		if (!read.page()) {
			publish(new FeedHubsRead(source.id(), fetched.finalUrl(), feed.hubs(), feed.self()));
		}
		String movedTo = (fetched.movedTo() != null) ? fetched.movedTo().toString() : null;
		if (movedTo != null && !movedTo.equals(previous.movedTo())) {
			log.warn("Source moved permanently source={} url={} movedTo={}: update its url in feeds.yml",
					source.id(), source.shownUrl(), ShownUrl.of(movedTo));
		}
		// What the store step's callback needs, not the body and the feed as parsed (some three times the body),
		// which it would keep reachable while the items are read and stored; the body is let go here.
		String etag = fetched.etag();
		String lastModified = fetched.lastModified();
		boolean cut = fetched.cut();
		boolean endedEarly = feed.endedEarly();
		int bytes = fetched.body().length;
		URI finalUrl = fetched.finalUrl();
		fetched = null;
		Duration updatePeriod = feed.updatePeriod();
		List<Instant> published = new ArrayList<>();
		List<PollPacer.Decision> decided = new ArrayList<>(1);
		List<String> cutShort = new ArrayList<>(1);
		SaveResult saved = this.store.store(source.id(), items, seen, (inserted) -> {
			// How many items are new decides the next poll of an adaptive source: known inside the transaction.
			published.addAll(inserted.published());
			PollPacer.Decision decision = this.pacer.afterSuccess(source, pace, previous.lastSuccessAt(), started,
					inserted.count(), updatePeriod);
			decided.add(decision);
			SourceStatus succeeded = previous.succeeded(started, etag, lastModified, decision.next(), movedTo,
					updatePeriod);
			// Once every item is read: how many came whole.
			String detail = cutShort(cut, endedEarly, bytes, items.read());
			if (detail == null) {
				return succeeded;
			}
			cutShort.add(detail);
			return succeeded.cutShort(detail);
		});
		if (!cutShort.isEmpty()) {
			log.warn("Body cut short source={} url={} detail={}", source.id(), ShownUrl.of(finalUrl.toString()),
					cutShort.get(cutShort.size() - 1));
		}
		PollPacer.Decision decision = decided.get(decided.size() - 1);
		this.recorder.recordPace(decision);
		this.delays.record(source.id(), published, previous.lastSuccessAt(), started);
		log.info("Polled source={} items={} new={} updated={}", source.id(), items.handedOn(), saved.inserted(),
				saved.updated());
		return new PollReport(source.id(), PollOutcome.OK, saved.inserted(), saved.updated(), decision.next());
	}

	/**
	 * What {@code lastError} says of a body that is not all of the feed, or null when it is. Cut by the connection
	 * (shorter than its Content-Length, a chunked or gzip stream that stops), or a document that ends early where
	 * HTTP could not tell (a connection closed in a body that gave no length, a file cut at a fixed size on the
	 * server). Either way it gives the items read whole, none half read, and nothing is ever removed for being missing
	 * from a feed, so what the cut hid is merely not seen; its validators vouch for a whole not received, so none is
	 * kept and the next poll asks for all of it.
	 */
	private static @Nullable String cutShort(boolean cut, boolean endedEarly, int bytes, int items) {
		if (cut) {
			return PollDetail.CUT_SHORT.with(bytes, items);
		}
		if (endedEarly) {
			return PollDetail.ENDED_EARLY.with(bytes, items);
		}
		return null;
	}

	/** A poll's items, read, judged and identified a slice at a time as the store step asks for them. */
	private PollSlices slices(Source source, FeedsFile config, Instant seen, SourceReader.Items items) {
		return new PollSlices(items, (slice) -> this.editorial.keep(source, config, slice, items.keys(), seen),
				this.deduplicator);
	}

	static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

}

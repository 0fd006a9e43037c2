package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;

import fr.manchette.config.Source;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.PollPace;
import fr.manchette.store.PollPaceRepository;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the end of a poll that stored nothing writes: its outcome and next attempt in {@code source_status}, and the
 * pace an adaptive source keeps, in one statement. A poll that stores items records its outcome in their transaction
 * ({@link StoreStep}).
 */
@Component
class PollRecorder {

	// The poll's log lines keep the logger an operator knows them by.
	private static final Logger log = LoggerFactory.getLogger(IngestRun.class);

	private final SourceStatusRepository statuses;

	private final PollPacer pacer;

	private final PollPaceRepository paces;

	PollRecorder(SourceStatusRepository statuses, PollPacer pacer, PollPaceRepository paces) {
		this.statuses = statuses;
		this.pacer = pacer;
		this.paces = paces;
	}

	/** A 304: its outcome and pace in one statement. */
	PollReport notModified(Source source, SourceStatus previous, @Nullable PollPace pace, Instant started) {
		PollPacer.Decision decision = this.pacer.afterSuccess(source, pace, previous.lastSuccessAt(), started, 0,
				previous.declaredInterval());
		this.statuses.recordOutcome(previous.notModified(started, decision.next()), decision.pace());
		log.debug("Not modified source={}", source.id());
		return new PollReport(source.id(), PollOutcome.NOT_MODIFIED, 0, 0, decision.next());
	}

	/**
	 * A failure of the fetch, of the parse, or unforeseen: counted and described, the next attempt pushed back (never
	 * for a source gone for good); nothing held against the source when the service is stopping.
	 */
	PollReport failed(Source source, SourceStatus previous, @Nullable PollPace pace, Instant started,
			PollOutcome outcome, String detail, @Nullable Duration retryAfter) {
		if (Thread.currentThread().isInterrupted()) {
			// The service is stopping, not the source failing: nothing to hold against it.
			log.info("Poll interrupted source={}", source.id());
			return new PollReport(source.id(), PollOutcome.INTERRUPTED, 0, 0, previous.nextAttemptAt());
		}
		boolean gone = outcome == PollOutcome.GONE;
		PollPacer.Decision decision = gone ? null
				: this.pacer.afterFailure(source, pace, started, previous.consecutiveFailures() + 1,
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
			SourceStatus failed = previous.failed(started, outcome, detail, next);
			if (decision != null) {
				this.statuses.recordOutcome(failed, decision.pace());
			}
			else {
				this.statuses.recordOutcome(failed);
			}
		}
		catch (RuntimeException ex) {
			log.error("Could not record the outcome source={}", source.id(), ex);
		}
		return new PollReport(source.id(), outcome, 0, 0, next);
	}

	void recordPace(PollPacer.Decision decision) {
		try {
			this.paces.record(decision.pace());
		}
		catch (RuntimeException ex) {
			// The outcome and the next poll are recorded: only /api/sources' explanation is stale.
			log.warn("Could not record the pace source={} detail={}", decision.pace().sourceId(), ex.getMessage());
		}
	}

}

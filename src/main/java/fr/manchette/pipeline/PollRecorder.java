package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import fr.manchette.config.ShownUrl;
import fr.manchette.config.Source;
import fr.manchette.fetch.FetchOutcome.NotModified;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.PollPace;
import fr.manchette.store.PollPaceRepository;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreOutage;
import fr.manchette.store.SourceStatusRepository.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the end of a poll that got no body to store (a 304, a failure) writes: its outcome and next attempt in
 * {@code source_status}, and the source's pace, in one statement. A poll whose body is read records its outcome in
 * its items' transaction ({@link StoreStep}), and its pace here ({@link #recordPace}).
 */
@Component
class PollRecorder {

	// The poll's log lines keep the logger an operator knows them by.
	private static final Logger log = LoggerFactory.getLogger(IngestRun.class);

	private final SourceStatusRepository statuses;

	private final PollPacer pacer;

	private final PollPaceRepository paces;

	private final StoreOutage outage;

	private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

	// Not for correctness (each 304 is its own row's update): it only lets one poll write for those that end with it.
	private final Lock writing = new ReentrantLock();

	PollRecorder(SourceStatusRepository statuses, PollPacer pacer, PollPaceRepository paces, StoreOutage outage) {
		this.statuses = statuses;
		this.outage = outage;
		this.pacer = pacer;
		this.paces = paces;
	}

	/**
	 * A 304: its outcome and pace in one statement, written before this returns. The 304s of polls that end together
	 * are written together ({@link #writeWaiting}): after a restart a whole round answers 304 at once, and a
	 * transaction each was a third of its CPU.
	 */
	PollReport notModified(Source source, SourceStatus previous, @Nullable PollPace pace, Instant started,
			NotModified answer) {
		PollPacer.Decision decision = this.pacer.afterSuccess(source, pace, previous.lastSuccessAt(), started, 0,
				previous.declaredInterval());
		SourceStatus status = previous.notModified(started, decision.next(), answer.etag(), answer.lastModified());
		Waiting mine = new Waiting(new Outcome(status, decision.pace()), new CompletableFuture<>());
		this.waiting.add(mine);
		writeWaiting();
		try {
			mine.written().join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		log.debug("Not modified source={}", source.id());
		return new PollReport(source.id(), PollOutcome.NOT_MODIFIED, 0, 0, decision.next());
	}

	/**
	 * Writes the waiting 304s in one batch, unless another poll is writing: that one takes them in its next batch
	 * (it looks again once it has let go of the lock, so none is left behind). A poll alone writes its own at once.
	 */
	private void writeWaiting() {
		while (!this.waiting.isEmpty() && this.writing.tryLock()) {
			try {
				List<Waiting> batch = new ArrayList<>();
				for (Waiting next = this.waiting.poll(); next != null; next = this.waiting.poll()) {
					batch.add(next);
				}
				if (batch.isEmpty()) {
					continue;
				}
				try {
					this.statuses.recordOutcomes(batch.stream().map(Waiting::outcome).toList());
					batch.forEach((written) -> written.written().complete(null));
				}
				catch (RuntimeException ex) {
					batch.forEach((failed) -> failed.written().completeExceptionally(ex));
				}
			}
			finally {
				this.writing.unlock();
			}
		}
	}

	/** A 304 to write, and the poll that waits for it. */
	private record Waiting(Outcome outcome, CompletableFuture<@Nullable Void> written) {
	}

	/**
	 * A failure of the fetch, of the parse, or unforeseen: counted and described, the next attempt pushed back (never
	 * for a source gone for good); nothing held against the source when the service is stopping.
	 */
	PollReport failed(Source source, SourceStatus previous, @Nullable PollPace pace, Instant started,
			PollOutcome outcome, String detail, @Nullable Duration retryAfter) {
		if (Thread.currentThread().isInterrupted()) {
			return interrupted(source, previous);
		}
		boolean gone = outcome == PollOutcome.GONE;
		PollPacer.Decision decision = gone ? null
				: this.pacer.afterFailure(source, pace, started, previous.consecutiveFailures() + 1,
						retryAfter);
		Instant next = (decision != null) ? decision.next() : null;
		if (gone) {
			log.warn("Source gone source={} url={} kind={}: no longer polled; remove it from feeds.yml or change its url",
					source.id(), source.shownUrl(), outcome);
		}
		else if (outcome != PollOutcome.UNEXPECTED) {
			// The log goes further than the operator: a credential in the url is hidden there too.
			log.warn("Poll failed source={} url={} kind={} detail={}", source.id(), source.shownUrl(), outcome,
					ShownUrl.of(detail));
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
			// Its lease runs out, and it is polled again once the store answers.
			if (!this.outage.said("recording the outcome of source=" + source.id(), ex)) {
				log.error("Could not record the outcome source={}", source.id(), ex);
			}
		}
		return new PollReport(source.id(), outcome, 0, 0, next);
	}

	/** A poll that the service's stop ended: nothing written, nothing held against the source. */
	PollReport interrupted(Source source, SourceStatus previous) {
		log.info("Poll interrupted source={}", source.id());
		return new PollReport(source.id(), PollOutcome.INTERRUPTED, 0, 0, previous.nextAttemptAt());
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

package fr.manchette.store;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When the items last changed: the validator of every published document. It moves only once a write is committed,
 * so that a reader never caches old content under a new validator.
 */
@Component
public class StoreChanges {

	private final Clock clock;

	private final AtomicReference<Change> last;

	StoreChanges(Clock clock) {
		this.clock = clock;
		// Starts at boot time: a restart may have changed what is stored under us (retention, a restored file).
		this.last = new AtomicReference<>(new Change(0, clock.instant()));
	}

	/** The current change: its sequence number and when it happened. */
	public Change current() {
		return this.last.get();
	}

	void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					bump();
				}
			});
		}
		else {
			bump();
		}
	}

	private void bump() {
		Instant now = this.clock.instant();
		this.last.updateAndGet((previous) -> new Change(previous.sequence() + 1,
				now.isAfter(previous.at()) ? now : previous.at()));
	}

	/** One state of the store. */
	public record Change(long sequence, Instant at) {
	}

}

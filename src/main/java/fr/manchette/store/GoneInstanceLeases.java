package fr.manchette.store;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, gives back every few seconds the leases of the instances that are gone ({@link LeaseOwner}), polls'
 * and webhook deliveries' alike: a killed instance's sources are polled, and its deliveries sent, by the others
 * within seconds, not once its leases run out, even if it is not started again. Each round also takes this
 * instance's own lock again if its connection was lost. A start gives them back first, before its first claim
 * ({@link SourceLeases#releaseLeftBehind}).
 */
@Component
class GoneInstanceLeases implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GoneInstanceLeases.class);

	/** A round reads the lease owners of two tables through their indexes, and tries a lock for each other instance. */
	static final Duration EVERY = Duration.ofSeconds(5);

	private final LeaseOwner instance;

	private final SourceLeases sources;

	private final WebhookOutbox deliveries;

	private final StoreOutage outage;

	private final BackgroundRounds rounds = new BackgroundRounds("gone-instance-leases");

	GoneInstanceLeases(LeaseOwner instance, SourceLeases sources, WebhookOutbox deliveries, StoreOutage outage) {
		this.instance = instance;
		this.outage = outage;
		this.sources = sources;
		this.deliveries = deliveries;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.instance.tellsGone()) {
			this.rounds.start(EVERY, EVERY, this::round);
		}
	}

	/** One round: this instance's lock kept, the leases of the gone ones given back. */
	void round() {
		try {
			this.instance.keepHeld();
			int polls = this.sources.releaseLeftBehind(this.instance.name());
			int claims = this.deliveries.releaseLeftBehind(this.instance.name());
			if (polls + claims > 0) {
				log.info("Gave back the leases of instances gone sources={} deliveries={}", polls, claims);
			}
			this.outage.answered();
		}
		catch (RuntimeException ex) {
			// The database may be unreachable for a while: the next round tries again, and until then leases run out.
			if (!this.outage.said("giving back the leases of instances gone", ex)) {
				log.warn("Could not give back the leases of instances gone kind={} detail={}",
						ex.getClass().getSimpleName(), ex.getMessage());
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.rounds.stop();
	}

}

package fr.manchette.websub;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import fr.manchette.pipeline.PushedSources;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscriptions;

/**
 * The sources a hub pushes: verified, and their lease not over. A source whose subscription failed, was denied or
 * ran out is polled at its own pace again from its next poll on.
 */
class SubscribedSources implements PushedSources {

	private final WebSubSubscriptions subscriptions;

	private final Clock clock;

	SubscribedSources(WebSubSubscriptions subscriptions, Clock clock) {
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	@Override
	public boolean pushed(String sourceId) {
		return this.subscriptions.find(sourceId).map((subscription) -> subscription.pushing(this.clock.instant()))
			.orElse(false);
	}

	@Override
	public Set<String> pushedNow() {
		Instant now = this.clock.instant();
		return this.subscriptions.findAll()
			.stream()
			.filter((subscription) -> subscription.pushing(now))
			.map(WebSubSubscription::sourceId)
			.collect(Collectors.toUnmodifiableSet());
	}

}

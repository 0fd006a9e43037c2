package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;

import fr.manchette.config.Source;
import fr.manchette.config.WebSubSettings;
import fr.manchette.store.WebSubSubscriptions;
import org.springframework.stereotype.Component;

/**
 * The poll interval of a source that a WebSub hub may push: polling never stops for it, it only slows down to the
 * ceiling while the hub's lease runs (a safety net for a push that goes missing), and is back to the source's own
 * interval as soon as the hub fails (refused, lease over, renewal not verified).
 */
@Component
class PushSafetyNet {

	private final WebSubSettings settings;

	private final WebSubSubscriptions subscriptions;

	PushSafetyNet(WebSubSettings settings, WebSubSubscriptions subscriptions) {
		this.settings = settings;
		this.subscriptions = subscriptions;
	}

	/** The interval to poll the source at after a poll at {@code now}. */
	Duration interval(Source source, Instant now) {
		if (!this.settings.subscribing()) {
			return source.interval();
		}
		boolean pushed = this.subscriptions.find(source.id()).map((subscription) -> subscription.pushing(now))
			.orElse(false);
		return pushed ? ceiling(source) : source.interval();
	}

	/**
	 * The hook for the ceiling of adaptive polling ({@code poll.max-interval}): a pushed source is polled at it. Until
	 * that setting exists, a pushed source keeps its own interval.
	 */
	private static Duration ceiling(Source source) {
		return source.interval();
	}

}

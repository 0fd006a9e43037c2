package fr.manchette.pipeline;

import java.time.Duration;

import fr.manchette.config.Source;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The poll interval of a source that a WebSub hub may push: polling never stops for it, it only slows down to the
 * ceiling while the hub pushes it (a safety net for a push that goes missing), and is back to the source's own
 * interval as soon as the hub fails (refused, lease over, renewal not verified). Whether it is pushed is the
 * {@link PushedSources} bean's to say; without one, no source is.
 */
@Component
class PushSafetyNet {

	private final ObjectProvider<PushedSources> pushed;

	PushSafetyNet(ObjectProvider<PushedSources> pushed) {
		this.pushed = pushed;
	}

	/** The interval to poll the source at after a poll. */
	Duration interval(Source source) {
		PushedSources sources = this.pushed.getIfAvailable();
		return (sources != null && sources.pushed(source.id())) ? ceiling(source) : source.interval();
	}

	/**
	 * The hook for the ceiling of adaptive polling ({@code poll.max-interval}): a pushed source is polled at it. Until
	 * that setting exists, a pushed source keeps its own interval.
	 */
	private static Duration ceiling(Source source) {
		return source.interval();
	}

}

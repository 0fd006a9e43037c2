package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;

import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.Source;
import fr.manchette.store.PollPace;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides when a source is polled next, and records why: at its fixed interval, or at its adaptive one (see
 * {@link AdaptiveInterval}), lengthened by what the feed declares, or backing off after failures. Every source's rate
 * is measured, adaptive or not, so that turning {@code adaptive} on starts from what is known.
 */
@Component
class PollPacer {

	private final Duration floor;

	private final ObjectProvider<PushedSources> pushed;

	PollPacer(ManchetteProperties properties, ObjectProvider<PushedSources> pushed) {
		this.floor = properties.polling().minInterval();
		this.pushed = pushed;
	}

	/** The pace to record and the next poll. */
	record Decision(PollPace pace, Instant next) {
	}

	/**
	 * After a 200 or a 304.
	 * @param previous what the last poll decided, null if none did
	 * @param previousSuccess when the source last answered, null for its first poll
	 * @param newItems items this poll stored for the first time (none for a 304)
	 * @param declared how often the feed says it changes, if it says
	 */
	Decision afterSuccess(Source source, @Nullable PollPace previous, @Nullable Instant previousSuccess, Instant now,
			int newItems, @Nullable Duration declared) {
		Duration elapsed = (previousSuccess != null) ? Duration.between(previousSuccess, now) : null;
		AdaptiveInterval.Rate known = known(previous);
		AdaptiveInterval.Rate rate = AdaptiveInterval.rate(known, source.interval(), elapsed, newItems);
		boolean measured = known != null || (elapsed != null && !elapsed.isNegative() && !elapsed.isZero());
		Duration interval;
		IntervalReason reason;
		Instant next;
		if (pushed(source)) {
			interval = source.maxInterval();
			reason = IntervalReason.PUSHED;
			next = notPast(PollTiming.afterSuccess(now, interval), now, source.maxInterval());
		}
		else if (source.adaptive()) {
			AdaptiveInterval.Choice choice = AdaptiveInterval.interval(rate.perHour(), this.floor, source.maxInterval(), declared);
			interval = choice.interval();
			// Until a poll measures the rate, the mean time between items is the assumed one: its interval.
			reason = (choice.reason() == IntervalReason.RATE && !measured) ? IntervalReason.START : choice.reason();
			// The jitter never makes a quiet source wait past its ceiling: that is the promise of max-interval.
			next = notPast(PollTiming.afterSuccess(now, interval), now, source.maxInterval());
		}
		else {
			PollTiming.Fixed fixed = PollTiming.fixed(source.interval(), declared);
			interval = fixed.interval();
			reason = fixed.reason();
			next = PollTiming.afterSuccess(now, interval);
		}
		return new Decision(pace(source, measured ? rate : null, interval, reason.word()), next);
	}

	/** After a failure (not a 410): the rate is kept, the wait backs off from the interval the source would have. */
	Decision afterFailure(Source source, @Nullable PollPace previous, Instant now, int consecutiveFailures,
			@Nullable Duration retryAfter) {
		AdaptiveInterval.Rate known = known(previous);
		AdaptiveInterval.Rate rate = AdaptiveInterval.rate(known, source.interval(), null, 0);
		Duration base = source.interval();
		if (source.adaptive() && !pushed(source)) {
			base = AdaptiveInterval.interval(rate.perHour(), this.floor, source.maxInterval(), null).interval();
		}
		Instant next = PollTiming.afterFailure(now, base, consecutiveFailures, retryAfter);
		return new Decision(pace(source, known, Duration.between(now, next), IntervalReason.BACKOFF.word()), next);
	}

	/**
	 * The pace to record, with the rate once measured only: until a poll has measured one, the rate is the starting
	 * assumption (an item an interval), which {@code /api/sources} would show as the source's rate, and which the next
	 * poll assumes again from the interval then in force.
	 */
	private static PollPace pace(Source source, AdaptiveInterval.@Nullable Rate measured, Duration interval,
			String reason) {
		return (measured != null) ? new PollPace(source.id(), measured.perHour(), measured.hours(), interval, reason)
				: new PollPace(source.id(), null, null, interval, reason);
	}

	private static AdaptiveInterval.@Nullable Rate known(@Nullable PollPace pace) {
		if (pace == null || pace.arrivalRate() == null || pace.observedHours() == null) {
			return null;
		}
		return new AdaptiveInterval.Rate(pace.arrivalRate(), pace.observedHours());
	}

	private boolean pushed(Source source) {
		PushedSources sources = this.pushed.getIfAvailable();
		return sources != null && sources.pushed(source.id());
	}

	private static Instant notPast(Instant next, Instant now, Duration ceiling) {
		Instant latest = now.plus(ceiling);
		return next.isAfter(latest) ? latest : next;
	}

}

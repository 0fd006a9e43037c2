package fr.manchette.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import fr.manchette.config.ManchetteProperties;
import fr.manchette.config.Source;
import fr.manchette.store.PollPace;
import fr.manchette.store.SourceStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides when a source is polled next, and records why: at its fixed interval, or at its adaptive one (see
 * {@link AdaptiveInterval}), lengthened by what the feed declares, or backing off after failures. Every source's rate
 * is measured, adaptive or not, so that turning {@code adaptive} on starts from what is known. Also says what interval
 * is in force now, and why, for {@code /api/sources} and the sources page ({@link #inForce}).
 */
@Component
public class PollPacer {

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
		if (pushed(source)) {
			Instant next = notPast(PollTiming.afterSuccess(now, source.maxInterval()), now, source.maxInterval());
			return new Decision(pace(source, measured ? rate : null, source.maxInterval(), IntervalReason.PUSHED), next);
		}
		PollTiming.InForce own = ownPace(source, measured ? rate.perHour() : null, declared);
		Instant next = PollTiming.afterSuccess(now, own.interval());
		// The jitter never makes a quiet adaptive source wait past its ceiling: that is the promise of max-interval.
		next = source.adaptive() ? notPast(next, now, source.maxInterval()) : next;
		return new Decision(pace(source, measured ? rate : null, own.interval(), own.reason()), next);
	}

	/** After a failure (not a 410): the rate is kept, the wait backs off from the interval the source would have. */
	Decision afterFailure(Source source, @Nullable PollPace previous, Instant now, int consecutiveFailures,
			@Nullable Duration retryAfter) {
		AdaptiveInterval.Rate known = known(previous);
		Duration base = (source.adaptive() && !pushed(source))
				? ownPace(source, (known != null) ? known.perHour() : null, null).interval() : source.interval();
		Instant next = PollTiming.afterFailure(now, base, consecutiveFailures, retryAfter);
		return new Decision(pace(source, known, Duration.between(now, next), IntervalReason.BACKOFF), next);
	}

	/**
	 * The interval in force now and why, as {@code /api/sources} shows it; null for a source that is not polled
	 * ({@code enabled: false}, or gone). What the last poll decided where only a poll decides it: a backoff, and a
	 * push while it goes on. Otherwise what the source's settings of now and its rate as measured give, which its next
	 * poll keeps: an edit of its interval, of its max-interval, or adaptive turned on or off, shows at once, and so
	 * does a push that ended (the source disabled and enabled again, taken out and put back, its lease over).
	 * @param status its row: whether it is gone, and how often the feed said it changes, at its last poll
	 * @param last what the last poll decided, under the feeds.yml of then; null before the first
	 * @param pushedNow the sources pushed now, as {@link #pushedNow} read them once for all the sources shown
	 */
	public PollTiming.@Nullable InForce inForce(Source source, SourceStatus status, @Nullable PollPace last,
			Set<String> pushedNow) {
		if (!source.enabled() || status.gone()) {
			return null;
		}
		if (last != null && IntervalReason.BACKOFF.word().equals(last.reason())) {
			return new PollTiming.InForce(last.interval(), IntervalReason.BACKOFF);
		}
		if (last != null && IntervalReason.PUSHED.word().equals(last.reason()) && pushedNow.contains(source.id())) {
			return new PollTiming.InForce(last.interval(), IntervalReason.PUSHED);
		}
		return ownPace(source, (last != null) ? last.arrivalRate() : null, status.declaredInterval());
	}

	/**
	 * The interval of a source that is not pushed nor failing: its fixed one; or, adaptive, the mean time between its
	 * items at the rate measured (null before a poll measured one: then the rate it is assumed to have, an item per
	 * interval, and the reason {@code start}), within its floor and ceiling, lengthened by what the feed declares.
	 */
	private PollTiming.InForce ownPace(Source source, @Nullable Double measured, @Nullable Duration declared) {
		if (!source.adaptive()) {
			return PollTiming.fixed(source.interval(), declared);
		}
		double perHour = (measured != null) ? measured
				: AdaptiveInterval.rate(null, source.interval(), null, 0).perHour();
		AdaptiveInterval.Choice choice = AdaptiveInterval.interval(perHour, this.floor, source.maxInterval(), declared);
		// Until a poll measures the rate, the mean time between items is the assumed one: its interval.
		return new PollTiming.InForce(choice.interval(),
				(choice.reason() == IntervalReason.RATE && measured == null) ? IntervalReason.START : choice.reason());
	}

	/**
	 * The pace to record, with the rate once measured only: until a poll has measured one, the rate is the starting
	 * assumption (an item an interval), which {@code /api/sources} would show as the source's rate, and which the next
	 * poll assumes again from the interval then in force.
	 */
	private static PollPace pace(Source source, AdaptiveInterval.@Nullable Rate measured, Duration interval,
			IntervalReason reason) {
		return (measured != null)
				? new PollPace(source.id(), measured.perHour(), measured.hours(), interval, reason.word())
				: new PollPace(source.id(), null, null, interval, reason.word());
	}

	private static AdaptiveInterval.@Nullable Rate known(@Nullable PollPace pace) {
		if (pace == null || pace.arrivalRate() == null || pace.observedHours() == null) {
			return null;
		}
		return new AdaptiveInterval.Rate(pace.arrivalRate(), pace.observedHours());
	}

	/** The ids of the sources pushed now, in one read: what {@link #inForce} takes, for every source shown. */
	public Set<String> pushedNow() {
		PushedSources sources = this.pushed.getIfAvailable();
		return (sources != null) ? sources.pushedNow() : Set.of();
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

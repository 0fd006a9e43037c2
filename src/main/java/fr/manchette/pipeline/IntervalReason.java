package fr.manchette.pipeline;

import java.util.Locale;

/**
 * Why a source is polled at the interval in force, or why none is, as {@code /api/sources} shows it
 * ({@code intervalReason}).
 */
public enum IntervalReason {

	/** The source's {@code interval} (or {@code poll.interval}): it is not adaptive. */
	FIXED,
	/** Adaptive: the mean time between its new items. */
	RATE,
	/** Adaptive: it publishes faster than {@code manchette.polling.min-interval}, which holds it back. */
	FLOOR,
	/** Adaptive: it is quiet, and waits {@code max-interval}. */
	CEILING,
	/** The feed's {@code <ttl>} or {@code sy:updatePeriod} asks for a longer wait. */
	TTL,
	/** It failed: the wait grows with each failure in a row. */
	BACKOFF,
	/** Its new items are pushed to this service: polled at its ceiling, as a safety net only. */
	PUSHED,
	/**
	 * Adaptive, its rate not measured yet (not polled, or polled once: the first poll reads a backlog): polled at its
	 * {@code interval}, the rate it is assumed to have until measured.
	 */
	START,
	/** Not polled: {@code enabled: false} in feeds.yml. No interval is in force. */
	DISABLED,
	/** Not polled: the feed answered 410, until feeds.yml gives it another url. No interval is in force. */
	GONE;

	/** The word of {@code /api/sources}: {@code rate}, {@code ceiling}. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

}

package fr.manchette.publish;

import fr.manchette.store.PollOutcome;

/**
 * What a source's last poll says of it, one word for the page's summary, its rows and the metrics alike: a source
 * gone (410) is not failing, it told us it was removed, and is not polled any more.
 */
enum SourceState {

	/** Its last poll worked (200 or 304), or a hub pushed to it. */
	OK,
	/** Its last poll failed, and it is polled again after a pause. */
	FAILING,
	/** It answered 410: no longer polled until feeds.yml changes its url. */
	GONE,
	/** Not polled yet. */
	PENDING,
	/** {@code enabled: false} in feeds.yml. */
	DISABLED;

	static SourceState of(boolean enabled, PollOutcome outcome) {
		if (!enabled) {
			return DISABLED;
		}
		if (outcome == PollOutcome.GONE) {
			return GONE;
		}
		if (outcome.failure()) {
			return FAILING;
		}
		return (outcome == PollOutcome.PENDING) ? PENDING : OK;
	}

}

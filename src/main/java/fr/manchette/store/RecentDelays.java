package fr.manchette.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The publish-to-feed delays of a source's latest new items, oldest first, at most {@link #KEPT}.
 *
 * @param delays to the second
 */
public record RecentDelays(String sourceId, List<Duration> delays) {

	/** Enough for a stable 90th percentile, little enough to ride in the source's status row. */
	public static final int KEPT = 100;

	public RecentDelays {
		delays = List.copyOf(delays);
	}

	/** The middle delay (nearest rank), null when none is known. */
	public @Nullable Duration median() {
		return percentile(0.5);
	}

	/** The delay that nine new items in ten beat (nearest rank), null when none is known. */
	public @Nullable Duration p90() {
		return percentile(0.9);
	}

	private @Nullable Duration percentile(double fraction) {
		if (this.delays.isEmpty()) {
			return null;
		}
		List<Duration> sorted = new ArrayList<>(this.delays);
		sorted.sort(null);
		int rank = (int) Math.ceil(fraction * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	/** These delays then {@code later}, keeping the latest {@link #KEPT}. */
	RecentDelays plus(List<Duration> later) {
		List<Duration> all = new ArrayList<>(this.delays);
		all.addAll(later);
		return new RecentDelays(this.sourceId, all.subList(Math.max(all.size() - KEPT, 0), all.size()));
	}

}

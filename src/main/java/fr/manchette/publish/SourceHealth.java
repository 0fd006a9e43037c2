package fr.manchette.publish;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import fr.manchette.store.PollOutcome;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@code /api/sources}: a source of feeds.yml and how its polls went.
 *
 * @param lastPoll when it was last polled
 * @param lastSuccess when a poll last worked (200 or 304)
 * @param outcome how its last poll ended, {@code PENDING} before the first
 * @param failuresInRow failures since the last success
 * @param lastError the last failure's detail, cleared by a success
 * @param nextPoll when it will be polled next
 * @param itemCount items stored for it
 * @param movedTo where the feed moved for good (301, 308), polled instead of {@code url}: update feeds.yml
 * @param freshness its interval in force and why, its rate, its publish-to-feed delays: fields of the same object
 * in JSON
 * @param dropped how many of its items each rule of feeds.yml dropped ({@code drop: publireportage}, {@code keep},
 * {@code languages: fr}), within the retention
 */
public record SourceHealth(String id, String name, String url, @Nullable String category, boolean enabled,
		@Nullable Instant lastPoll, @Nullable Instant lastSuccess, PollOutcome outcome, int failuresInRow,
		@Nullable String lastError, @Nullable Instant nextPoll, long itemCount, @Nullable String movedTo,
		Map<String, Long> dropped, @JsonUnwrapped @Nullable SourceFreshness freshness) {

	public SourceHealth {
		dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
	}

	/** A source none of whose items were dropped, whose freshness is not known. */
	public SourceHealth(String id, String name, String url, @Nullable String category, boolean enabled,
			@Nullable Instant lastPoll, @Nullable Instant lastSuccess, PollOutcome outcome, int failuresInRow,
			@Nullable String lastError, @Nullable Instant nextPoll, long itemCount, @Nullable String movedTo) {
		this(id, name, url, category, enabled, lastPoll, lastSuccess, outcome, failuresInRow, lastError, nextPoll,
				itemCount, movedTo, Map.of(), null);
	}

	SourceHealth withFreshness(@Nullable SourceFreshness freshness) {
		return new SourceHealth(this.id, this.name, this.url, this.category, this.enabled, this.lastPoll,
				this.lastSuccess, this.outcome, this.failuresInRow, this.lastError, this.nextPoll, this.itemCount,
				this.movedTo, this.dropped, freshness);
	}

}

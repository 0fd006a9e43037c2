package fr.manchette.publish;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
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

	/**
	 * Equal component by component, as a record is. Written out because the record's own equals goes through method
	 * handles that C1, the service's only compiler, does not inline: {@code /api/sources} compares every source with
	 * the one it last wrote, and that generated equals was a quarter of the request.
	 */
	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || other instanceof SourceHealth that && this.enabled == that.enabled
				&& this.failuresInRow == that.failuresInRow && this.itemCount == that.itemCount
				&& this.outcome == that.outcome && this.id.equals(that.id) && this.name.equals(that.name)
				&& this.url.equals(that.url) && Objects.equals(this.category, that.category)
				&& Objects.equals(this.lastPoll, that.lastPoll) && Objects.equals(this.lastSuccess, that.lastSuccess)
				&& Objects.equals(this.lastError, that.lastError) && Objects.equals(this.nextPoll, that.nextPoll)
				&& Objects.equals(this.movedTo, that.movedTo) && this.dropped.equals(that.dropped)
				&& Objects.equals(this.freshness, that.freshness);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.name, this.url, this.category, this.enabled, this.lastPoll, this.lastSuccess,
				this.outcome, this.failuresInRow, this.lastError, this.nextPoll, this.itemCount, this.movedTo,
				this.dropped, this.freshness);
	}

}

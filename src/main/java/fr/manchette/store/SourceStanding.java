package fr.manchette.store;

import org.jspecify.annotations.Nullable;

/**
 * All that {@code /api/sources} shows of a source's {@code source_status} row, read in one scan of the table for all
 * sources: its health, its stored items, the pace its last poll decided (null before pacing began) and its latest
 * publish-to-feed delays (null when none was measured).
 */
public record SourceStanding(SourceStatus status, long itemCount, @Nullable PollPace pace,
		@Nullable RecentDelays delays) {

}

package fr.manchette.pipeline;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What one poll of one source did.
 *
 * @param outcome {@code OK}, {@code NOT_MODIFIED} or a failure kind
 * @param inserted items stored for the first time
 * @param updated items whose content changed
 * @param nextAttemptAt when the source should be polled again; null when it should not (gone)
 */
public record PollReport(String sourceId, String outcome, int inserted, int updated,
		@Nullable Instant nextAttemptAt) {

}

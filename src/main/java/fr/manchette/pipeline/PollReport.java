package fr.manchette.pipeline;

import java.time.Instant;

import fr.manchette.store.PollOutcome;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of one source did.
 *
 * @param outcome how it ended
 * @param inserted items stored for the first time
 * @param updated items whose content changed
 * @param nextAttemptAt when the source should be polled again; null when it should not (gone)
 */
public record PollReport(String sourceId, PollOutcome outcome, int inserted, int updated,
		@Nullable Instant nextAttemptAt) {

}

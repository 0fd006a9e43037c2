package fr.manchette.store;

import org.jspecify.annotations.Nullable;

/**
 * What a poll of a source starts from, read in one statement from its {@code source_status} row: its health and
 * validators, and the pace its last poll decided (null before pacing began).
 */
public record PollStart(SourceStatus status, @Nullable PollPace pace) {

}

package fr.manchette.dedup;

import java.time.Instant;

/**
 * A stored item that the story index found near an incoming one, for the matcher to accept or refuse.
 *
 * @param itemId the stored item
 * @param sourceId its source: items of the same source are never merged
 * @param storyKey the story it belongs to
 * @param title its headline as stored
 * @param sortAt its place in time
 */
public record StoryCandidate(long itemId, String sourceId, String storyKey, String title, Instant sortAt) {

}

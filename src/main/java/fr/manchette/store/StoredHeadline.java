package fr.manchette.store;

import java.time.Instant;

/**
 * A stored item's headline and story, as the story window needs it.
 *
 * @param id the item's row
 * @param sourceId its source
 * @param storyKey its story
 * @param title its headline
 * @param sortAt its place in time
 */
public record StoredHeadline(long id, String sourceId, String storyKey, String title, Instant sortAt) {

}

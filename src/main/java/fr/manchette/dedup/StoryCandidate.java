package fr.manchette.dedup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored item that the story index found near an incoming one, for the matcher to accept or refuse.
 *
 * @param itemId the stored item
 * @param sourceId its source: items of the same source are never merged
 * @param storyKey the story it belongs to
 * @param title its headline as stored
 * @param sortAt its place in time
 * @param titleKey its headline as the matcher compares it, when the index has it at hand; else null, and the
 * matcher works it out from {@code title} (and keeps it a while: a story's items come back as candidates)
 */
public record StoryCandidate(long itemId, String sourceId, String storyKey, String title, Instant sortAt,
		@Nullable TitleKey titleKey) {

	public StoryCandidate(long itemId, String sourceId, String storyKey, String title, Instant sortAt) {
		this(itemId, sourceId, storyKey, title, sortAt, null);
	}

}

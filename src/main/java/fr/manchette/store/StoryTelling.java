package fr.manchette.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One item of a story, as the events of a poll are worked out from it. */
public record StoryTelling(long itemId, String sourceId, String storyKey, String title, @Nullable String link,
		Instant sortAt) {

}

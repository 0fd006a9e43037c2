package fr.manchette.store;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An event to tell one webhook of, as a poll records it.
 *
 * @param hook the webhook's id
 * @param storyKey the story
 * @param event what happened to it ({@code story.new}, {@code story.third-source})
 * @param title its headline, its lead's
 * @param link its lead's link
 * @param sources the sources that told it, in the order they did
 * @param storyAt its lead's place in time
 */
public record OutboxEvent(String hook, String storyKey, String event, String title, @Nullable String link,
		List<String> sources, Instant storyAt) {

	public OutboxEvent {
		sources = List.copyOf(sources);
	}

}

package fr.manchette.publish;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code /api/stories/{id}}: one story and every item that told it.
 *
 * @param id the story's id, as {@code /api/headlines} gives it
 * @param timezone the zone of the times
 * @param title the lead item's headline
 * @param sources the sources that told it, the lead's first
 * @param items every item of the story, the lead first, then in the order they were published
 */
public record StoryDetails(String id, String timezone, String title, List<String> sources, List<StoryItem> items) {

	public StoryDetails {
		sources = List.copyOf(sources);
		items = List.copyOf(items);
	}

	/**
	 * One item of the story.
	 *
	 * @param time as in {@code /api/headlines}
	 * @param published ISO-8601 with the configured zone's offset
	 * @param summary the plain-text excerpt
	 * @param lead whether it is the item shown for the story in the lists
	 */
	public record StoryItem(String time, String title, @Nullable String link, String source, String sourceName,
			@Nullable String category, String published, String summary, boolean lead) {
	}

}

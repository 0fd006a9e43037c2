package fr.manchette.dedup;

import java.time.Instant;
import java.util.List;

/**
 * A stored headline as the story window keeps it.
 *
 * @param itemId the stored item
 * @param sourceId its source
 * @param storyKey its story
 * @param title its headline as stored
 * @param sortAt its place in time
 * @param bands the band hashes of its headline ({@link StoryBands})
 */
public record WindowHeadline(long itemId, String sourceId, String storyKey, String title, Instant sortAt,
		List<Long> bands) {

	public WindowHeadline {
		bands = List.copyOf(bands);
	}

	/** A headline read back from the store: its bands are worked out from its title. */
	public static WindowHeadline of(long itemId, String sourceId, String storyKey, String title, Instant sortAt) {
		return new WindowHeadline(itemId, sourceId, storyKey, title, sortAt, StoryBands.of(TitleKey.of(title)));
	}

}

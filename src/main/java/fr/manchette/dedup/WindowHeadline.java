package fr.manchette.dedup;

import java.time.Instant;
import java.util.Arrays;

/**
 * A stored headline as the story window keeps it.
 *
 * @param itemId the stored item
 * @param sourceId its source
 * @param storyKey its story
 * @param title its headline as stored
 * @param sortAt its place in time
 * @param bands the band hashes of its headline ({@link StoryBands#hashes}): those of the item stored, handed on as
 * they are and never written into (a copy for each headline added was some 150 bytes an item)
 */
public record WindowHeadline(long itemId, String sourceId, String storyKey, String title, Instant sortAt,
		long[] bands) {

	/** A headline read back from the store: its bands are worked out from its title. */
	public static WindowHeadline of(long itemId, String sourceId, String storyKey, String title, Instant sortAt) {
		return new WindowHeadline(itemId, sourceId, storyKey, title, sortAt, StoryBands.hashes(TitleKey.of(title)));
	}

	/** Equal when the headlines are, bands and all: not only when they share their array. */
	@Override
	public boolean equals(Object other) {
		return other instanceof WindowHeadline headline && this.itemId == headline.itemId
				&& this.sourceId.equals(headline.sourceId) && this.storyKey.equals(headline.storyKey)
				&& this.title.equals(headline.title) && this.sortAt.equals(headline.sortAt)
				&& Arrays.equals(this.bands, headline.bands);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.itemId) * 31 + Arrays.hashCode(this.bands);
	}

	@Override
	public String toString() {
		return "WindowHeadline[itemId=" + this.itemId + ", sourceId=" + this.sourceId + ", storyKey=" + this.storyKey
				+ ", title=" + this.title + ", sortAt=" + this.sortAt + ", bands=" + Arrays.toString(this.bands) + "]";
	}

}

package fr.manchette.dedup;

import java.util.List;

/**
 * A stored story that an incoming item may join, as the matcher is given it: its lead (its earliest item) first,
 * then some of its other items within the window, the latest first.
 *
 * @param storyKey the story
 * @param members its lead, then others of its items
 */
public record CandidateStory(String storyKey, List<StoryCandidate> members) {

	public CandidateStory {
		members = List.copyOf(members);
		if (members.isEmpty()) {
			throw new IllegalArgumentException("a story has a lead at least: " + storyKey);
		}
	}

	/** Its earliest item. */
	public StoryCandidate lead() {
		return this.members.get(0);
	}

}

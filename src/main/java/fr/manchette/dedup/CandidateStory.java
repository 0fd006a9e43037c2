package fr.manchette.dedup;

import java.util.List;

/**
 * A story that an incoming headline may join, as the story window knows it: its items within the window, the lead
 * first (the earliest), then the most recent others, never more than {@link StoryWindow#MEMBERS}: a big story costs
 * a comparison no more than a small one.
 *
 * @param storyKey the story
 * @param members its items in the window, the lead first
 */
public record CandidateStory(String storyKey, List<StoryCandidate> members) {

	public CandidateStory {
		members = List.copyOf(members);
	}

}

package fr.manchette.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftedStoriesTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private final Random random = new Random(3);

	/**
	 * Drafted stories, then stories given later that differ from them in one field of one member or story, or not at
	 * all (equal, not the same instances): the drafted ones are the same exactly when the lists are equal.
	 */
	@Test
	void theDraftedStoriesAreTheSameExactlyWhenTheListsAreEqual() {
		int same = 0;
		int other = 0;
		for (int round = 0; round < 2000; round++) {
			List<CandidateStory> drafted = stories();
			List<CandidateStory> later = changed(drafted, this.random.nextInt(10));
			boolean equal = drafted.equals(later);
			assertThat(DraftedStories.of(drafted).sameAs(later)).as("%s / %s", drafted, later).isEqualTo(equal);
			same += equal ? 1 : 0;
			other += equal ? 0 : 1;
		}
		assertThat(same).isGreaterThan(100);
		assertThat(other).isGreaterThan(1000);
	}

	@Test
	void membersWithTitleKeysAreComparedWhole() {
		TitleKey key = TitleKey.of("Gaza : au moins 80 morts dans des frappes israéliennes");
		List<CandidateStory> drafted = List.of(new CandidateStory("s1",
				List.of(new StoryCandidate(1, "le360", "s1", "Gaza", T0, key))));
		DraftedStories kept = DraftedStories.of(drafted);

		assertThat(kept.sameAs(List.of(new CandidateStory("s1",
				List.of(new StoryCandidate(1, "le360", "s1", "Gaza", T0, TitleKey.of(new String("Gaza : au moins 80 morts dans des frappes israéliennes")))))))).isTrue();
		assertThat(kept.sameAs(List.of(new CandidateStory("s1",
				List.of(new StoryCandidate(1, "le360", "s1", "Gaza", T0)))))).isFalse();
		assertThat(kept.size()).isEqualTo(1);
		assertThat(kept.storyKey(0)).isEqualTo("s1");
	}

	@Test
	void aMemberOfAnotherStoryAndTimesWithinTheMillisecondAreKeptToo() {
		List<CandidateStory> drafted = List.of(new CandidateStory("s1",
				List.of(new StoryCandidate(1, "le360", "s1", "Gaza", T0),
						new StoryCandidate(2, "h24", "s9", "Gaza encore", T0.plusNanos(1500)))),
				new CandidateStory("s2", List.of(new StoryCandidate(3, "hespress", "s2", "Autre", T0))));
		DraftedStories kept = DraftedStories.of(drafted);

		assertThat(kept.sameAs(drafted)).isTrue();
		assertThat(kept.sameAs(List.of(drafted.get(0), new CandidateStory("s2",
				List.of(new StoryCandidate(3, "hespress", "s9", "Autre", T0)))))).isFalse();
		assertThat(kept.sameAs(List.of(new CandidateStory("s1",
				List.of(new StoryCandidate(1, "le360", "s1", "Gaza", T0),
						new StoryCandidate(2, "h24", "s1", "Gaza encore", T0.plusNanos(1500)))), drafted.get(1))))
			.isFalse();
		assertThat(kept.sameAs(List.of(new CandidateStory("s1",
				List.of(new StoryCandidate(1, "le360", "s1", "Gaza", T0),
						new StoryCandidate(2, "h24", "s9", "Gaza encore", T0.plusNanos(1501)))), drafted.get(1))))
			.isFalse();
	}

	@Test
	void noStoriesAreNoStories() {
		DraftedStories none = DraftedStories.of(List.of());

		assertThat(none.size()).isZero();
		assertThat(none.sameAs(List.of())).isTrue();
		assertThat(none.sameAs(List.of(new CandidateStory("s1",
				List.of(new StoryCandidate(1, "le360", "s1", "Gaza", T0)))))).isFalse();
	}

	private List<CandidateStory> stories() {
		List<CandidateStory> stories = new ArrayList<>();
		for (int i = 0; i < 1 + this.random.nextInt(4); i++) {
			String key = "s" + this.random.nextInt(6);
			List<StoryCandidate> members = new ArrayList<>();
			for (int j = 0; j < 1 + this.random.nextInt(3); j++) {
				members.add(new StoryCandidate(this.random.nextInt(5), "source" + this.random.nextInt(3), key,
						"Titre " + this.random.nextInt(3), T0.plusMillis(this.random.nextInt(3))));
			}
			stories.add(new CandidateStory(key, members));
		}
		return stories;
	}

	/** The same stories in new instances, with one change of a kind (none for some kinds). */
	private List<CandidateStory> changed(List<CandidateStory> stories, int kind) {
		List<CandidateStory> copy = new ArrayList<>();
		int story = this.random.nextInt(stories.size());
		for (int i = 0; i < stories.size(); i++) {
			CandidateStory original = stories.get(i);
			List<StoryCandidate> members = new ArrayList<>();
			int member = this.random.nextInt(original.members().size());
			for (int j = 0; j < original.members().size(); j++) {
				StoryCandidate m = original.members().get(j);
				StoryCandidate c = new StoryCandidate(m.itemId(), new String(m.sourceId()), new String(m.storyKey()),
						new String(m.title()), Instant.ofEpochSecond(m.sortAt().getEpochSecond(), m.sortAt().getNano()));
				if (i == story && j == member) {
					c = switch (kind) {
						case 1 -> new StoryCandidate(c.itemId() + 1, c.sourceId(), c.storyKey(), c.title(), c.sortAt());
						case 2 -> new StoryCandidate(c.itemId(), c.sourceId() + "x", c.storyKey(), c.title(), c.sortAt());
						case 3 -> new StoryCandidate(c.itemId(), c.sourceId(), c.storyKey() + "x", c.title(), c.sortAt());
						case 4 -> new StoryCandidate(c.itemId(), c.sourceId(), c.storyKey(), c.title() + "x", c.sortAt());
						case 5 -> new StoryCandidate(c.itemId(), c.sourceId(), c.storyKey(), c.title(), c.sortAt().plusNanos(1));
						default -> c;
					};
				}
				members.add(c);
			}
			if (i == story && kind == 6) {
				members.add(members.get(0));
			}
			if (i == story && kind == 7 && members.size() > 1) {
				members.remove(members.size() - 1);
			}
			copy.add(new CandidateStory((i == story && kind == 8) ? original.storyKey() + "x" : new String(original.storyKey()), members));
		}
		if (kind == 9 && copy.size() > 1) {
			copy.add(copy.remove(0));
		}
		return copy;
	}

}

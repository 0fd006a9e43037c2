package fr.manchette.dedup;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoundStoriesTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	@Test
	void theStoriesGivenComeBackAsGivenWithTheirTimesToTheNanosecond() {
		TitleKey key = TitleKey.of("Gaza : au moins 80 morts dans des frappes israéliennes");
		List<CandidateStory> given = List.of(
				new CandidateStory("s1",
						List.of(new StoryCandidate(1, "le360", "s1", "Gaza", T0.plusNanos(1)),
								new StoryCandidate(2, "hespress", "s1", "Gaza encore", T0.plusSeconds(60), key))),
				new CandidateStory("s2", List.of(new StoryCandidate(3, "h24", "s2", "Autre", T0.minusSeconds(5)))));

		FoundStories found = FoundStories.of(given);

		assertThat(found.size()).isEqualTo(2);
		assertThat(found.members()).isEqualTo(3);
		assertThat(found.start(1)).isEqualTo(2);
		assertThat(found.end(1)).isEqualTo(3);
		assertThat(found.titleKey(1)).isSameAs(key);
		assertThat(found.toList()).isEqualTo(given);
	}

	@Test
	void timesInMillisecondsReadAsInstantsDo() {
		FoundStories found = new FoundStories(1, 1);
		for (long millis : new long[] { 0, 1, 999, 1000, -1, -999, -1000, -1001, T0.toEpochMilli() + 7 }) {
			found.clear();
			found.startStory("s");
			found.add(1, "source", "s", "Titre", millis);
			Instant at = Instant.ofEpochMilli(millis);

			assertThat(found.millis(0)).isEqualTo(at.toEpochMilli());
			assertThat(found.toList().get(0).lead().sortAt()).isEqualTo(at);
			assertThat(found.before(at.minusNanos(1), 0)).isTrue();
			assertThat(found.before(at, 0)).isFalse();
		}
	}

	@Test
	void theArraysGrowWithWhatIsFound() {
		FoundStories found = new FoundStories(1, 1);
		for (int story = 0; story < 5; story++) {
			found.startStory("s" + story);
			for (int member = 0; member < 3; member++) {
				found.add(story * 3 + member, "source" + member, "s" + story, "Titre", T0.toEpochMilli() - member);
			}
		}

		assertThat(found.size()).isEqualTo(5);
		assertThat(found.members()).isEqualTo(15);
		assertThat(found.storyKey(4)).isEqualTo("s4");
		assertThat(found.itemId(14)).isEqualTo(14);
		assertThat(found.before(2, 1)).isTrue();
		assertThat(found.before(0, 1)).isFalse();
	}

}

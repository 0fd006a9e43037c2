package fr.manchette.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stored story an incoming headline joins, among the candidates the story index found. */
class StoryMatcherTests {

	private static final Instant T0 = Instant.parse("2025-05-16T08:00:00Z");

	private static final String HEADLINE = "Tanger Med : le trafic conteneurs en hausse de 12% au premier trimestre";

	private final StoryMatcher matcher = new StoryMatcher(Duration.ofHours(48));

	@Test
	void joinsTheStoryOfTheMostSimilarCandidateOfAnotherSource() {
		List<StoryCandidate> candidates = List.of(
				candidate(1, "le360", "s1", "Tanger Med : un nouveau terminal à conteneurs inauguré", T0),
				candidate(2, "medias24", "s2", "Le trafic conteneurs de Tanger Med grimpe de 12% au premier trimestre",
						T0.plusSeconds(600)));

		assertThat(storyOf(HEADLINE, "h24", T0.plusSeconds(900), candidates)).contains("s2");
	}

	@Test
	void neverJoinsAStoryThroughAnItemOfItsOwnSource() {
		List<StoryCandidate> candidates = List.of(candidate(1, "h24", "s1", HEADLINE, T0));

		assertThat(storyOf(HEADLINE, "h24", T0.plusSeconds(60), candidates)).isEmpty();
	}

	@Test
	void refusesAStoryThatOneOfItsItemsContradicts() {
		// s1 holds a near-duplicate and an item with another figure: joining it would merge 12% and 21%.
		List<StoryCandidate> candidates = List.of(
				candidate(1, "le360", "s1", "Le trafic conteneurs de Tanger Med grimpe de 12% au premier trimestre", T0),
				candidate(2, "medias24", "s1", "Tanger Med : le trafic conteneurs en hausse de 21% au premier trimestre",
						T0));

		assertThat(storyOf(HEADLINE, "h24", T0.plusSeconds(60), candidates)).isEmpty();
	}

	@Test
	void leavesOutCandidatesBeyondTheWindow() {
		List<StoryCandidate> candidates = List.of(candidate(1, "le360", "s1", HEADLINE, T0));

		assertThat(storyOf(HEADLINE, "h24", T0.plus(Duration.ofHours(47)), candidates)).contains("s1");
		assertThat(storyOf(HEADLINE, "h24", T0.plus(Duration.ofHours(49)), candidates)).isEmpty();
	}

	@Test
	void aShortHeadlineIsTrustedForAQuarterOfTheWindow() {
		String daily = "Bourse de Casablanca : clôture en hausse";
		List<StoryCandidate> candidates = List.of(candidate(1, "medias24", "s1", daily, T0));

		assertThat(storyOf(daily, "leseco", T0.plus(Duration.ofHours(11)), candidates)).contains("s1");
		assertThat(storyOf(daily, "leseco", T0.plus(Duration.ofHours(24)), candidates)).isEmpty();
	}

	@Test
	void headlinesFurtherApartMustBeMoreAlike() {
		assertThat(StoryMatcher.threshold(Duration.ZERO)).isEqualTo(StoryMatcher.THRESHOLD);
		assertThat(StoryMatcher.threshold(Duration.ofHours(24))).isEqualTo(StoryMatcher.THRESHOLD + 0.10, within());
	}

	@Test
	void aZeroWindowMatchesNothing() {
		List<StoryCandidate> candidates = List.of(candidate(1, "le360", "s1", HEADLINE, T0));

		assertThat(new StoryMatcher(Duration.ZERO).storyOf(TitleKey.of(HEADLINE), "h24", T0, candidates)).isEmpty();
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(1e-9);
	}

	private java.util.Optional<String> storyOf(String title, String source, Instant at, List<StoryCandidate> candidates) {
		return this.matcher.storyOf(TitleKey.of(title), source, at, candidates);
	}

	private static StoryCandidate candidate(long id, String source, String story, String title, Instant at) {
		return new StoryCandidate(id, source, story, title, at);
	}

}

package fr.manchette.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stored story an incoming headline joins, among the stories the index found near it. */
class StoryMatcherTests {

	private static final Instant T0 = Instant.parse("2025-05-16T08:00:00Z");

	private static final String HEADLINE = "Tanger Med : le trafic conteneurs en hausse de 12% au premier trimestre";

	private final StoryMatcher matcher = new StoryMatcher(Duration.ofHours(48));

	@Test
	void joinsTheStoryWhoseLeadIsTheMostSimilar() {
		List<CandidateStory> stories = List.of(
				story("s1", candidate(1, "le360", "Tanger Med : un nouveau terminal à conteneurs inauguré", T0)),
				story("s2", candidate(2, "medias24", "Le trafic conteneurs de Tanger Med grimpe de 12% au premier trimestre",
						T0.plusSeconds(600))));

		assertThat(storyOf(HEADLINE, "h24", T0.plusSeconds(900), stories)).contains("s2");
	}

	/**
	 * Two headlines that a reader sees as one text are one story: with and without harakat, stretched by tatweel,
	 * with or without the hamza's seat; French in composed or decomposed form, with a ligature or a soft hyphen.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"المغرب يفوز على مصر في نهائي كأس إفريقيا | المَغْرِب يَفُوز عَلَى مِصْر فِي نِهَائِيّ كَأْس إِفْرِيقِيَا",
			"المغرب يفوز على مصر في نهائي كأس إفريقيا | المغـــرب يفـــوز علـى مصـر فـي نهائـي كـأس إفريقيـا",
			"الحكومة تصادق على مشروع قانون المالية لسنة ٢٠٢٦ | الحكومه تصادق علي مشروع قانون الماليه لسنه 2026",
			"Les élèves de l'école d'été réussissent leur année | Les e\u0301le\u0300ves de l'e\u0301cole d'e\u0301te\u0301 re\u0301ussissent leur anne\u0301e",
			"Le financement international de la santé progresse | Le ﬁnancement inter\u00ADnational de la santé progresse" })
	void headlinesThatReadAlikeAreOneStory(String a, String b) {
		TitleKey x = TitleKey.of(a);
		TitleKey y = TitleKey.of(b);
		assertThat(y.words()).isEqualTo(x.words());
		assertThat(this.matcher.sameStory(x, T0, y, T0.plusSeconds(600))).isTrue();
		assertThat(StoryBands.of(y)).containsAnyElementsOf(StoryBands.of(x));
	}

	@Test
	void neverJoinsAStoryThatHasAnItemOfItsOwnSource() {
		List<CandidateStory> stories = List.of(story("s1", candidate(1, "le360", HEADLINE, T0),
				candidate(2, "h24", "Tanger Med : le trafic conteneurs progresse de 12% au premier trimestre", T0)));

		assertThat(storyOf(HEADLINE, "h24", T0.plusSeconds(60), stories)).isEmpty();
	}

	@Test
	void refusesAStoryThatOneOfItsMembersContradicts() {
		// The lead is a near-duplicate, but a member says 21%: joining would put 12% and 21% in one story.
		List<CandidateStory> stories = List.of(story("s1",
				candidate(1, "le360", "Le trafic conteneurs de Tanger Med grimpe de 12% au premier trimestre", T0),
				candidate(2, "medias24", "Tanger Med : le trafic conteneurs en hausse de 21% au premier trimestre",
						T0.plusSeconds(30))));

		assertThat(storyOf(HEADLINE, "h24", T0.plusSeconds(60), stories)).isEmpty();
	}

	@Test
	void aNeighbourIsNotTheStory() {
		// A member is close to the headline, but the lead is another story: no chain glues the three together.
		List<CandidateStory> stories = List.of(story("s1",
				candidate(1, "le360", "Le patronat réclame un débat au Parlement sur les retraites", T0),
				candidate(2, "medias24", "Le patronat et l'Ademe réclament un débat au Parlement", T0.plusSeconds(60))));

		assertThat(storyOf("L'Ademe réclame un débat au Parlement", "h24", T0.plusSeconds(120), stories)).isEmpty();
	}

	@Test
	void aBigStoryIsNoEasierToJoin() {
		// Seven members alike, the lead not: what decides is the lead.
		List<StoryCandidate> members = new ArrayList<>();
		members.add(candidate(0, "src0", "Le patronat réclame un débat au Parlement sur les retraites", T0));
		for (int i = 1; i <= 7; i++) {
			members.add(candidate(i, "src" + i, "Le patronat et l'Ademe réclament un débat au Parlement", T0.plusSeconds(i)));
		}
		String ademe = "L'Ademe réclame un débat au Parlement";

		assertThat(storyOf(ademe, "h24", T0.plusSeconds(120), List.of(new CandidateStory("s1", members)))).isEmpty();
		assertThat(storyOf(ademe, "h24", T0.plusSeconds(120), List.of(new CandidateStory("s1", members.subList(1, 8)))))
			.contains("s1");
	}

	@Test
	void anItemEarlierThanTheLeadMustTellTheStoryOfEveryMember() {
		// It would become the lead, to which the next items are compared: it must stand for the whole story, not
		// only for the lead it is like.
		CandidateStory story = story("s1",
				candidate(1, "le360", "Le patronat et les syndicats réclament un débat au Parlement sur les retraites", T0),
				candidate(2, "medias24", "Retraites : les syndicats réclament un débat", T0.plusSeconds(600)));
		String patronat = "Le patronat réclame un débat au Parlement";

		assertThat(storyOf(patronat, "h24", T0.plusSeconds(900), List.of(story))).contains("s1");
		assertThat(storyOf(patronat, "h24", T0.minusSeconds(600), List.of(story))).isEmpty();
	}

	@Test
	void whoActsCounts() {
		assertThat(sameStory("« Il faut aller plus vite » : le patronat réclame un débat au Parlement",
				"« Il faut aller plus vite » : l'Ademe réclame un débat au Parlement")).isFalse();
		assertThat(sameStory("Le Premier ministre saisit le Conseil constitutionnel",
				"Le ministre de l'Économie saisit le Conseil constitutionnel")).isFalse();
		assertThat(sameStory("La ministre de l'Éducation nationale promet la revalorisation des retraites de 0,5 %",
				"La ministre de l'Éducation nationale promet un plan de sobriété pour l'hiver")).isFalse();
		assertThat(sameStory("L'OMS dévoile l'interdiction du portable au collège",
				"Les élus locaux envisagent l'interdiction du portable au collège")).isFalse();
	}

	/**
	 * A pull quote is what a headline reports: another quote, with the same actor, action and object, is another
	 * statement and another story; a quote in one headline only, or the same quote, is the same story.
	 */
	@Test
	void aPullQuoteCountsBothWays() {
		assertThat(sameStory("« C'est un soulagement » : le patronat salue l'accord sur l'assurance chômage",
				"« Le compte n'y est pas » : le patronat salue l'accord sur l'assurance chômage")).isFalse();
		assertThat(sameStory("« C'est un soulagement » : le patronat salue l'accord sur l'assurance chômage",
				"Le patronat salue l'accord sur l'assurance chômage")).isTrue();
		assertThat(sameStory("« C'est un soulagement » : le patronat salue l'accord sur l'assurance chômage",
				"Assurance chômage : le patronat salue l'accord, « c'est un soulagement »")).isTrue();
	}

	@Test
	void leavesOutCandidatesBeyondTheWindow() {
		List<CandidateStory> stories = List.of(story("s1", candidate(1, "le360", HEADLINE, T0)));

		assertThat(storyOf(HEADLINE, "h24", T0.plus(Duration.ofHours(47)), stories)).contains("s1");
		assertThat(storyOf(HEADLINE, "h24", T0.plus(Duration.ofHours(49)), stories)).isEmpty();
	}

	@Test
	void aShortHeadlineIsTrustedForAQuarterOfTheWindow() {
		String daily = "Bourse de Casablanca : clôture en hausse";
		List<CandidateStory> stories = List.of(story("s1", candidate(1, "medias24", daily, T0)));

		assertThat(storyOf(daily, "leseco", T0.plus(Duration.ofHours(11)), stories)).contains("s1");
		assertThat(storyOf(daily, "leseco", T0.plus(Duration.ofHours(24)), stories)).isEmpty();
	}

	@Test
	void headlinesFurtherApartMustBeMoreAlike() {
		assertThat(StoryMatcher.threshold(Duration.ZERO)).isEqualTo(StoryMatcher.THRESHOLD);
		assertThat(StoryMatcher.threshold(Duration.ofHours(24))).isEqualTo(StoryMatcher.THRESHOLD + 0.10, within());
	}

	@Test
	void aZeroWindowMatchesNothing() {
		List<CandidateStory> stories = List.of(story("s1", candidate(1, "le360", HEADLINE, T0)));

		assertThat(new StoryMatcher(Duration.ZERO).storyOf(TitleKey.of(HEADLINE), "h24", T0, stories)).isEmpty();
	}

	@Test
	void candidatesNotYetGroupedAreGroupedByStoryEarliestFirst() {
		// The store's index gives items, not stories: each story is led by its earliest item found.
		List<StoryCandidate> candidates = List.of(
				candidate(2, "medias24", "s1", "Le patronat et l'Ademe réclament un débat au Parlement", T0.plusSeconds(60)),
				candidate(1, "le360", "s1", "Le patronat réclame un débat au Parlement sur les retraites", T0));

		assertThat(this.matcher.storyOf(TitleKey.of("L'Ademe réclame un débat au Parlement"), "h24",
				T0.plusSeconds(120), (java.util.Collection<StoryCandidate>) candidates))
			.isEmpty();
		assertThat(this.matcher.storyOf(TitleKey.of("Le patronat réclame un débat au Parlement sur les retraites"),
				"h24", T0.plusSeconds(120), (java.util.Collection<StoryCandidate>) candidates))
			.contains("s1");
	}

	private boolean sameStory(String a, String b) {
		return this.matcher.sameStory(TitleKey.of(a), T0, TitleKey.of(b), T0.plusSeconds(600));
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(1e-9);
	}

	private Optional<String> storyOf(String title, String source, Instant at, List<CandidateStory> stories) {
		return this.matcher.storyOf(TitleKey.of(title), source, at, stories);
	}

	private static CandidateStory story(String key, StoryCandidate... members) {
		return new CandidateStory(key,
				List.of(members).stream().map((m) -> new StoryCandidate(m.itemId(), m.sourceId(), key, m.title(), m.sortAt()))
					.toList());
	}

	private static StoryCandidate candidate(long id, String source, String title, Instant at) {
		return new StoryCandidate(id, source, "", title, at);
	}

	private static StoryCandidate candidate(long id, String source, String story, String title, Instant at) {
		return new StoryCandidate(id, source, story, title, at);
	}

}

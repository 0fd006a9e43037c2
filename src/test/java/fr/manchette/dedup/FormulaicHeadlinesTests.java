package fr.manchette.dedup;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Formulaic headlines: the same predicate with another actor, object or pull quote is another story. */
class FormulaicHeadlinesTests {

	private static final Instant T0 = Instant.parse("2025-05-16T10:00:00Z");

	private final StoryMatcher matcher = new StoryMatcher(Duration.ofHours(48));

	@ParameterizedTest(name = "{0} / {1}")
	@CsvSource(delimiter = '|', textBlock = """
			« C’est un soulagement » : le ministre de l’Économie saisit le Conseil constitutionnel | « Nous ne lâcherons rien » : le Premier ministre saisit le Conseil constitutionnel
			La ministre de l’Éducation nationale promet la revalorisation des retraites de 0,5 % | La ministre de l’Éducation nationale promet un plan de sobriété pour l’hiver
			La ministre de l’Éducation nationale promet un plan de sobriété pour l’hiver | La ministre de l’Éducation nationale envisage un plan contre les déserts médicaux
			L’OMS dévoile l’interdiction du portable au collège | Les élus locaux envisagent l’interdiction du portable au collège
			Les élus locaux envisagent l’interdiction du portable au collège | Le conseil régional détaille l’interdiction du portable au collège
			« Il faut aller plus vite » : l’Ademe réclame un débat au Parlement | « Nous irons jusqu’au bout » : le patronat réclame un débat au Parlement
			« C’est un soulagement » : le patronat réclame un débat au Parlement | « Nous irons jusqu’au bout » : le patronat réclame un débat au Parlement
			""")
	void theSamePredicateWithAnotherActorObjectOrQuoteIsAnotherStory(String a, String b) {
		assertThat(this.matcher.sameStory(TitleKey.of(a), T0, TitleKey.of(b), T0.plusSeconds(600))).isFalse();
	}

	@ParameterizedTest(name = "{0} / {1}")
	@CsvSource(delimiter = '|', textBlock = """
			L’OMS dévoile l’interdiction du portable au collège | L'OMS dévoile l'interdiction du portable au collège - La Gazette
			Le patronat réclame un débat au Parlement | « Il faut aller plus vite » : le patronat réclame un débat au Parlement
			""")
	void theSameHeadlineRetoldIsOneStory(String a, String b) {
		assertThat(this.matcher.sameStory(TitleKey.of(a), T0, TitleKey.of(b), T0.plusSeconds(600))).isTrue();
	}

}

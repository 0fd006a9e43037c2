package fr.manchette.publish;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines of {@code /headlines.txt}, in French and in Arabic. */
class HeadlineTests {

	@Test
	void aFrenchTitleIsTheLineAsItIs() {
		assertThat(headline("19:35", "Marchica Med investit 1,4 milliard pour Atalayoun à Nador").line())
			.isEqualTo("19:35 Marchica Med investit 1,4 milliard pour Atalayoun à Nador");
	}

	@Test
	void aTitleWithARightToLeftCharacterIsIsolatedSoThatTheTimeStaysFirst() {
		// Begun in Arabic, the line would be a right-to-left paragraph (UAX #9, P2-P3), the time at its right end.
		assertThat(headline("19:35", "المغرب يفوز بكأس أمم إفريقيا").line())
			.isEqualTo("19:35 \u2068المغرب يفوز بكأس أمم إفريقيا\u2069");
		assertThat(headline("16/05 09:10", "Le mot «بركة» au Parlement").line())
			.isEqualTo("16/05 09:10 \u2068Le mot «بركة» au Parlement\u2069");
		// A stray override in a title ends with the isolate, not at the end of the line only.
		assertThat(headline("08:00", "Titre \u202Ecaché").line()).isEqualTo("08:00 \u2068Titre \u202Ecaché\u2069");
	}

	@Test
	void theTickerTextHasOneLinePerHeadline() {
		Headlines headlines = new Headlines("Africa/Casablanca",
				List.of(headline("19:35", "المغرب يفوز"), headline("19:00", "La faim progresse")));

		assertThat(headlines.text()).isEqualTo("19:35 \u2068المغرب يفوز\u2069\n19:00 La faim progresse\n");
	}

	private static Headline headline(String time, String title) {
		return new Headline(time, title, "https://fil.example/1.html", "fil", "Le Fil", null,
				"2025-05-16T19:35:00+01:00", List.of(), "3f1c");
	}

}

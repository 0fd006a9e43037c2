package fr.manchette.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkupInTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "<b>Grève</b> à la SNCF", "Fin de la <i>grève", "Grève</b>", "Ligne 1<br>Ligne 2",
			"Ligne 1<br/>Ligne 2", "Ligne 1<BR />Ligne 2", "<img src=x onerror=alert(1)>", "<img alt>",
			"<svg/onload=alert(1)>", "<x onclick=\"alert(1)\">clic</x>", "<<Le Monde>> <img src=x onerror=alert(1)>",
			"<blink>safe</blink> description", "<!-- pub -->Municipales", "<p>Paragraphe</p>",
			"<a href=\"https://www.lemonde.fr/\">Le Monde</a>", "« <em>Non</em>\u00A0», dit-elle",
			"<script>alert(1)</script>", "<o:p></o:p><b>Texte</b>" })
	void readsTagsThatCanOnlyBeMarkupAsMarkup(String text) {
		assertThat(MarkupInText.in(text)).isTrue();
	}

	/** What a browser would run is markup whatever else the text holds, and even in a code sample. */
	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script> <<Le Monde>>", "<<Le Monde>> <iframe>", "<img src=x>",
			"<Le Monde> <x onclick=alert(1)>" })
	void findsWhatRunsWhateverElseTheTextHolds(String text) {
		assertThat(MarkupInText.in(text)).isTrue();
		assertThat(MarkupInText.runs(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "<br />", "<b>gras</b>", "</script>", "<<Le Monde>>", "a<b" })
	void findsNothingThatRunsInTagsWithoutValueOfElementsThatDoNotRun(String text) {
		assertThat(MarkupInText.runs(text)).isFalse();
	}

	/** Prose that uses angle brackets: as HTML, it would lose words. */
	@ParameterizedTest
	@ValueSource(strings = { "x < 3 et y > 2", "<<Le Monde>>", "«\u00A0Qui a dit \"<3\"\u00A0?\u00A0»", "a<b",
			"a<b et c>d", "<<A nous Paris>>", "La <Une> du jour", "<Le Monde> et </b>", "Paris -> Lyon <- Marseille",
			"<3 <3 <3", "<< Retour", "1 << 3", "<Élysée>", "<!-- sans fin", "Les balises <o:p>", "", "Sans chevron" })
	void leavesProseWithAngleBracketsAsText(String text) {
		assertThat(MarkupInText.in(text)).isFalse();
	}

}

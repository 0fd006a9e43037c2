package fr.manchette.normalize;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TitleTextTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			Pr&eacute;sidentielle&nbsp;: les r&eacute;sultats                 | Présidentielle\u00A0: les résultats
			L&rsquo;Assembl&eacute;e adopte le budget                          | L’Assemblée adopte le budget
			Caf&#233; &#x2019; &amp; croissants                                 | Café ’ & croissants
			&laquo;&nbsp;C&rsquo;est non&nbsp;&raquo;                          | «\u00A0C’est non\u00A0»
			Tom &amp; Jerry                                                    | Tom & Jerry
			Prix &lt; 10 €                                                     | Prix < 10 €
			AT&T rachète Time Warner                                           | AT&T rachète Time Warner
			""")
	void decodesEntities(String title, String expected) {
		assertThat(TitleText.plain(title)).isEqualTo(expected);
	}

	@Test
	void decodesEntitiesEscapedTwice() {
		// <title>&amp;eacute;</title> reaches us as &eacute; and <title>&amp;amp;eacute;</title> as &amp;eacute;
		assertThat(TitleText.plain("L&rsquo;&eacute;t&eacute; br&ucirc;lant")).isEqualTo("L’été brûlant");
		assertThat(TitleText.plain("L&amp;rsquo;&amp;eacute;t&amp;eacute; br&amp;ucirc;lant"))
			.isEqualTo("L’été brûlant");
		assertThat(TitleText.plain("Sant&amp;#233; &amp;amp; bien-&amp;ecirc;tre")).isEqualTo("Santé & bien-être");
	}

	@Test
	void dropsMarkupAndKeepsItsText() {
		assertThat(TitleText.plain("<b>Ukraine</b>\u00A0: <em>l’aide</em> <a href=\"/x\">européenne</a> arrive"))
			.isEqualTo("Ukraine\u00A0: l’aide européenne arrive");
	}

	@Test
	void unwrapsALeftoverCdataSection() {
		assertThat(TitleText.plain("<![CDATA[Réforme des retraites\u202F: <b>le Sénat</b> vote]]>"))
			.isEqualTo("Réforme des retraites\u202F: le Sénat vote");
	}

	@Test
	void dropsScriptsAndStyles() {
		assertThat(TitleText.plain("Municipales <script>alert('x')</script>à Lyon<style>b{color:red}</style>"))
			.isEqualTo("Municipales à Lyon");
	}

	@Test
	void foldsAsciiWhitespaceIntoOneSpace() {
		assertThat(TitleText.plain("  \r\n\tIncendie\n\n dans   les\tLandes\f  "))
			.isEqualTo("Incendie dans les Landes");
	}

	@Test
	void separatesWordsAcrossLineBreaksAndBlocks() {
		assertThat(TitleText.plain("Fête<br>de la musique<p>ce soir</p>")).isEqualTo("Fête de la musique ce soir");
	}

	@Test
	void dropsControlCharactersAndByteOrderMarks() {
		assertThat(TitleText.plain("\uFEFFGrève\u0000 à la\u0007 SNCF\u0085")).isEqualTo("Grève à la SNCF");
	}

	@Test
	void keepsFrenchTypographyByteForByte() {
		String title = "«\u00A0Nous n’avons pas le choix\u202F!\u00A0», dit-elle\u00A0; pourquoi\u202F?";
		String plain = TitleText.plain(title);
		assertThat(plain.getBytes(StandardCharsets.UTF_8)).isEqualTo(title.getBytes(StandardCharsets.UTF_8));
		assertThat(plain).contains("\u2019", "\u00AB", "\u00BB", "\u00A0", "\u202F");
	}

	@Test
	void keepsNoBreakSpacesNextToOrdinarySpaces() {
		assertThat(TitleText.plain("Bilan \u00A0: 15\u00A0000 morts")).isEqualTo("Bilan \u00A0: 15\u00A0000 morts");
	}

	@Test
	void givesEmptyTextForNothing() {
		assertThat(TitleText.plain(null)).isEmpty();
		assertThat(TitleText.plain("")).isEmpty();
		assertThat(TitleText.plain(" <b> </b>\n")).isEmpty();
		assertThat(TitleText.plain("\u00A0")).isEmpty();
	}

}

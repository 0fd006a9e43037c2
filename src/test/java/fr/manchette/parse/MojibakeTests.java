package fr.manchette.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Mojibake}: UTF-8 once read as windows-1252 or ISO-8859-1 is put back, and right text is never touched. */
class MojibakeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Ã‰lysÃ©e|Élysée", "lâ€™Ã‰tat|l’État", "Ã§a|ça", "prÃ¨s|près",
			"cÅ“ur|cœur", "â€œfake newsâ€\u009d|“fake news”", "12Â\u00a0â‚¬|12\u00a0€",
			"Â«Â\u00a0enfinÂ\u00a0Â»|«\u00a0enfin\u00a0»", "Ã€ Paris|À Paris", "Mâ€¦|M…" })
	void repairsUtf8ReadAsWindows1252(String garbled, String repaired) {
		assertThat(Mojibake.repair(garbled)).isEqualTo(repaired);
	}

	@Test
	void repairsAWholeFrenchPhrase() {
		String french = "Élysée, préfète, cœur, l’État";
		assertThat(Mojibake.repair(readAs(french, Charset.forName("windows-1252")))).isEqualTo(french);
	}

	@Test
	void repairsUtf8ReadAsIso88591() {
		// Through ISO-8859-1 the second byte of É (0x89) became the control U+0089, not windows-1252's ‰.
		String garbled = readAs("Élysée", StandardCharsets.ISO_8859_1);
		assertThat(garbled).isEqualTo("Ã\u0089lysÃ©e");
		assertThat(Mojibake.repair(garbled)).isEqualTo("Élysée");
	}

	@Test
	void readsAStrayC1ControlAsTheWindows1252CharacterItStoodFor() {
		// &#146; in the source: the byte of ’ in windows-1252 taken for a code point.
		assertThat(Mojibake.repair("l\u0092État, \u0093oui\u0094 \u0085")).isEqualTo("l’État, “oui” …");
		assertThat(Mojibake.repair("IRMÃ E \u0092")).isEqualTo("IRMÃ E ’");
	}

	@Test
	void repairsEmoji() {
		assertThat(Mojibake.repair("ðŸ”´ Direct")).isEqualTo("🔴 Direct");
	}

	@Test
	void repairsOnlyTheGarbledPartOfAField() {
		assertThat(Mojibake.repair("Tour : Pogačar s’envole, lâ€™Ã©quipe exulte"))
			.isEqualTo("Tour : Pogačar s’envole, l’équipe exulte");
	}

	@Test
	void repairsAGraveWhoseNoBreakSpaceBecameASpaceInAGarbledField() {
		assertThat(Mojibake.repair("ActualitÃ© Ã la Une")).isEqualTo("Actualité à la Une");
	}

	@ParameterizedTest
	@ValueSource(strings = { "São Tomé-et-Príncipe", "SÃO TOMÉ", "«\u00a0IRMÃ E O MAR\u00a0»", "Ã", "Â",
			"Ã la", "c’est décidé\u00a0»", "CAFÉ\u00a0»", "L’ÂGE D’OR", "Tour : Pogačar",
			"Élysée, préfète, cœur, l’État",
			"fermé…", "Noël à 4\u00a0€", "âge", "Å", "ðŸ", "" })
	void leavesRightTextAlone(String text) {
		assertThat(Mojibake.repair(text)).isSameAs(text);
	}

	@Test
	void leavesNullAlone() {
		assertThat(Mojibake.repair(null)).isNull();
	}

	private static String readAs(String text, Charset wrong) {
		return new String(text.getBytes(StandardCharsets.UTF_8), wrong);
	}

}

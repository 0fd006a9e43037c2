package fr.manchette.dedup;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The folding of headlines, a case a line: two headlines that must give the same words, and what they give. */
class TitleKeyTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
			publisher suffix after a dash      => Carburants : baisse de 10 centimes - Le360         => Carburants : baisse de 10 centimes
			publisher suffix after a pipe      => Carburants : baisse de 10 centimes | Hespress FR   => Carburants : baisse de 10 centimes
			publisher suffix after an en dash  => Carburants : baisse de 10 centimes – Yabiladi      => Carburants : baisse de 10 centimes
			four words after a pipe            => Carburants : baisse de 10 centimes | Radio Sud Info Matin => Carburants : baisse de 10 centimes
			five words after a pipe kept       => Carburants : baisse | Radio Sud Info Matin Soir    => Carburants : baisse, Radio Sud Info Matin Soir
			name of a paper after a dash       => Carburants : baisse de 10 centimes - L’Écho de Nice => Carburants : baisse de 10 centimes
			tag before a full stop             => VIDÉO. Carburants : baisse de 10 centimes          => Carburants : baisse de 10 centimes
			tag before a dash                  => Vidéo - Carburants : baisse de 10 centimes         => Carburants : baisse de 10 centimes
			live tag                           => EN DIRECT : Carburants : baisse de 10 centimes     => Carburants : baisse de 10 centimes
			capitals before a full stop        => INFO FRANCEINFO. Carburants : baisse de 10 centimes => Carburants : baisse de 10 centimes
			bracketed tag                      => [Vidéo] Carburants : baisse de 10 centimes         => Carburants : baisse de 10 centimes
			case and accents                   => CARBURANTS : BAISSE DE 10 CENTIMES À LA POMPE      => Carburants : baisse de 10 centimes a la pompe
			apostrophes                        => L’Étoile de l’année                                => L'Etoile de l'annee
			guillemets and quotes              => « Je ne lâcherai rien » : Retailleau élu           => "Je ne lâcherai rien": Retailleau élu
			no-break spaces before a colon     => Nucléaire iranien\u202F: reprise des négociations  => Nucléaire iranien : reprise des négociations
			ligatures                          => Œuvres d’art volées                                => Oeuvres d'art volees
			plurals                            => Les prix des moutons grimpent                      => Le prix du mouton grimpe
			thousands                          => 1 400 exposants et 20.000 visiteurs                => 1400 exposants et 20000 visiteurs
			decimal comma and percent          => Un taux de 2,25 %                                  => un taux de 2.25%
			numbers in letters                 => Deux morts et vingt blessés                        => 2 morts et 20 blessés
			ordinals                           => Le 1er trimestre, la 3e fois                       => le premier trimestre, la troisième fois
			a unit after un                    => Entretien d'une heure                              => entretien de 1 heure
			abbreviations                      => 38 milliards de DH                                 => 38 milliards de dirhams
			""")
	void foldsAlike(String name, String a, String b) {
		assertThat(TitleKey.of(a.replace("\\u202F", "\u202F")).words()).isEqualTo(TitleKey.of(b).words());
	}

	@Test
	void keepsTheOrderOfTheContentWords() {
		assertThat(TitleKey.of("Le Maroc bat le Sénégal 2-1").words()).containsExactly("maroc", "bat", "senegal", "2-1");
	}

	@Test
	void namesAreCapitalisedWordsAndAWordThatOpensAHeadlineIsNotOneByPosition() {
		TitleKey key = TitleKey.of("Carburants : Bank Al-Maghrib maintient son taux, selon le HCP");

		assertThat(key.names()).containsExactly(List.of("bank", "al", "maghrib"), List.of("hcp"));
		assertThat(key.acronyms()).containsExactly("hcp");
	}

	@Test
	void aNameThatOpensAHeadlineIsAName() {
		assertThat(TitleKey.of("Maroc : le chômage recule").names()).containsExactly(List.of("maroc"));
		assertThat(TitleKey.of("Lions de l'Atlas : la liste de Regragui").names())
			.containsExactly(List.of("lion", "atla"), List.of("regragui"));
	}

	@Test
	void allCapitalsSayNothingOfNames() {
		assertThat(TitleKey.of("LE MAROC BAT LE SÉNÉGAL EN FINALE").names()).isNull();
		// Capitals with accents count as capitals, and letters with accents as letters: nine in ten are capitals.
		assertThat(TitleKey.of("ÉTÉ : CHALEUR ÉTOUFFANTE À SÉVILLE, Alerte").names()).isNull();
		assertThat(TitleKey.of("Été : chaleur étouffante à Séville").names()).containsExactly(List.of("sevill"));
		assertThat(TitleKey.of("Le Maroc Bat Le Sénégal En Finale").names()).isNull();
	}

	@Test
	void negationsAreFoundWithTheWordTheyBearOn() {
		assertThat(TitleKey.of("Un TGV percute un tracteur, pas de blessé grave").negations()).containsExactly("bless");
		assertThat(TitleKey.of("Macron n'annonce pas de référendum").negations()).containsExactlyInAnyOrder("annonc", "referendum");
		assertThat(TitleKey.of("Pas de hausse du prix du pain").negations()).containsExactly("hauss");
		assertThat(TitleKey.of("Macron annonce un référendum").negations()).isEmpty();
	}

	@Test
	void aShortClauseBeforeAColonIsARubric() {
		assertThat(TitleKey.of("Bac 2025 : le calendrier des examens dévoilé").rubric()).isEqualTo(2);
		assertThat(TitleKey.of("Le calendrier des examens du bac 2025 est dévoilé").rubric()).isZero();
	}

	@Test
	void aPlaceAfterADashIsNoPaper() {
		assertThat(TitleKey.of("Ligue 1 : PSG - Le Havre").words()).containsExactly("ligu", "1", "psg", "havr");
	}

	@Test
	void quotedWordsAreKeptApartAsWell() {
		TitleKey key = TitleKey.of("« C’est un soulagement » : le patronat salue un accord « équilibré »");

		assertThat(key.quotes()).containsExactly(List.of("soulagem"), List.of("equilibr"));
		assertThat(TitleKey.of("Le patronat salue l'accord").quotes()).isEmpty();
	}

	@Test
	void aWordOfANameBoundToTheNextIsNoNameOnItsOwn() {
		assertThat(TitleKey.of("Le Conseil d'État saisi").bound()).containsExactly(List.of("conseil", "etat"));
		assertThat(TitleKey.of("Fortes pluies en Haute-Loire").bound())
			.containsExactlyInAnyOrder(List.of("haut", "loir"), List.of("loir", "haut"));
		assertThat(TitleKey.of("Gazoduc Nigeria-Maroc : relance du projet").bound()).isEmpty();
	}

	@Test
	void aDayGoesWithHowItCounts() {
		assertThat(TitleKey.of("Pluies attendues jusqu'à jeudi").words()).containsExactly("plui", "attendu", "jusqu~jeudi");
		assertThat(TitleKey.of("Baisse dès lundi").words()).isEqualTo(TitleKey.of("Baisse à partir de lundi").words());
		assertThat(TitleKey.of("Des mesures avant mars").words()).containsExactly("mesur", "avant", "avant~mar");
	}

	/** The decorations' patterns read « ’ » as « ' »: the key reads it so before stripping them. */
	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			Carburants : l’essence baisse - L’Écho de Nice
			INFO FRANCE’INFO. Carburants : l’essence baisse
			VIDÉO. L’essence baisse | L’Écho des Alpes
			L’essence baisse – La Voix de l’Ain
			[Vidéo] L’essence baisse - Le360
			L’ÉCHO. Aujourd’hui l’essence baisse
			""")
	void decorationsAreStrippedAlikeWithEitherApostrophe(String title) {
		assertThat(TitleDecorations.strip(title.replace('’', '\''))).isEqualTo(TitleDecorations.strip(title).replace('’', '\''));
	}

}

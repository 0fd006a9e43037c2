package fr.manchette.dedup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Why two headlines alike are two stories, a case a line; and the same story told two ways, which passes. */
class ContradictionTests {

	@ParameterizedTest(name = "{0}: {1} / {2}")
	@CsvSource(delimiter = '|', textBlock = """
			NEGATION     | Macron annonce un référendum sur la fin de vie          | Macron n'annonce pas de référendum sur la fin de vie
			DENIAL       | La DGSN dément une vidéo de violences policières à Salé | Une vidéo de violences policières à Salé
			NUMBERS      | Le Maroc bat le Sénégal 2-1                              | Le Maroc bat le Sénégal 3-0
			NUMBERS      | Bac 2025 : le calendrier des examens dévoilé             | Bac 2026 : le calendrier des examens dévoilé
			NUMBERS      | Un TGV sur deux ce jeudi                                 | Un TGV sur trois ce jeudi
			NAMES        | Amical : le Maroc bat le Bénin 1-0                       | Amical : le Maroc bat la Tunisie 1-0
			NAMES        | Maroc : le chômage recule                                | Algérie : le chômage recule
			NAMES        | Le trafic de Tanger Med grimpe de 12%                    | Le trafic de Nador West Med grimpe de 12%
			OPPOSITES    | Hausse de 10 centimes du gasoil à la pompe               | Baisse de 10 centimes du gasoil à la pompe
			OPPOSITES    | CAN U20 : victoire du Maroc face au Sénégal              | CAN U20 : défaite du Maroc face au Sénégal
			OPPOSITES    | L'Espagne rouvre la frontière de Ceuta                   | L'Espagne ferme la frontière de Ceuta
			OPPOSITES    | Un Français arrêté à Marrakech                           | Un Français libéré à Marrakech
			OPPOSITES    | Grève SNCF : trafic très perturbé ce jeudi               | Grève SNCF : trafic très perturbé ce vendredi
			OPPOSITES    | Canicule : vigilance orange dans 16 départements         | Canicule : vigilance rouge dans 16 départements
			OPPOSITES    | Ounahi élu joueur du mois au Panathinaïkos               | Ounahi élu joueur de l'année au Panathinaïkos
			SUBSTITUTION | Le prix des tomates flambe sur les marchés               | Le prix des oignons flambe sur les marchés
			SUBSTITUTION | Les médecins internes en grève illimitée lundi           | Les greffiers en grève illimitée lundi
			SUBSTITUTION | Fès : démantèlement d'un réseau de trafic de faux billets | Fès : démantèlement d'un réseau de trafic de drogue
			ORDER        | Le Maroc bat le Sénégal 2-1                              | Le Sénégal bat le Maroc 2-1
			ORDER        | Coupe du Trône : l'AS FAR élimine le Wydad               | Coupe du Trône : le Wydad élimine l'AS FAR
			QUOTE        | « C'est un soulagement » : le patronat salue l'accord     | « Le compte n'y est pas » : le patronat salue l'accord
			QUOTE        | Littérature : « Une saison à Brest » remporte le prix des lecteurs | Littérature : « Après l'orage » remporte le prix des lecteurs
			SUBSTITUTION | « Il faut aller plus vite » : le patronat réclame un débat au Parlement | « Il faut aller plus vite » : l'Ademe réclame un débat au Parlement
			SUBSTITUTION | Le Premier ministre saisit le Conseil constitutionnel     | Le ministre de l'Économie saisit le Conseil constitutionnel
			SUBSTITUTION | La ministre de l'Éducation nationale promet la revalorisation des retraites | La ministre de l'Éducation nationale promet un plan de sobriété pour l'hiver
			SUBSTITUTION | L'OMS dévoile l'interdiction du portable au collège     | Les élus locaux envisagent l'interdiction du portable au collège
			SUBSTITUTION | Inflation : les prix progressent de 3,9 % sur un an en avril | Inflation : les prix augmentent de 3,9 % sur un an en avril
			SUBSTITUTION | Ligue 1 : Lyon renverse Montpellier (5-0) à domicile   | Ligue 1 : Lyon domine Montpellier (5-0)
			SUBSTITUTION | Météo : de la neige attendue mardi à Ajaccio            | Météo : des chutes de neige jusqu'en plaine attendues mardi à Ajaccio
			OPPOSITES    | Météo : de fortes pluies attendues jeudi à Agen         | Météo : de fortes pluies attendues jusqu'à jeudi à Agen
			OPPOSITES    | Grève SNCF : trafic très perturbé demain                | Grève SNCF : trafic très perturbé ce jeudi
			OPPOSITES    | Botola Pro : le Wydad s'impose à domicile face au Raja  | Botola Pro : le Wydad s'impose à l'extérieur face au Raja
			TOPIC        | Prix des carburants : une hausse de 22 % attendue       | Valence : le prix du stationnement augmente de 22 %
			NAMES        | Météo : de fortes pluies attendues dans la Loire        | Météo : de fortes pluies attendues dans la Haute-Loire
			NAMES        | Le Conseil d'État saisi de la réforme des retraites     | Le Conseil constitutionnel saisi de la réforme des retraites
			""")
	void keepsApart(Contradiction expected, String a, String b) {
		assertThat(Contradiction.between(TitleKey.of(a), TitleKey.of(b))).isEqualTo(expected);
		assertThat(Contradiction.between(TitleKey.of(b), TitleKey.of(a))).isEqualTo(expected);
	}

	/**
	 * What the matcher asks of a story's lead before their similarity: the first contradiction between two headlines
	 * when it is one told from each alone (a negation, a denial, quotes, numbers), else nothing; on the labelled,
	 * fresh and formulaic headlines, each with the next few.
	 */
	@org.junit.jupiter.api.Test
	void thePlainContradictionIsTheFirstWhenItIsOneOfThoseToldFromEachAlone() throws IOException {
		List<MatchedHeadline> headlines = new ArrayList<>();
		for (String file : List.of("labelled-pairs.tsv", "fresh-pairs.tsv", "formulaic-pairs.tsv")) {
			for (String title : PairedHeadlines.of(file)) {
				headlines.add(new MatchedHeadline(TitleKey.of(title)));
			}
		}
		Set<Contradiction> plain = EnumSet.of(Contradiction.NEGATION, Contradiction.DENIAL,
				Contradiction.QUOTE, Contradiction.NUMBERS);
		int found = 0;
		for (int i = 0; i < headlines.size(); i++) {
			for (int j = i + 1; j < Math.min(headlines.size(), i + 8); j++) {
				MatchedHeadline a = headlines.get(i);
				MatchedHeadline b = headlines.get(j);
				Contradiction first = Contradiction.between(a, b);
				Contradiction expected = (first != null && plain.contains(first)) ? first : null;
				assertThat(Contradiction.plain(a, b)).as(a.key() + " / " + b.key()).isEqualTo(expected);
				found += (expected != null) ? 1 : 0;
			}
		}
		assertThat(found).isGreaterThan(100);
	}

	/**
	 * Each headline's numbers leave a bit in a long: two numbers of the same bit are still told apart by the
	 * numbers themselves, and the same number on both sides is no contradiction.
	 */
	@org.junit.jupiter.api.Test
	void numbersOfTheSameBitAreStillComparedAsNumbers() {
		int other = 2026;
		while (MatchedHeadline.numberBit(String.valueOf(other)) != MatchedHeadline.numberBit("2025")) {
			other++;
		}
		MatchedHeadline a = new MatchedHeadline(TitleKey.of("Bac 2025 : le calendrier des examens dévoilé"));
		MatchedHeadline b = new MatchedHeadline(TitleKey.of("Bac " + other + " : le calendrier des examens dévoilé"));
		MatchedHeadline c = new MatchedHeadline(TitleKey.of("Le calendrier des examens du bac 2025 dévoilé"));
		assertThat(Contradiction.plain(a, b)).isEqualTo(Contradiction.NUMBERS);
		assertThat(Contradiction.plain(b, a)).isEqualTo(Contradiction.NUMBERS);
		assertThat(a.ownNumber(c)).isFalse();
		assertThat(Contradiction.plain(a, c)).isNull();
	}

	@org.junit.jupiter.api.Test
	void aResultTurnedRoundIsAnotherMatch() {
		// The score counts the goals of the team named first: the same score, the names swapped, another winner.
		assertThat(WordOrder.scoreTurned(TitleKey.of("Ligue 1 : Le Havre écrase Lens (2-0)"),
				TitleKey.of("Ligue 1 : Lens fait chuter Le Havre (2-0)"))).isTrue();
		assertThat(WordOrder.scoreTurned(TitleKey.of("Ligue 1 : Le Havre écrase Lens (2-0)"),
				TitleKey.of("Ligue 1 : Le Havre bat Lens (2-0) à domicile"))).isFalse();
	}

	@ParameterizedTest(name = "{0}: {1} / {2}")
	@CsvSource(delimiter = '|', textBlock = """
			a negation about something else   | Un TGV percute un tracteur dans l'Aube                 | Un TGV percute un tracteur dans l'Aube, pas de blessé grave
			one number more                    | Carburants : baisse de 10 centimes ce vendredi 16 mai   | Carburants : baisse de 10 centimes ce vendredi
			a name and part of it              | Walid Regragui dévoile sa liste                         | Regragui dévoile sa liste
			an acronym and its words           | BAM maintient son taux directeur                        | Bank Al-Maghrib maintient son taux directeur
			a capital for its country          | Washington et Pékin baissent leurs droits de douane     | Les États-Unis et la Chine baissent leurs droits de douane
			a country and its people           | Le Maroc lève 2 milliards d'euros                       | Le Trésor marocain lève 2 milliards d'euros sur le marché
			words of one sense                 | Aïd : le prix du mouton en hausse de 20%                | Aïd : les prix des moutons grimpent de 20%
			a topic moved to the front         | Le ministre de la Santé en visite à l'hôpital d'Agadir | Agadir : visite du ministre de la Santé à l'hôpital
			a passive                          | Le pape Léon XIV reçoit Volodymyr Zelensky au Vatican   | Vatican : Volodymyr Zelensky reçu par le pape Léon XIV
			two names joined by and            | Le Maroc et le Nigeria relancent le projet de gazoduc   | Gazoduc Nigeria-Maroc : relance du projet
			a typing slip in a name            | Le maire de Fréjus, David Racheline, sera jugé          | Le maire de Fréjus, David Rachline, convoqué par la justice
			a quote in one headline only       | « C'est un soulagement » : le patronat salue l'accord     | Le patronat salue l'accord
			the same quote, placed otherwise   | « Nous irons jusqu'au bout », prévient la CGT            | La CGT : « Nous irons jusqu'au bout »
			dès and à partir de                | Le prix du gasoil baisse de 20 centimes à partir de lundi | Gasoil : baisse de 20 centimes dès lundi
			the same sentence and a detail     | Ligue 1 : Lyon bat Nice (2-1)                            | Ligue 1 : Lyon bat Nice (2-1) à domicile
			the same act in other words        | Akdital rachète une clinique à Tanger                    | Le groupe Akdital acquiert une clinique tangéroise
			a place and its CHU                | Le CHU de Tanger ouvre ses portes                        | Tanger : le nouveau CHU ouvre ses portes
			a rewrite with a word of one sense | Le journaliste Hamid El Mahdaoui condamné à 18 mois de prison ferme | Hamid El Mahdaoui écope de 18 mois de prison ferme
			a topic named in the other         | Nouvelle-Calédonie : reprise des discussions à Paris     | Avenir institutionnel de la Nouvelle-Calédonie : les discussions reprennent à Paris
			no rise, said two ways             | Le prix du pain reste inchangé, assure la Fédération des boulangers | Pas de hausse du prix du pain, selon la Fédération des boulangers
			""")
	void letsThrough(String name, String a, String b) {
		assertThat(Contradiction.between(TitleKey.of(a), TitleKey.of(b))).isNull();
		assertThat(Contradiction.between(TitleKey.of(b), TitleKey.of(a))).isNull();
	}

}

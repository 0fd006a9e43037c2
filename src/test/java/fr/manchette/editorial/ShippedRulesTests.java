package fr.manchette.editorial;

import java.nio.file.Path;
import java.util.List;

import fr.manchette.config.EditorialRules;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileLoader;
import fr.manchette.normalize.Item;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drop rules of the feeds.yml shipped with the project, on items written as French and Moroccan sites write their
 * sponsored posts and their news: the first go, the second stay, « communiqué » in a news headline included.
 */
class ShippedRulesTests {

	private final FeedsFile shipped = new FeedsFileLoader().load(Path.of("feeds.yml"));

	private final EditorialStage stage = new EditorialStage(new ItemLanguage(new LanguageDetector()));

	@Test
	void sponsoredContentIsDropped() {
		List<Item> sponsored = List.of(
				item("Publireportage : Dar Essalam Immobilier lance sa nouvelle résidence à Bouskoura", "", null),
				item("PUBLI-REPORTAGE. La Banque Populaire accompagne les jeunes entrepreneurs", "", null),
				item("Vacances d’été : les offres à ne pas manquer", "Contenu sponsorisé — Une offre de Royal Air Maroc",
						null),
				item("Communiqué : le Groupe OCP annonce ses résultats semestriels", "", null),
				item("[Communiqué] Inwi déploie la 5G dans six nouvelles villes", "", null),
				item("« Communiqué de presse » : Lydec investit dans le réseau d’assainissement", "", null),
				item("Le salon Auto Expo ouvre ses portes à Casablanca", "", "Publireportage"),
				item("Bien choisir sa mutuelle santé", "", "Contenu sponsorisé"));
		Judgement judged = this.stage.judge(this.shipped.rules(), EditorialRules.NONE, sponsored);
		assertThat(judged.kept()).isEmpty();
		assertThat(judged.dropped()).hasSize(sponsored.size());
	}

	@Test
	void newsIsKept() {
		List<Item> news = List.of(
				item("Azzedine Ounahi sacré joueur de l’année au Panathinaïkos après une saison étincelante", "", null),
				item("Le ministère de la Santé dément, dans un communiqué, toute pénurie de vaccins", "", null),
				item("La faim progresse, l’aide recule : 2025 s’annonce sombre selon l’ONU",
						"Selon le communiqué publié lundi par le PAM, l’aide a baissé d’un tiers.", "International"),
				item("Sponsoring : le Raja signe un contrat record avec un équipementier", "", "Sport"),
				item("Adieu Euronews (2/2) : Comment la chaîne de la Commission a diffusé 838 publireportages depuis "
						+ "l'an dernier", "Le contenu sponsorisé représente un tiers de ses programmes.", "Médias"),
				item("Reportage : à Nador, la lagune de Marchica renaît", "", "Régions"));
		Judgement judged = this.stage.judge(this.shipped.rules(), EditorialRules.NONE, news);
		assertThat(judged.dropped()).isEmpty();
		assertThat(judged.kept()).hasSize(news.size());
	}

	private static Item item(String title, String summary, @Nullable String category) {
		return EditorialStageTests.item(title, summary, "https://fr.le360.ma/" + Math.abs(title.hashCode()),
				(category != null) ? List.of(category) : List.of(), null, "fr");
	}

}

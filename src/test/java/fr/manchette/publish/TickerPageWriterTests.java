package fr.manchette.publish;

import java.time.Duration;
import java.util.List;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.support.FeedsFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static fr.manchette.support.FeedsFiles.source;
import static org.assertj.core.api.Assertions.assertThat;

class TickerPageWriterTests {

	private static final PageResources RESOURCES = new PageResources("/assets/m-1.css", "/assets/t-1.js",
			"/assets/f-1.svg", Duration.ofSeconds(20), Duration.ofMinutes(1));

	private final TickerPageWriter page = new TickerPageWriter(new CurrentFeeds(FeedsFiles.inZone("Europe/Paris",
			source("le360", "Le360 & Co", "economie"), source("hespress-fr", "Hespress FR", "sport"))));

	@Test
	void writesEachLineWithItsTimeTitleSourceAndCategory() {
		Document html = Jsoup.parse(render(List.of(headline("19:35", "Titre", "https://a.example/1", List.of("le360")),
				headline("16/05 18:00", "Plus ancien", "https://a.example/2", List.of())), PageFilters.NONE));

		assertThat(html.select("#fil > li")).hasSize(2);
		assertThat(html.selectFirst("#fil > li time").attr("datetime")).isEqualTo("2025-05-16T19:35:00+02:00");
		assertThat(html.selectFirst("#fil > li .meta").text()).isEqualTo("Hespress FR sport Aussi dans : Le360 & Co");
		assertThat(html.select("#fil > li").get(1).selectFirst("time").text()).isEqualTo("16/05 18:00");
		assertThat(html.select("#fil > li").get(1).selectFirst("time .jour").text()).isEqualTo("16/05");
		assertThat(html.selectFirst("#vide").hasAttr("hidden")).isTrue();
	}

	@Test
	void escapesTitlesAndLinksOnlyToHttp() {
		String body = render(List.of(headline("19:35", "<img src=x onerror=alert(1)> \"«»\"", "javascript:alert(1)",
				List.of()), headline("19:30", "Lien", "https://a.example/?a=1&b=\"2\"", List.of())), PageFilters.NONE);
		Document html = Jsoup.parse(body);

		assertThat(body).doesNotContain("<img").doesNotContain("javascript:");
		assertThat(html.selectFirst("#fil > li .titre").text()).isEqualTo("<img src=x onerror=alert(1)> \"«»\"");
		assertThat(html.selectFirst("#fil > li .titre").tagName()).isEqualTo("span");
		assertThat(html.select("#fil > li").get(1).selectFirst("a.titre").attr("href"))
			.isEqualTo("https://a.example/?a=1&b=\"2\"");
	}

	@Test
	void carriesTheFiltersIntoTheFeedLinksTheFormAndTheScript() {
		PageFilters filters = new PageFilters(List.of("le360"), "economie", "dirham & « euro »");
		Document html = Jsoup.parse(render(List.of(), filters));

		assertThat(html.select("link[rel=alternate]")).extracting((link) -> link.attr("href"))
			.containsExactly("http://news.example/feed.atom?source=le360&category=economie&q=dirham%20%26%20%C2%AB%20euro%20%C2%BB",
					"http://news.example/feed.rss?source=le360&category=economie&q=dirham%20%26%20%C2%AB%20euro%20%C2%BB",
					"http://news.example/feed.json?source=le360&category=economie&q=dirham%20%26%20%C2%AB%20euro%20%C2%BB");
		assertThat(html.selectFirst("#fil").attr("data-api")).startsWith("/api/headlines?source=le360&category=economie");
		assertThat(html.selectFirst("select[name=source] option[selected]").val()).isEqualTo("le360");
		assertThat(html.selectFirst("input[name=q]").val()).isEqualTo("dirham & « euro »");
		assertThat(html.selectFirst("title").text()).isEqualTo("economie · Le360 & Co · « dirham & « euro » » — Fil info — Manchette");
		assertThat(html.selectFirst("#vide").text()).isEqualTo("Aucune dépêche ne correspond à ces filtres.");
		assertThat(html.selectFirst("#vide").hasAttr("hidden")).isFalse();
	}

	@Test
	void aTitleSaysItsLanguageSoThatArabicReadsRightToLeft() {
		Headline arabic = new Headline("19:35", "المغرب يتأهل إلى نصف النهائي", "https://a.example/ar", "hespress-fr",
				"Hespress FR", "sport", "2025-05-16T19:35:00+02:00", List.of(), "story-ar", 1, "ar");
		Document html = Jsoup.parse(render(List.of(arabic, headline("19:30", "Titre", "https://a.example/1",
				List.of())), PageFilters.NONE));

		assertThat(html.select("#fil > li").get(0).selectFirst("a.titre").attr("lang")).isEqualTo("ar");
		assertThat(html.select("#fil > li").get(0).selectFirst("a.titre").attr("dir")).isEqualTo("auto");
		assertThat(html.select("#fil > li").get(1).selectFirst("a.titre").hasAttr("lang")).isFalse();
	}

	/**
	 * A title whose language is unknown (too short to tell) still reads in its own direction, and so do Arabic source
	 * names, each isolated from the French around it: « Aussi dans : هسبريس, الأول » keeps its two names in order.
	 */
	@Test
	void everyTitleAndSourceNameReadsInItsOwnDirection() {
		Headline arabic = new Headline("19:35", "كأس 2026", "https://a.example/ar", "hespress-ar", "هسبريس",
				"sport", "2025-05-16T19:35:00+02:00", List.of("le360", "alaoual"), "story-ar", 1, null);
		Document html = Jsoup.parse(render(List.of(arabic), PageFilters.NONE));

		Element line = html.selectFirst("#fil > li");
		assertThat(line.selectFirst("a.titre").attr("dir")).isEqualTo("auto");
		assertThat(line.selectFirst("a.titre").hasAttr("lang")).isFalse();
		assertThat(line.selectFirst("span.source").attr("dir")).isEqualTo("auto");
		assertThat(line.select("span.aussi bdi")).extracting(Element::text).containsExactly("Le360 & Co", "alaoual");
		assertThat(line.selectFirst("span.aussi").text()).isEqualTo("Aussi dans : Le360 & Co, alaoual");
	}

	@Test
	void listsACategoryOnceWhateverItsCase() {
		TickerPageWriter page = new TickerPageWriter(new CurrentFeeds(FeedsFiles.inZone("Europe/Paris",
				source("le360", "Le360", "economie"), source("medias24", "Médias24", "Economie"),
				source("hespress-fr", "Hespress FR", "sport"))));
		Document html = Jsoup.parse(page.render(new Headlines("Europe/Paris", List.of()),
				new PageFilters(List.of(), "ECONOMIE", null), "http://news.example/", RESOURCES));

		assertThat(html.select("select[name=category] option")).extracting((option) -> option.val())
			.containsExactly("", "economie", "sport");
		assertThat(html.select("select[name=category] option[selected]")).extracting((option) -> option.val())
			.containsExactly("economie");
	}

	@Test
	void aNarrowedPageSaysWhatItHoldsInItsTitle() {
		TickerPageWriter page = new TickerPageWriter(new CurrentFeeds(FeedsFiles.inZone("Europe/Paris",
				source("le360", "Le360", "economie"), source("hespress-fr", "Hespress FR", "sport"))));

		assertThat(Jsoup.parse(page.render(new Headlines("Europe/Paris", List.of()),
				new PageFilters(List.of("hespress-fr"), "Sport", "ounahi"), "http://news.example/", RESOURCES))
			.title()).isEqualTo("sport · Hespress FR · « ounahi » — Fil info — Manchette");
		assertThat(Jsoup.parse(render(List.of(), PageFilters.NONE.ranked(true))).title())
			.isEqualTo("À la une — Manchette");
	}

	/**
	 * In a narrow page (a site's sidebar, a phone) the form and the tabs fold behind « Filtrer », a summary that works
	 * without script and with the keyboard; open when a filter narrows the list, so that the reader sees what does.
	 */
	@Test
	void foldsTheFiltersAndTabsBehindOneSummaryOpenWhenAFilterIsActive() {
		Document all = Jsoup.parse(render(List.of(), PageFilters.NONE));
		Element details = all.selectFirst("main > details.filtrer");

		assertThat(details).isNotNull();
		assertThat(details.hasAttr("open")).isFalse();
		assertThat(details.child(0).tagName()).isEqualTo("summary");
		assertThat(details.child(0).text()).isEqualTo("Filtrer");
		assertThat(details.select("> form#filtres[method=get][action=/]")).hasSize(1);
		assertThat(details.select("> nav.onglets a")).extracting(Element::text)
			.containsExactly("Dernières dépêches", "À la une");
		assertThat(details.select("form label")).extracting(Element::ownText)
			.containsExactly("Source", "Catégorie", "Rechercher");
		assertThat(all.selectFirst("main").children()).extracting(Element::id)
			.containsExactly("", "etat", "fil", "vide");

		Document filtered = Jsoup.parse(render(List.of(), new PageFilters(List.of(), "sport", null)));
		assertThat(filtered.selectFirst("details.filtrer").hasAttr("open")).isTrue();
		// The order is no filter: folded, the summary says which one the list is in.
		Document une = Jsoup.parse(render(List.of(), PageFilters.NONE.ranked(true)));
		assertThat(une.selectFirst("details.filtrer").hasAttr("open")).isFalse();
		assertThat(une.selectFirst("details.filtrer > summary").text()).isEqualTo("Filtrer · À la une");
	}

	@Test
	void linksOnlyTheAppsOwnAssets() {
		Document html = Jsoup.parse(render(List.of(), PageFilters.NONE));

		assertThat(html.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("/assets/m-1.css");
		assertThat(html.selectFirst("script").attr("src")).isEqualTo("/assets/t-1.js");
		assertThat(html.selectFirst("#fil").attr("data-refresh")).isEqualTo("20000");
		assertThat(html.selectFirst("#fil").attr("data-background-refresh")).isEqualTo("60000");
	}

	private String render(List<Headline> headlines, PageFilters filters) {
		return this.page.render(new Headlines("Europe/Paris", headlines), filters, "http://news.example/", RESOURCES);
	}

	private static Headline headline(String time, String title, String link, List<String> alsoIn) {
		return new Headline(time, title, link, "hespress-fr", "Hespress FR", "sport", "2025-05-16T19:35:00+02:00",
				alsoIn, "story-" + title.hashCode());
	}

}

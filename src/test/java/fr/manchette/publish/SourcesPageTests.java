package fr.manchette.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.PollOutcome;
import fr.manchette.support.FeedsFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourcesPageTests {

	private static final Instant NOW = Instant.parse("2025-05-16T18:35:00Z");

	private final SourcesPage page = new SourcesPage(
			new CurrentFeeds(FeedsFiles.inZone("Africa/Casablanca")),
			Clock.fixed(NOW, ZoneId.of("UTC")));

	@Test
	void showsEachOutcomeInFrenchWithTheErrorAndTimesInTheTickersZone() {
		Document html = Jsoup.parse(this.page.render(List.of(
				new SourceHealth("ok", "Bien", "https://ok.example/rss", "sport", true, NOW.minusSeconds(60), NOW.minusSeconds(60),
						PollOutcome.OK, 0, null, NOW.plusSeconds(900), 42, null),
				new SourceHealth("lent", "<b>Lent</b>", "https://lent.example/rss", null, true, NOW.minus(Duration.ofDays(1)),
						null, PollOutcome.TIMEOUT, 3, "no complete answer within 20s", NOW.plusSeconds(3600), 0,
						"https://ailleurs.example/rss"),
				new SourceHealth("calme", "Calme", "https://calme.example/rss", null, true, NOW.minusSeconds(60),
						NOW.minusSeconds(60), PollOutcome.NOT_MODIFIED, 0, null, NOW.plusSeconds(900), 7, null)),
				new PageResources("/a.css", "/a.js", "/a.svg", Duration.ofSeconds(20), Duration.ofMinutes(1))));

		// A name reads in its own direction (an Arabic one right to left), isolated from the id after it.
		assertThat(html.select("tr[id^=source-] td[data-label=Source] strong")).allSatisfy(
				(name) -> assertThat(name.attr("dir")).isEqualTo("auto"));
		Element ok = html.getElementById("source-ok");
		assertThat(ok.selectFirst("[data-label=Résultat]").text()).isEqualTo("OK");
		assertThat(ok.selectFirst("[data-label=Dernier relevé]").text()).isEqualTo("19:34");
		assertThat(ok.selectFirst("[data-label=Prochain relevé]").text()).isEqualTo("19:50");
		assertThat(ok.selectFirst("[data-label=Articles]").text()).isEqualTo("42");
		Element slow = html.getElementById("source-lent");
		assertThat(slow.selectFirst("strong").text()).isEqualTo("<b>Lent</b>");
		assertThat(slow.selectFirst("[data-label=Résultat]").text())
			.isEqualTo("Délai dépassé (3 échecs de suite) pas de réponse complète en 20 s");
		assertThat(slow.selectFirst("[data-label=Dernier relevé]").text()).isEqualTo("15/05 19:35");
		assertThat(slow.selectFirst(".deplace").text()).contains("https://ailleurs.example/rss", "feeds.yml");
		Element unchanged = html.getElementById("source-calme");
		assertThat(unchanged.selectFirst("[data-label=Résultat]").text()).isEqualTo("Inchangé");
		// The code of /api/sources in a tooltip.
		assertThat(unchanged.selectFirst(".resultat").attr("title")).isEqualTo("NOT_MODIFIED");
		assertThat(slow.selectFirst(".resultat").attr("title")).isEqualTo("TIMEOUT");
		assertThat(html.selectFirst(".etat").text()).startsWith("3 sources · 1 en échec");
	}

	@Test
	void showsTheIntervalInForceWhyInFrenchAndThePublishToFeedDelays() {
		Document html = Jsoup.parse(this.page.render(List.of(
				freshness("rythme", new SourceFreshness(720L, "rate", 5.0, 95L, 600L, 40)),
				freshness("unique", new SourceFreshness(3600L, "ceiling", 0.1, 24L, 24L, 1)),
				freshness("neuve", new SourceFreshness(900L, "start", null, null, null, 0))),
				new PageResources("/a.css", "/a.js", "/a.svg", Duration.ofSeconds(20), Duration.ofMinutes(1))));

		Element busy = html.getElementById("source-rythme");
		assertThat(shown(busy, "[data-label=Intervalle]")).isEqualTo("12 min selon son rythme");
		assertThat(shown(busy, "[data-label=Délai de publication]"))
			.isEqualTo("médiane 1 min 9 sur 10 en moins de 10 min (40 mesurés)");
		Element once = html.getElementById("source-unique");
		assertThat(shown(once, "[data-label=Intervalle]")).isEqualTo("1 h plafond (source calme)");
		assertThat(shown(once, "[data-label=Délai de publication]"))
			.isEqualTo("médiane 24 s 9 sur 10 en moins de 24 s (1 mesuré)");
		Element fresh = html.getElementById("source-neuve");
		assertThat(shown(fresh, "[data-label=Intervalle]")).isEqualTo("15 min adaptatif, à mesurer");
		assertThat(shown(fresh, "[data-label=Délai de publication]")).isEqualTo("—");
	}

	@Test
	void timesCarryTheOffsetOfTheTickersZoneThenAlsoAtZero() {
		// Casablanca during Ramadan 2026 (UTC+0), then after it (UTC+1).
		Instant ramadan = Instant.parse("2026-03-01T12:00:00Z");
		SourcesPage page = new SourcesPage(new CurrentFeeds(FeedsFiles.inZone("Africa/Casablanca")),
				Clock.fixed(ramadan, ZoneId.of("UTC")));

		Document html = Jsoup.parse(page.render(List.of(new SourceHealth("ok", "Bien", "https://ok.example/rss", null,
				true, ramadan, ramadan, PollOutcome.OK, 0, null, Instant.parse("2026-03-23T12:00:00Z"), 1, null)),
				new PageResources("/a.css", "/a.js", "/a.svg", Duration.ofSeconds(20), Duration.ofMinutes(1))));

		Element ok = html.getElementById("source-ok");
		assertThat(ok.selectFirst("[data-label=Dernier relevé] time").attr("datetime"))
			.isEqualTo("2026-03-01T12:00:00+00:00");
		assertThat(ok.selectFirst("[data-label=Prochain relevé] time").attr("datetime"))
			.isEqualTo("2026-03-23T13:00:00+01:00");
	}

	/** A cell's text, its no-break spaces (between a figure and its unit) as spaces. */
	private static String shown(Element row, String cell) {
		return row.selectFirst(cell).text().replace('\u00A0', ' ');
	}

	private static SourceHealth freshness(String id, SourceFreshness freshness) {
		return new SourceHealth(id, id, "https://" + id + ".example/rss", null, true, NOW.minusSeconds(60),
				NOW.minusSeconds(60), PollOutcome.OK, 0, null, NOW.plusSeconds(600), 3, null, Map.of(), freshness);
	}

}

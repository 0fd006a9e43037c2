package fr.manchette.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.RefusingPort;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /sources} page of a service whose sources fail in every way that loopback allows, each served by
 * WireMock and polled once: the page says each outcome and each detail in French, while {@code /api/sources} keeps
 * the details in the English the log writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class SourcesPageIntegrationTests {

	private static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>Accueil</title></head><body>"
			+ "<p>Bienvenue</p></body></html>";

	@RegisterExtension
	static WireMockExtension sites = Sites.forTheClass();

	@TempDir
	static Path dir;

	/** A port of the loopback interface that nothing listens on. */
	private static final RefusingPort closedPort = RefusingPort.hold();

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String site = "http://127.0.0.1:" + sites.getPort();
		FeedsYml feedsYml = FeedsYml.inZone("Europe/Paris").settings("""
				poll:
				  timeout: 2s
				  max-size: 4KB""");
		failures(site).forEach((id, path) -> feedsYml.source(id, path.startsWith("http") ? path : site + path));
		feedsYml.source("selecteur", "selecteur", site + "/page", """
				type: html
				select:
				  item: ul.fil-info > li
				  title: a""");
		feedsYml.source("eteinte", "eteinte", site + "/404", "enabled: false");
		TestService.use(registry, dir, feedsYml);
	}

	/** Each failing source: its id and where it is, a path of the site or an address of its own. */
	private static Map<String, String> failures(String site) {
		Map<String, String> failures = new LinkedHashMap<>();
		failures.put("introuvable", "/404");
		failures.put("panne", "/500");
		failures.put("surcharge", "/429");
		failures.put("maintenance", "/503");
		failures.put("disparu", "/410");
		failures.put("lent", "/lent");
		failures.put("refus", "http://127.0.0.1:" + closedPort.port() + "/rss");
		failures.put("coupure", "/reset");
		failures.put("chiffre", "https://127.0.0.1:" + sites.getPort() + "/rss");
		failures.put("gzip", "/gzip");
		failures.put("enorme", "/enorme");
		failures.put("accueil", "/accueil");
		failures.put("vide", "/vide");
		failures.put("autre-xml", "/note");
		failures.put("entites", "/entites");
		failures.put("json", "/json");
		failures.put("boucle", "/boucle-a");
		failures.put("sauts", "/saut/1");
		failures.put("sans-location", "/sans-location");
		failures.put("ftp", "/ftp");
		return failures;
	}

	@BeforeAll
	static void serveFailures() {
		sites.stubFor(get("/404").willReturn(aResponse().withStatus(404)));
		sites.stubFor(get("/500").willReturn(aResponse().withStatus(500)));
		sites.stubFor(get("/429").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
		sites.stubFor(get("/503").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
		sites.stubFor(get("/410").willReturn(aResponse().withStatus(410)));
		sites.stubFor(get("/lent").willReturn(aResponse().withStatus(200).withFixedDelay(4_000).withBody("<rss/>")));
		sites.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		// Gzip's magic bytes, then no gzip (a body without them is taken as the plain body it is).
		sites.stubFor(get("/gzip").willReturn(aResponse().withHeader("Content-Encoding", "gzip")
			.withBody(("\u001f\u008bpas du gzip").getBytes(StandardCharsets.ISO_8859_1))));
		sites.stubFor(get("/enorme").willReturn(aResponse().withBody("<rss>" + "x".repeat(10_000) + "</rss>")));
		sites.stubFor(get("/accueil").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(HTML_PAGE)));
		sites.stubFor(get("/vide").willReturn(aResponse().withStatus(200).withBody("")));
		sites.stubFor(get("/note").willReturn(aResponse().withHeader("Content-Type", "application/xml")
			.withBody("<?xml version=\"1.0\"?><note><to>Tove</to></note>")));
		sites.stubFor(get("/entites").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
			.withBody("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaa\">]><rss version=\"2.0\"><channel>"
					+ "<title>&a;</title></channel></rss>")));
		sites.stubFor(get("/json").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"title\": \"Pas un JSON Feed\"}")));
		sites.stubFor(get("/boucle-a").willReturn(aResponse().withStatus(302).withHeader("Location", "/boucle-b")));
		sites.stubFor(get("/boucle-b").willReturn(aResponse().withStatus(302).withHeader("Location", "/boucle-a")));
		for (int hop = 1; hop <= 7; hop++) {
			sites.stubFor(get("/saut/" + hop)
				.willReturn(aResponse().withStatus(302).withHeader("Location", "/saut/" + (hop + 1))));
		}
		sites.stubFor(get("/sans-location").willReturn(aResponse().withStatus(302)));
		sites.stubFor(get("/ftp").willReturn(aResponse().withStatus(301).withHeader("Location", "ftp://127.0.0.1/rss")));
		sites.stubFor(get(urlPathEqualTo("/page")).willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withBody("<html><body><ul class=\"nouveau-fil\"><li><a href=\"/a\">Titre</a></li></ul></body></html>")));
	}

	@Test
	void eachFailureReadsInFrenchOnThePageAndInEnglishInTheApi() throws Exception {
		this.feeds.get().enabledFeeds().forEach(this.ingestRun::run);
		String site = "http://127.0.0.1:" + sites.getPort();

		Document page = Jsoup.parse(LocalHttp.get(this.port, "/sources", null).body());

		assertThat(result(page, "introuvable")).isEqualTo("Erreur HTTP réponse HTTP 404 (page introuvable)");
		assertThat(result(page, "panne")).isEqualTo("Erreur HTTP réponse HTTP 500 (erreur du serveur)");
		assertThat(result(page, "surcharge")).isEqualTo("Trop de requêtes réponse HTTP 429 (trop de requêtes)");
		assertThat(result(page, "maintenance")).isEqualTo("Trop de requêtes réponse HTTP 503 (service indisponible)");
		assertThat(result(page, "disparu")).isEqualTo("Disparu (410) HTTP 410 : le flux a disparu pour de bon");
		assertThat(result(page, "lent")).isEqualTo("Délai dépassé pas de réponse en 2 s");
		assertThat(result(page, "refus")).isEqualTo("Erreur réseau connexion refusée");
		assertThat(result(page, "coupure")).isEqualTo("Erreur réseau connexion coupée par le serveur");
		assertThat(result(page, "chiffre")).startsWith("Erreur réseau échec de la connexion chiffrée (TLS) : « ");
		assertThat(result(page, "gzip")).startsWith("Erreur réseau contenu gzip corrompu : « ");
		// WireMock gzips what it sends to a client that accepts gzip.
		assertThat(result(page, "enorme"))
			.isEqualTo("Trop volumineux une fois décompressé, le contenu dépasse 4096 octets");
		assertThat(result(page, "accueil")).isEqualTo("Pas un flux une page HTML, pas un flux");
		assertThat(result(page, "vide")).isEqualTo("Pas un flux réponse vide");
		assertThat(result(page, "autre-xml")).isEqualTo("Pas un flux du XML dont la racine est <note>, ni RSS ni Atom");
		assertThat(result(page, "entites"))
			.isEqualTo("Flux illisible DOCTYPE qui déclare des entités, refusé (XXE, bombes d’entités)");
		assertThat(result(page, "json"))
			.isEqualTo("Pas un flux du JSON sans version de JSON Feed (https://jsonfeed.org/version/…)");
		assertThat(result(page, "boucle"))
			.isEqualTo("Trop de redirections boucle de redirections : " + site + "/boucle-a atteint deux fois");
		assertThat(result(page, "sauts")).isEqualTo("Trop de redirections plus de 5 redirections");
		assertThat(result(page, "sans-location")).isEqualTo("Erreur HTTP redirection HTTP 302 sans en-tête Location");
		assertThat(result(page, "ftp"))
			.isEqualTo("Erreur HTTP redirection HTTP 301 vers une adresse ftp:, non suivie");
		assertThat(result(page, "selecteur"))
			.isEqualTo("Flux illisible le sélecteur `ul.fil-info > li` ne trouve rien");
		assertThat(page.select(".erreur")).hasSize(failures(site).size() + 1)
			.noneMatch((error) -> error.text().contains("non traduit"));

		JsonNode api = JsonMapper.builder().build().readTree(LocalHttp.get(this.port, "/api/sources", null).body())
			.get("sources");
		Map<String, String> english = new LinkedHashMap<>();
		api.forEach((source) -> english.put(source.get("id").asString(), source.get("lastError").asString()));
		assertThat(english).containsEntry("introuvable", "HTTP 404")
			.containsEntry("lent", "no answer within 2s")
			.containsEntry("refus", "connection refused")
			.containsEntry("accueil", "an HTML page, not a feed")
			.containsEntry("selecteur", "selector `ul.fil-info > li` matched nothing");
	}

	@Test
	void aSourceNotPolledHasNoIntervalInForceAndSaysWhy() throws Exception {
		this.ingestRun.run(this.feeds.get().source("disparu").orElseThrow());

		Map<String, JsonNode> api = new LinkedHashMap<>();
		JsonMapper.builder().build().readTree(LocalHttp.get(this.port, "/api/sources", null).body())
			.get("sources").forEach((source) -> api.put(source.get("id").asString(), source));
		// Gone (410): not polled until its url changes. Disabled, never polled: not polled at all.
		assertThat(api.get("disparu").get("outcome").asString()).isEqualTo("GONE");
		assertThat(api.get("disparu").get("nextPoll").isNull()).isTrue();
		assertThat(api.get("disparu").get("intervalSeconds").isNull()).isTrue();
		assertThat(api.get("disparu").get("intervalReason").asString()).isEqualTo("gone");
		assertThat(api.get("eteinte").get("outcome").asString()).isEqualTo("PENDING");
		assertThat(api.get("eteinte").get("nextPoll").isNull()).isTrue();
		assertThat(api.get("eteinte").get("intervalSeconds").isNull()).isTrue();
		assertThat(api.get("eteinte").get("intervalReason").asString()).isEqualTo("disabled");

		Document page = Jsoup.parse(LocalHttp.get(this.port, "/sources", null).body());
		assertThat(page.getElementById("source-disparu").selectFirst("[data-label=Intervalle]").text())
			.isEqualTo("— flux disparu (410)");
		assertThat(page.getElementById("source-eteinte").selectFirst("[data-label=Intervalle]").text())
			.isEqualTo("— source désactivée");

		// Gone is not failing (the source told us it was removed): counted apart in the summary, and so in the metrics.
		assertThat(page.getElementById("source-disparu").className()).isEqualTo("disparue");
		int failing = page.select("tr.echec").size();
		assertThat(page.selectFirst(".etat").text())
			.startsWith((failures("").size() + 2) + " sources · " + failing + " en échec · 1 disparue · 1 désactivée");
		assertThat(LocalHttp.get(this.port, "/actuator/prometheus", null).body()).contains(
				"manchette_sources{state=\"failing\"} " + failing + ".0", "manchette_sources{state=\"gone\"} 1.0",
				"manchette_sources{state=\"disabled\"} 1.0");
	}

	private static String result(Document page, String id) {
		Element row = page.getElementById("source-" + id);
		assertThat(row).as(id).isNotNull();
		return row.selectFirst("[data-label=Résultat]").text();
	}

}

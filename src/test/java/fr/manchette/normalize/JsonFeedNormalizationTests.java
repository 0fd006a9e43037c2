package fr.manchette.normalize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.manchette.parse.FeedParser;
import fr.manchette.parse.RawItem;
import fr.manchette.support.ParseThenNormalize;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A JSON Feed's items go through the same normalization as RSS and Atom ones: {@link FeedParser}, then this. */
class JsonFeedNormalizationTests {

	private static final URI DOCUMENT = URI.create("http://127.0.0.1:8089/flux/fil.json");

	private static final Instant FETCHED_AT = Instant.parse("2025-05-16T18:00:00Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final ParseThenNormalize reading = new ParseThenNormalize(DOCUMENT, FETCHED_AT, PARIS);

	@Test
	void cleansHtmlAndKeepsPlainTextExactly() throws Exception {
		List<Item> items = items("jsonfeed-1.0.json");
		assertThat(items.get(0).summaryHtml())
			.isEqualTo("<p>Les <strong>bateaux Belle Époque</strong> ne navigueront pas ce week-end.</p>");
		assertThat(items.get(0).categories()).containsExactly("Transports", "Social");
		assertThat(items.get(0).published()).isEqualTo(Instant.parse("2025-05-16T17:35:00Z"));
		assertThat(items.get(1).title()).isEqualTo("Évian : « Un festival à taille humaine »");
		assertThat(items.get(1).summaryText())
			.isEqualTo("La programmation 2025 mise sur les artistes < 30 ans & les têtes d’affiche.");
	}

	@Test
	void resolvesRelativeUrlsAgainstTheHomePageAndTitlesAnUntitledItemFromItsContent() throws Exception {
		Item item = items("jsonfeed-html-only.json").get(0);
		assertThat(item.link()).isEqualTo(URI.create("https://carnet.croix-rousse.example/blog/notes/41.html"));
		assertThat(item.summaryHtml()).contains("href=\"https://carnet.croix-rousse.example/blog/producteurs.html\"",
				"src=\"https://carnet.croix-rousse.example/media/marche.jpg\"");
		assertThat(item.title()).startsWith("Marché de la Croix-Rousse : les producteurs reviennent");
		// No date in the item: the fetch time stands in, as for RSS and Atom.
		assertThat(item.publishedKnown()).isFalse();
	}

	/** Plain text keeps its lines: HTML would run them into one. */
	@Test
	void showsTheLinesOfPlainTextAsLines() throws Exception {
		String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Fil\",\"items\":[{\"id\":\"1\","
				+ "\"title\":\"Programme\",\"content_text\":\"\\nMatin : conf\u00e9rence.\\r\\nSoir : 3 < 4 & concert.\\n\\n"
				+ "Entr\u00e9e libre.\\n\"}]}";
		Item item = this.reading.onlyItem(json, "application/feed+json");
		assertThat(item.summaryHtml())
			.isEqualTo("Matin : conf\u00e9rence.<br>Soir : 3 &lt; 4 &amp; concert.<br><br>Entr\u00e9e libre.");
		assertThat(item.summaryText()).isEqualTo("Matin : conf\u00e9rence. Soir : 3 < 4 & concert. Entr\u00e9e libre.");
		String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Fil</title><entry><id>1</id><title>T</title>"
				+ "<summary>Ligne 1\nLigne 2 &lt;b&gt;</summary></entry></feed>";
		assertThat(this.reading.feed(atom.getBytes(StandardCharsets.UTF_8), null).items())
			.extracting(RawItem::summaryHtml)
			.containsExactly("Ligne 1<br>Ligne 2 &lt;b&gt;");
	}

	@Test
	void itemsWithoutIdAreKeptWithoutGuid() throws Exception {
		assertThat(items("jsonfeed-missing-id.json")).extracting(Item::guid, Item::link)
			.containsExactly(
					tuple(null,
							URI.create("https://www.courrier-alpes.example/faits-divers/eboulement-rn90.html")),
					tuple(null, null));
	}

	private List<Item> items(String fixture) throws Exception {
		byte[] body = new ClassPathResource("/fr/manchette/parse/" + fixture).getContentAsByteArray();
		return this.reading.items(body, "application/feed+json");
	}

}

package fr.manchette.parse;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ArticlePageReader}: an article's meta tags, and never its page chrome. */
class ArticlePageReaderTests {

	private static final URI ARTICLE = URI.create("https://www.lefil.example/sport/ounahi-joueur-annee.html");

	private final ArticlePageReader reader = new ArticlePageReader();

	@Test
	void readsOpenGraphDescriptionImageAndPublishedTime() throws IOException {
		ArticleMeta meta = this.reader.read(fixture("article-with-chrome.html"), "text/html; charset=utf-8", ARTICLE);

		assertThat(meta).isEqualTo(new ArticleMeta(
				"Le milieu marocain a été élu meilleur joueur de la saison par les supporters du club athénien.",
				"https://www.lefil.example/images/ounahi.jpg", "2025-05-16T19:35:00+01:00"));
	}

	@Test
	void pageWithoutMetaTagsGivesNothingAndNeverItsChrome() throws IOException {
		ArticleMeta meta = this.reader.read(fixture("article-without-meta.html"), "text/html", ARTICLE);

		assertThat(meta).isEqualTo(ArticleMeta.NONE);
	}

	@Test
	void tickerItemTakesFromItsArticleOnlyWhatItLacks() throws IOException {
		ArticleMeta meta = this.reader.read(fixture("article-with-chrome.html"), null, ARTICLE);
		TickerEntry bare = new TickerEntry("Azzedine Ounahi sacré", ARTICLE.toString(), null, null, null, null, null,
				null);
		TickerEntry full = new TickerEntry("Azzedine Ounahi sacré", ARTICLE.toString(), "19:30", null,
				"<p>Le chapô du fil</p>", "https://www.lefil.example/fil.jpg", Instant.parse("2025-05-16T18:30:00Z"),
				null);

		RawItem enriched = bare.withArticle(meta).toRawItem();
		RawItem kept = full.withArticle(meta).toRawItem();

		assertThat(enriched.summaryHtml()).isEqualTo("<p><img src=\"https://www.lefil.example/images/ounahi.jpg\" "
				+ "alt=\"\"></p>Le milieu marocain a été élu meilleur joueur de la saison par les supporters du club "
				+ "athénien.")
			.doesNotContain("Suivez-nous", "Commentaires");
		assertThat(enriched.publishedText()).isEqualTo("2025-05-16T19:35:00+01:00");
		assertThat(kept.summaryHtml()).isEqualTo("<p><img src=\"https://www.lefil.example/fil.jpg\" alt=\"\"></p>"
				+ "<p>Le chapô du fil</p>");
		assertThat(kept.published()).isEqualTo(Instant.parse("2025-05-16T18:30:00Z"));
		assertThat(kept.publishedText()).isNull();
	}

	@Test
	void descriptionWithMarkupCharactersStaysText() {
		byte[] page = """
				<html><head><meta property="og:description" content="Le taux &lt;b&gt;passe&lt;/b&gt; à 2 % &amp; plus">
				</head></html>""".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		TickerEntry bare = new TickerEntry("Le taux", null, null, null, null, null, null, null);

		RawItem enriched = bare.withArticle(this.reader.read(page, null, ARTICLE)).toRawItem();

		assertThat(enriched.summaryHtml()).isEqualTo("Le taux &lt;b&gt;passe&lt;/b&gt; à 2 % &amp; plus");
	}

	private byte[] fixture(String name) throws IOException {
		return new ClassPathResource(name, getClass()).getContentAsByteArray();
	}

}

package fr.manchette.normalize;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlCleanerTests {

	private static final URI FEED = URI.create("https://www.lemonde.fr/rss/une.xml");

	private final HtmlCleaner cleaner = new HtmlCleaner();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "script-and-style", "event-handlers", "javascript-links", "iframe-embed",
			"relative-links-and-images", "tracking-pixel", "french-typography" })
	void cleansAsTheGoldenFileSays(String name) throws IOException {
		String cleaned = this.cleaner.clean(fixture(name + ".html"), FEED);
		assertThat(cleaned).isEqualTo(fixture(name + ".expected.html").stripTrailing());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "script-and-style", "event-handlers", "javascript-links", "iframe-embed",
			"relative-links-and-images", "tracking-pixel", "french-typography" })
	void changesNothingWhenCleaningTwice(String name) throws IOException {
		String once = this.cleaner.clean(fixture(name + ".html"), FEED);
		assertThat(this.cleaner.clean(once, FEED)).isEqualTo(once);
	}

	@Test
	void writesNoBreakSpacesAsCharactersNotEntities() throws IOException {
		String cleaned = this.cleaner.clean(fixture("french-typography.html"), FEED);
		assertThat(cleaned).doesNotContain("&nbsp;", "&#")
			.contains("«\u00A0Nous", "bonus\u202F»", "retraites\u202F:");
	}

	@Test
	void givesEmptyHtmlWhenNothingVisibleIsLeft() {
		assertThat(this.cleaner.clean(null, FEED)).isEmpty();
		assertThat(this.cleaner.clean("", FEED)).isEmpty();
		assertThat(this.cleaner.clean(" \n\t ", FEED)).isEmpty();
		assertThat(this.cleaner.clean("<p> </p><script>track()</script><img src=\"/p.gif\" width=\"1\" height=\"1\">",
				FEED))
			.isEmpty();
	}

	@Test
	void keepsPlainTextSummariesAsText() {
		assertThat(this.cleaner.clean("Les députés ont adopté le texte & la réforme < 2026.", FEED))
			.isEqualTo("Les députés ont adopté le texte &amp; la réforme &lt; 2026.");
	}

	@Test
	void keepsWordsApartWhenUnwrappingBlocks() {
		assertThat(this.cleaner.text(this.cleaner.clean("<table><tr><td>Paris</td><td>12</td></tr></table>", FEED)))
			.isEqualTo("Paris 12");
	}

	@Test
	void givesPlainTextWithTitleFolding() {
		assertThat(this.cleaner.text("<p>«\u00A0Nous\u00A0irons\u00A0»,\n  dit-il.</p><p>Fin.</p>"))
			.isEqualTo("«\u00A0Nous\u00A0irons\u00A0», dit-il. Fin.");
	}

	private String fixture(String name) throws IOException {
		return new ClassPathResource("cleaner/" + name, getClass()).getContentAsString(StandardCharsets.UTF_8);
	}

}

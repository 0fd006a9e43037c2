package fr.manchette.parse;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@link Base64Text} through {@link FeedParser}: base64 text read as the text it encodes, never as its letters. */
class Base64TextTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void decodesAtom03Base64WrappedOnSeveralLinesAndLeavesTheOtherEntriesAlone() throws Exception {
		ParsedFeed feed = parse("atom03-base64-with-line-breaks.xml");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::summaryHtml)
			.containsExactly(
					tuple("Burkini : le Conseil d’État tranche",
							"<p>Le <b>Conseil d’État</b> suspend l’arrêté anti-burkini de Villeneuve-Loubet.</p>"),
					// Labelled base64, written in clear: read as written.
					tuple("Pas du base64, quoi qu’en dise son mode", "Une brève écrite en clair."),
					tuple("Rentrée : les tribunaux administratifs débordés", "Les délais s’allongent."));
	}

	@Test
	void decodesAtom10TextOfAMediaTypeAndShowsNoPictureAsLetters() throws Exception {
		ParsedFeed feed = parse("atom10-base64-content.xml");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::summaryHtml)
			.containsExactly(
					tuple("Stade : la Cour des comptes épingle la ville",
							"<p>La <em>Cour des comptes</em> épingle la gestion du stade.</p>"),
					// A picture in base64 is no text: no summary.
					tuple("Une photo, sans légende", null),
					tuple("Un type qui ment", "Un résumé écrit en clair."));
	}

	@Test
	void readsBase64TheSameWithoutATree() throws Exception {
		byte[] body = new ClassPathResource("atom10-base64-content.xml", getClass()).getContentAsByteArray();
		assertThat(this.parser.parse(body, null, true)).isEqualTo(this.parser.parse(body, null, false));
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "application/octet-stream, true", "image/png, true",
			"'application/pdf; name=a.pdf', true", "text/html, false", "'text/plain; charset=utf-8', false",
			"application/xhtml+xml, false", "application/xml, false", "html, false", "xhtml, false", "text, false",
			"null, false" })
	void aMediaTypeNeitherTextNorXmlSaysBase64(@Nullable String type, boolean base64) {
		assertThat(Base64Text.isBase64Type(type)).isEqualTo(base64);
	}

	private ParsedFeed parse(String fixture) throws IOException, FeedParseException {
		return this.parser.parse(new ClassPathResource(fixture, getClass()).getContentAsByteArray(), null);
	}

}

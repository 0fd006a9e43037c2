package fr.manchette.normalize;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

import fr.manchette.config.LanguageTag;
import fr.manchette.parse.FeedParseException;
import fr.manchette.support.ParseThenNormalize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A declared language as items are stored under it and filtered by it. */
class LanguageTagTests {

	@Test
	void aTagIsItsPrimarySubtagInLowerCase() {
		assertThat(LanguageTag.primary("fr-FR")).isEqualTo("fr");
		assertThat(LanguageTag.primary(" fr_MA ")).isEqualTo("fr");
		assertThat(LanguageTag.primary("AR")).isEqualTo("ar");
	}

	@Test
	void aThreeLetterCodeOfALanguageWithATwoLetterOneIsTheTwoLetterOne() {
		// ISO 639-2's terminology codes, then its bibliographic ones (library catalogues, some CMSs).
		assertThat(LanguageTag.primary("fra")).isEqualTo("fr");
		assertThat(LanguageTag.primary("ara")).isEqualTo("ar");
		assertThat(LanguageTag.primary("spa-ES")).isEqualTo("es");
		assertThat(LanguageTag.primary("fre")).isEqualTo("fr");
		assertThat(LanguageTag.primary("ger")).isEqualTo("de");
		assertThat(LanguageTag.primary("dut")).isEqualTo("nl");
		// Kabyle and Tamazight have no two-letter code: kept as they are.
		assertThat(LanguageTag.primary("kab")).isEqualTo("kab");
		assertThat(LanguageTag.primary("zgh")).isEqualTo("zgh");
	}

	@Test
	void aFeedDeclaringABibliographicCodeHasItsItemsStoredUnderTheTwoLetterOne() throws FeedParseException {
		ParseThenNormalize reading = new ParseThenNormalize(URI.create("http://127.0.0.1:8089/fil.xml"),
				Instant.parse("2026-12-06T08:00:00Z"), ZoneId.of("Europe/Paris"));
		Item item = reading.onlyItem("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Bibliothèque</title><link>https://b.example/</link>
				<description>d</description><language>fre</language>
				<item><title>Nouvelles acquisitions du fonds marocain</title><link>https://b.example/1</link></item>
				</channel></rss>""", "application/rss+xml");
		assertThat(item.language()).isEqualTo("fr");
	}

	@Test
	void whatIsNoLanguageTagIsNoLanguage() {
		assertThat(LanguageTag.primary("français")).isNull();
		assertThat(LanguageTag.primary("x")).isNull();
		assertThat(LanguageTag.primary("")).isNull();
		assertThat(LanguageTag.primary(null)).isNull();
	}

}

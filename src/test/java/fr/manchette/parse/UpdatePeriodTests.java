package fr.manchette.parse;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link UpdatePeriod}: RSS {@code <ttl>}, else {@code sy:updatePeriod} / {@code sy:updateFrequency}. */
class UpdatePeriodTests {

	private static final String SY = "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"";

	@ParameterizedTest
	@CsvSource({ "60, PT1H", "15, PT15M", "' 30 ', PT30M", "1440, PT24H" })
	void ttlIsInMinutes(String ttl, Duration expected) throws Exception {
		assertThat(rss("<ttl>" + ttl + "</ttl>")).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "hourly, 1, PT1H", "hourly, 2, PT30M", "daily, 1, PT24H", "daily, 4, PT6H", "weekly, 1, PT168H",
			"monthly, 1, PT720H", "yearly, 1, PT8760H", "Hourly, 1, PT1H" })
	void syndicationPeriodIsDividedByItsFrequency(String period, String frequency, Duration expected) throws Exception {
		assertThat(rss("<sy:updatePeriod>" + period + "</sy:updatePeriod><sy:updateFrequency>" + frequency
				+ "</sy:updateFrequency>")).isEqualTo(expected);
	}

	@Test
	void syndicationToleratesTheWhitespaceWordPressWrites() throws Exception {
		assertThat(rss("<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n\t"
				+ "<sy:updateFrequency>\n\t1\t</sy:updateFrequency>"))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void syndicationFrequencyDefaultsToOnce() throws Exception {
		assertThat(rss("<sy:updatePeriod>weekly</sy:updatePeriod>")).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void syndicationPeriodDefaultsToDailyAsTheModuleSays() throws Exception {
		assertThat(rss("<sy:updateFrequency>2</sy:updateFrequency>")).isEqualTo(Duration.ofHours(12));
	}

	@Test
	void ttlComesFirst() throws Exception {
		// Libération writes both, the ttl saying one minute.
		assertThat(rss("<ttl>1</ttl><sy:updatePeriod>hourly</sy:updatePeriod>"
				+ "<sy:updateFrequency>1</sy:updateFrequency>"))
			.isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void syndicationCountsWhenTheTtlIsNonsense() throws Exception {
		assertThat(rss("<ttl>jamais</ttl><sy:updatePeriod>daily</sy:updatePeriod>")).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void readsSyndicationOnRss10AndAtom() throws Exception {
		assertThat(UpdatePeriod.of(SafeXml.parse("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
				+ "xmlns=\"http://purl.org/rss/1.0/\" " + SY + "><channel><sy:updatePeriod>hourly</sy:updatePeriod>"
				+ "<sy:updateFrequency>4</sy:updateFrequency></channel></rdf:RDF>")))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(UpdatePeriod.of(SafeXml.parse("<feed xmlns=\"http://www.w3.org/2005/Atom\" " + SY
				+ "><sy:updatePeriod>daily</sy:updatePeriod></feed>")))
			.isEqualTo(Duration.ofDays(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "<ttl></ttl>", "<ttl>0</ttl>", "<ttl>-60</ttl>", "<ttl>soixante</ttl>",
			"<ttl>1.5</ttl>",
			"<ttl>99999999999</ttl>", "<sy:updatePeriod>parfois</sy:updatePeriod>",
			"<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>0</sy:updateFrequency>",
			"<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>-2</sy:updateFrequency>",
			"<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>deux</sy:updateFrequency>",
			"<updatePeriod>hourly</updatePeriod>" })
	void isNullWhenAbsentOrNonsense(String elements) throws Exception {
		assertThat(rss(elements)).isNull();
	}

	@Test
	void ignoresItemLevelElements() throws Exception {
		assertThat(rss("<item><ttl>60</ttl></item>")).isNull();
	}

	private static @Nullable Duration rss(String channelElements) throws FeedParseException {
		return UpdatePeriod.of(SafeXml.parse("<rss version=\"2.0\" " + SY + "><channel><title>Le Fil</title>"
				+ channelElements + "</channel></rss>"));
	}

}

package fr.manchette.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link RomeRefusals} through {@link FeedParser}: one value Rome throws on costs that element, never the feed, one
 * fixture per element that made Rome refuse a whole document.
 */
class RomeRefusalsTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void aChannelCloudOrSkipHoursThatIsNotANumberLosesNoItem() throws Exception {
		ParsedFeed feed = parse("rss2-cloud-port-not-a-number.xml");
		assertThat(feed.format()).isEqualTo("rss_2.0");
		assertThat(feed.title()).isEqualTo("Le Courrier du Berry");
		assertThat(feed.link()).isEqualTo("https://courrier-berry.example/");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title, RawItem::link, RawItem::summaryHtml,
				RawItem::published)
			.containsExactly(
					tuple("courrier-berry-2025-04-crypte", "Bourges : la cathédrale rouvre sa crypte",
							"https://courrier-berry.example/2025/04/crypte.html",
							"Fermée depuis deux ans, la crypte accueille de nouveau les visiteurs.",
							Instant.parse("2025-04-08T07:00:00Z")),
					tuple("courrier-berry-2025-04-marche", "Vierzon : le marché déménage",
							"https://courrier-berry.example/2025/04/marche.html", null,
							Instant.parse("2025-04-07T16:30:00Z")));
	}

	@Test
	void aSyndicationFrequencyThatIsNotANumberLosesOnlyItself() throws Exception {
		ParsedFeed feed = parse("rdf-syndication-frequency-not-a-number.xml");
		assertThat(feed.format()).isEqualTo("rss_1.0");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::published)
			.containsExactly(tuple("Le pont de la Roche rouvert à la circulation",
					Instant.parse("2025-05-02T05:45:00Z")));
		// The period stays: once an hour, the frequency that could not be read taken as its default.
		assertThat(feed.updatePeriod()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void anAtomSelfLinkWithoutAddressLosesNoEntry() throws Exception {
		ParsedFeed feed = parse("atom10-self-link-without-href.xml");
		assertThat(feed.title()).isEqualTo("Le Petit Normand");
		assertThat(feed.link()).isEqualTo("https://petit-normand.example/");
		assertThat(feed.self()).isNull();
		assertThat(feed.items()).extracting(RawItem::title, RawItem::link, RawItem::summaryHtml)
			.containsExactly(tuple("Caen : le tramway prolongé jusqu’à la mer",
					"https://petit-normand.example/2025/06/tramway.html", "Les travaux commenceront à l’automne."));
	}

	@Test
	void anAtom03TextOfAnUnknownModeLosesThatTextOnly() throws Exception {
		ParsedFeed feed = parse("atom03-unknown-content-mode.xml");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title, RawItem::link, RawItem::summaryHtml,
				RawItem::published)
			.containsExactly(
					// The summary Rome could not read is gone; the content stands in for it, as when there is none.
					tuple("tag:carnets-montmartre.example,2005:42", "Le Sacré-Cœur sous la neige",
							"https://carnets-montmartre.example/2005/03/sacre-coeur-neige.html",
							"<p>Quelques photos prises au lever du jour.</p>", Instant.parse("2005-03-01T07:30:00Z")),
					tuple("tag:carnets-montmartre.example,2005:41", "Rue Lepic : le marché du dimanche",
							"https://carnets-montmartre.example/2005/02/rue-lepic.html", "Fruits, fleurs et accordéon.",
							Instant.parse("2005-02-27T10:00:00Z")));
	}

	@Test
	void aDocumentWhoseFrameRomeRefusesIsStillRefused() {
		// RSS 1.0 without its channel: nothing of it can be taken out for Rome to read the rest.
		String rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
				+ " xmlns=\"http://purl.org/rss/1.0/\"><item><title>Seul</title></item></rdf:RDF>";
		FeedParseException ex = catchThrowableOfType(FeedParseException.class,
				() -> this.parser.parse(rdf.getBytes(StandardCharsets.UTF_8), null));
		assertThat(ex).isNotNull();
		assertThat(ex.kind()).isEqualTo(ParseFailureKind.PARSE_ERROR);
		assertThat(ex.getMessage()).startsWith("not a feed Rome can read");
	}

	private ParsedFeed parse(String fixture) throws IOException, FeedParseException {
		return this.parser.parse(new ClassPathResource(fixture, getClass()).getContentAsByteArray(), null);
	}

}

package fr.manchette.parse;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@link DublinCore} through {@link FeedParser}: dc:title and dc:description stand in for what is missing only. */
class DublinCoreTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void dublinCoreStandsInForAMissingOrEmptyRssTitleAndDescriptionOnly() throws Exception {
		ParsedFeed feed = parse("rss2-dublin-core-title-and-description.xml");
		assertThat(feed.title()).isEqualTo("La Voix du Quercy");
		assertThat(feed.items()).extracting(RawItem::guid, RawItem::title, RawItem::summaryHtml)
			.containsExactly(
					tuple("voix-quercy-valentre", "Cahors : le pont Valentré en travaux",
							"Les échafaudages resteront <b>jusqu’en juin</b>."),
					tuple("voix-quercy-foire", "Figeac : la foire aux vins", "Trente producteurs attendus."),
					tuple("voix-quercy-mediatheque", "Gourdon : la médiathèque rouvre", "Après six mois de travaux."));
	}

	@Test
	void readsDublinCoreTheSameWithoutATree() throws Exception {
		byte[] body = bytes("rss2-dublin-core-title-and-description.xml");
		assertThat(this.parser.parse(body, null, true)).isEqualTo(this.parser.parse(body, null, false));
	}

	@Test
	void readsTheDublinCoreOfRss10AsWell() throws Exception {
		ParsedFeed feed = parse("rdf-dublin-core-title-and-description.xml");
		assertThat(feed.format()).isEqualTo("rss_1.0");
		assertThat(feed.title()).isEqualTo("La Voix du Quercy");
		assertThat(feed.items()).extracting(RawItem::title, RawItem::summaryHtml)
			.containsExactly(tuple("Cahors : le pont Valentré en travaux",
					"Les échafaudages resteront jusqu’en juin."));
	}

	private ParsedFeed parse(String fixture) throws IOException, FeedParseException {
		return this.parser.parse(bytes(fixture), null);
	}

	private byte[] bytes(String fixture) throws IOException {
		return new ClassPathResource(fixture, getClass()).getContentAsByteArray();
	}

}

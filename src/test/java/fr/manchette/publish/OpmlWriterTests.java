package fr.manchette.publish;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.config.TickerSelectors;
import fr.manchette.store.PollOutcome;
import fr.manchette.support.FeedsFiles;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class OpmlWriterTests {

	private static final String SITE = "https://manchette.example/";

	private final OpmlWriter writer = new OpmlWriter(new CurrentFeeds(FeedsFiles.inZone("Africa/Casablanca",
			new Source("fil-info", "Le Fil", URI.create("https://fil.example/fil-info"), "economie",
					Duration.ofMinutes(15), true, SourceType.HTML,
					new TickerSelectors("li", "a", ZoneId.of("Africa/Casablanca")), false))));

	@Test
	void groupsEnabledSourcesByCategoryAtTheirCurrentAddress() throws Exception {
		Document opml = parse(this.writer.opml(List.of(
				health("le360", "Le360 & « Co »", "economie", true, "https://le360.example/feed", null),
				health("moved", "Déménagé", "economie", true, "https://old.example/rss", "https://new.example/rss"),
				health("off", "Désactivé", "sport", false, "https://off.example/rss", null),
				health("loose", "Sans catégorie", null, true, "https://loose.example/rss", null)), SITE));

		assertThat(opml.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		assertThat(outlines(opml)).containsExactly("economie > Le360 & « Co » https://le360.example/feed /economie",
				"economie > Déménagé https://new.example/rss /economie",
				" > Sans catégorie https://loose.example/rss ");
	}

	@Test
	void aCategoryIsOneFolderWhateverItsCase() throws Exception {
		Document opml = parse(this.writer.opml(List.of(health("le360", "Le360", "economie", true, "https://le360.example/feed", null),
				health("medias24", "Médias24", "Economie", true, "https://medias24.example/feed", null)), SITE));

		assertThat(outlines(opml)).containsExactly("economie > Le360 https://le360.example/feed /economie",
				"economie > Médias24 https://medias24.example/feed /economie");
	}

	@Test
	void aPageWithoutAFeedIsListedAsTheFeedOfItsItemsHere() throws Exception {
		Document opml = parse(this.writer.opml(List.of(
				health("le360", "Le360", "economie", true, "https://le360.example/feed", null),
				health("fil-info", "Le Fil", "economie", true, "https://fil.example/fil-info", null)), SITE));

		assertThat(outlines(opml)).containsExactly("economie > Le360 https://le360.example/feed /economie",
				"economie > Le Fil https://manchette.example/feed.atom?source=fil-info /economie");
		Element page = (Element) opml.getElementsByTagName("outline").item(2);
		assertThat(page.getAttribute("htmlUrl")).isEqualTo("https://fil.example/fil-info");
	}

	private static List<String> outlines(Document opml) {
		List<String> feeds = new ArrayList<>();
		NodeList outlines = opml.getElementsByTagName("outline");
		for (int i = 0; i < outlines.getLength(); i++) {
			Element outline = (Element) outlines.item(i);
			if ("rss".equals(outline.getAttribute("type"))) {
				Element parent = (Element) outline.getParentNode();
				feeds.add(parent.getAttribute("text") + " > " + outline.getAttribute("text") + " "
						+ outline.getAttribute("xmlUrl") + " " + outline.getAttribute("category"));
			}
		}
		return feeds;
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static SourceHealth health(String id, String name, String category, boolean enabled, String url, String movedTo) {
		return new SourceHealth(id, name, url, category, enabled, null, null, PollOutcome.PENDING, 0, null, null, 0,
				movedTo);
	}

}

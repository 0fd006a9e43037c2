package fr.manchette.parse;

import org.jdom2.Document;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LenientXml}: what the lenient parser may and may not give back. */
class LenientXmlTests {

	@Test
	void recoverKeepsTheItemsWhoseEndTagWasRead() {
		Document document = LenientXml.recover("<rss version=\"2.0\"><channel><title>Le Fil</title>"
				+ "<item><title>Une</title></item>"
				+ "<item><title>Deux</title><enclosure url=\"https://fil.example/2.jpg\"/></item>"
				+ "<item><title>Tro", true);
		assertThat(document).isNotNull();
		Element channel = document.getRootElement().getChild("channel");
		assertThat(channel.getChildText("title")).isEqualTo("Le Fil");
		assertThat(channel.getChildren("item")).extracting((item) -> item.getChildText("title"))
			.containsExactly("Une", "Deux");
		assertThat(channel.getChildren("item").get(1).getChild("enclosure").getAttributeValue("url"))
			.isEqualTo("https://fil.example/2.jpg");
	}

	@Test
	void recoverRepairsButDoesNotRebuildWhenNotAllowedTo() {
		String broken = "<rss><channel><title>L&rsquo;&Eacute;tat</title><item><title>Une</title></item><item>";
		assertThat(LenientXml.recover(broken, false)).isNull();
		Document repaired = LenientXml.recover("<rss><channel><title>L&rsquo;&Eacute;tat</title></channel></rss>",
				false);
		assertThat(repaired.getRootElement().getChild("channel").getChildText("title")).isEqualTo("L’État");
	}

	@Test
	void recoverGivesNothingWhenNoItemIsWhole() {
		assertThat(LenientXml.recover("<rss><channel><title>Le Fil</title><item><title>Coupé", true)).isNull();
	}

	@Test
	void recoverGivesNothingForSomethingElseThanAFeed() {
		assertThat(LenientXml.recover("<html><body><p>Erreur 502<item>x</item></body>", true)).isNull();
		assertThat(LenientXml.recover("{\"items\": [\"<item>x</item>\"]}", true)).isNull();
	}

}

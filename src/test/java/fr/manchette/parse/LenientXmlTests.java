package fr.manchette.parse;

import org.jdom2.Document;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LenientXml}: what the lenient parser may and may not give back. */
class LenientXmlTests {

	@Test
	void recoverKeepsTheItemsWhoseEndTagWasRead() {
		XmlDocument recovered = LenientXml.recover("<rss version=\"2.0\"><channel><title>Le Fil</title>"
				+ "<item><title>Une</title></item>"
				+ "<item><title>Deux</title><enclosure url=\"https://fil.example/2.jpg\"/></item>"
				+ "<item><title>Tro", true);
		assertThat(recovered.endedEarly()).isTrue();
		Document document = recovered.tree();
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
		XmlDocument repaired = LenientXml
			.recover("<rss><channel><title>L&rsquo;&Eacute;tat</title></channel></rss>", false);
		assertThat(repaired.endedEarly()).isFalse();
		assertThat(repaired.tree().getRootElement().getChild("channel").getChildText("title")).isEqualTo("L’État");
	}

	@Test
	void aDocumentWhoseRootIsClosedDidNotEndEarlyWhateverElseIsBroken() {
		// An item left open, closed with its channel by the root's end tag: malformed, not cut, and left out.
		XmlDocument recovered = LenientXml.recover("<rss><channel><title>Le Fil</title>"
				+ "<item><title>Une</title></item><item><title>Deux</title></channel></rss>", true);
		assertThat(recovered.endedEarly()).isFalse();
		assertThat(recovered.tree().getRootElement().getChild("channel").getChildren("item"))
			.extracting((item) -> item.getChildText("title"))
			.containsExactly("Une");
	}

	@Test
	void aDocumentCutAfterItsLastItemEndedEarly() {
		XmlDocument recovered = LenientXml
			.recover("<rss><channel><title>Le Fil</title><item><title>Une</title></item></chan", true);
		assertThat(recovered.endedEarly()).isTrue();
		assertThat(recovered.tree().getRootElement().getChild("channel").getChildren("item")).hasSize(1);
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

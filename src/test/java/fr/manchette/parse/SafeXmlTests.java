package fr.manchette.parse;

import org.jdom2.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link SafeXml}: the DOCTYPE handling that stands between a feed and an XXE or an entity bomb. */
class SafeXmlTests {

	@Test
	void prepareDropsABareDoctypeAndKeepsTheRest() throws Exception {
		String text = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
				+ "  \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel/></rss>";
		assertThat(SafeXml.prepare(text)).isEqualTo("<?xml version=\"1.0\"?>\n\n<rss version=\"0.91\"><channel/></rss>");
	}

	@Test
	void prepareDropsCharactersXmlForbidsAndLeadingBlankLines() throws Exception {
		assertThat(SafeXml.prepare("\n\r\n<rss>L\u0001’été\u000B\u000C\u001F à\u0000 Nîmes\uFFFE</rss>"))
			.isEqualTo("<rss>L’été à Nîmes</rss>");
	}

	/** The text is read a piece at a time: a forbidden character is found wherever it falls, at a piece's edges too. */
	@Test
	void prepareFindsAForbiddenCharacterAnywhereInALongDocument() throws Exception {
		String body = "L’été à Nîmes ".repeat(1_000);
		for (int at : new int[] { 0, 4095, 4096, 4097, 8191, 8192, body.length() - 1 }) {
			String text = "<rss>" + body.substring(0, at) + "\u0002" + body.substring(at) + "</rss>";
			assertThat(SafeXml.prepare(text)).as("at %d", at).isEqualTo("<rss>" + body + "</rss>");
		}
		assertThat(SafeXml.prepare("<rss>" + body + "</rss>")).isEqualTo("<rss>" + body + "</rss>");
	}

	@Test
	void prepareKeepsTabsAndLineBreaks() throws Exception {
		assertThat(SafeXml.prepare("<rss>\t«\u00a0a\u00a0»\r\n</rss>")).isEqualTo("<rss>\t«\u00a0a\u00a0»\r\n</rss>");
	}

	@Test
	void refusesDoctypeWithAnInternalSubset() {
		FeedParseException ex = refusal("<!DOCTYPE rss [<!ENTITY titre \"Élysée\">]><rss>&titre;</rss>");
		assertThat(ex.getMessage()).isEqualTo("DOCTYPE with entity declarations refused (XXE and entity bombs)");
	}

	@Test
	void refusesLowerCaseDoctypeWithAnInternalSubset() {
		FeedParseException ex = refusal("<!doctype rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss>&xxe;</rss>");
		assertThat(ex.getMessage()).startsWith("DOCTYPE with entity declarations refused");
	}

	@Test
	void doctypeHiddenBehindATagInACommentIsStillRefusedByTheParser() {
		FeedParseException ex = refusal("<?xml version=\"1.0\"?><!-- <rss> -->"
				+ "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss>&xxe;</rss>");
		assertThat(ex.getMessage()).startsWith("not well-formed XML").contains("DOCTYPE").doesNotContain("root:");
	}

	@Test
	void doctypeWithAnAngleBracketInItsSystemIdIsRefusedUnexpanded() {
		FeedParseException ex = refusal("<!DOCTYPE rss SYSTEM \"http://attacker.example/a>b\" "
				+ "[<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss>&xxe;</rss>");
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).startsWith("not well-formed XML").doesNotContain("root:");
	}

	@Test
	void externalDtdIsNeitherFetchedNorRequired() throws Exception {
		Document document = SafeXml
			.parse("<!DOCTYPE rss SYSTEM \"file:///etc/passwd\"><rss><channel><title>Élysée</title></channel></rss>");
		assertThat(document.getDocType()).isNull();
		assertThat(document.getRootElement().getChild("channel").getChildText("title")).isEqualTo("Élysée");
	}

	@Test
	void predefinedAndCharacterReferencesAreStillDecoded() throws Exception {
		Document document = SafeXml.parse("<rss><title>L&#x2019;&#233;t&#xE9; &amp; &lt;l&apos;hiver&gt;</title></rss>");
		assertThat(document.getRootElement().getChildText("title")).isEqualTo("L’été & <l'hiver>");
	}

	@Test
	void controlCharacterReferencesAreRefusedInXml10() {
		assertThat(refusal("<?xml version=\"1.0\"?><rss><title>a&#1;b</title></rss>").getMessage())
			.contains("not well-formed");
		assertThat(refusal("<rss><title>a&#x1F;b</title></rss>").getMessage()).contains("not well-formed");
	}

	@Test
	void controlCharacterReferencesAreRefusedInXml11AsJdomChecksThem() throws Exception {
		// The parser reads them in XML 1.1; JDOM's checks, kept for such documents, refuse them.
		assertThat(catchThrowable(() -> SafeXml.parse("<?xml version=\"1.1\"?><rss><title>a&#1;b</title></rss>")))
			.isNotNull();
		assertThat(SafeXml.parse("<?xml version='1.1'?><rss><title>a&#233;b</title></rss>").getRootElement()
			.getChildText("title")).isEqualTo("aéb");
	}

	@Test
	void onlyAnXmlDeclarationThatMayBeXml11IsReadWithJdomsChecks() {
		assertThat(SafeXml.declaresXml11("<?xml version=\"1.1\" encoding=\"UTF-8\"?><rss/>")).isTrue();
		assertThat(SafeXml.declaresXml11("<?xml version='1.1'?><rss/>")).isTrue();
		assertThat(SafeXml.declaresXml11("<?xml version=\"1.0\"?><rss version=\"1.1\"/>")).isFalse();
		assertThat(SafeXml.declaresXml11("<rss version=\"1.1\"/>")).isFalse();
	}

	@Test
	void theBlanksOfTheFramesIndentationAreLeftOutAndEveryOtherTextKept() throws Exception {
		Document rss = SafeXml.parse("""
				<rss>
				  <channel>
				    <title> Le Fil </title>
				    <item>
				      <title>A</title>
				      <description><b>x</b> <i>y</i></description>
				      <item> <x/> </item>
				    </item>
				  </channel>
				</rss>
				""");
		org.jdom2.Element channel = rss.getRootElement().getChild("channel");
		assertThat(rss.getRootElement().getContentSize()).isEqualTo(1);
		assertThat(channel.getContentSize()).isEqualTo(2);
		assertThat(channel.getChildText("title")).isEqualTo(" Le Fil ");
		org.jdom2.Element item = channel.getChild("item");
		assertThat(item.getContentSize()).isEqualTo(3);
		assertThat(item.getChild("description").getContentSize()).isEqualTo(3);
		// An element named item deeper down is no item of the feed's.
		assertThat(item.getChild("item").getContentSize()).isEqualTo(3);
		Document atom = SafeXml.parse("""
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <entry>
				    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>x</b> <i>y</i></div></content>
				  </entry>
				</feed>
				""");
		org.jdom2.Element entry = atom.getRootElement().getChildren().get(0);
		assertThat(atom.getRootElement().getContentSize()).isEqualTo(1);
		assertThat(entry.getContentSize()).isEqualTo(1);
		assertThat(entry.getChildren().get(0).getChildren().get(0).getContentSize()).isEqualTo(3);
	}

	@Test
	void onlyADocumentThatNeedsNoPreparationIsReadUnprepared() {
		assertThat(SafeXml.parseUnprepared("\n\n<?xml version=\"1.0\"?><rss><title>T</title></rss>").getRootElement()
			.getChildText("title")).isEqualTo("T");
		// A forbidden character anywhere, even after the root, or in a comment: the parser refuses it.
		assertThat(SafeXml.parseUnprepared("<rss><title>T\u0001</title></rss>")).isNull();
		assertThat(SafeXml.parseUnprepared("<rss><!-- \u000B --><title>T</title></rss>")).isNull();
		assertThat(SafeXml.parseUnprepared("<rss><title>T</title></rss>\uFFFE")).isNull();
		assertThat(SafeXml.parseUnprepared("<!DOCTYPE rss SYSTEM \"x.dtd\"><rss/>")).isNull();
		assertThat(SafeXml.parseUnprepared("<rss><title>T</rss>")).isNull();
	}

	@Test
	void aFeedWithForbiddenCharactersIsStillReadPrepared() throws Exception {
		ParsedFeed feed = new FeedParser().parse("""
				<rss version="2.0"><channel><title>Le\u0001 Fil</title>
				<item><title>A\u0008B</title><link>https://t.example/a</link></item></channel></rss>
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
		assertThat(feed.title()).isEqualTo("Le Fil");
		assertThat(feed.items().get(0).title()).isEqualTo("AB");
	}

	@Test
	void mentionsDtdFindsDtdMarkupWhereverItHides() {
		assertThat(SafeXml.mentionsDtd("<?xml version=\"1.0\"?><!-- <rss> --><!doctype rss><rss/>")).isTrue();
		assertThat(SafeXml.mentionsDtd("<rss><channel><!ENTITY xxe SYSTEM \"file:///etc/passwd\"></channel></rss>"))
			.isTrue();
		assertThat(SafeXml.mentionsDtd("<rss><title>&lt;!DOCTYPE html&gt; expliqué</title></rss>")).isFalse();
	}

	private static FeedParseException refusal(String text) {
		FeedParseException ex = catchThrowableOfType(FeedParseException.class, () -> SafeXml.parse(text));
		assertThat(ex).as("FeedParseException").isNotNull();
		return ex;
	}

}

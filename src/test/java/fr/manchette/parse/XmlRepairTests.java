package fr.manchette.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link XmlRepair}: HTML entities, bare {@code &} and {@code <}, and nothing else. */
class XmlRepairTests {

	@Test
	void replacesHtmlNamedEntitiesWithTheirCharacters() {
		assertThat(XmlRepair.repair("L&rsquo;&Eacute;tat&nbsp;: &laquo;&nbsp;c&oelig;ur&nbsp;&raquo;&hellip;"))
			.isEqualTo("L’État\u00a0: «\u00a0cœur\u00a0»…");
	}

	@Test
	void leavesXmlAndNumericReferencesSoNothingIsExpandedTwice() {
		String text = "&amp;eacute; &lt;b&gt; &quot;&apos; &#233; &#xE9; &#x2019;";
		assertThat(XmlRepair.repair(text)).isEqualTo(text);
	}

	@Test
	void keepsWhatHtmlNamesForMarkupCharactersAsText() {
		assertThat(XmlRepair.repair("&LT;b&GT; &AMP; <a title=\"&QUOT;\">"))
			.isEqualTo("&lt;b&gt; &amp; <a title=\"&quot;\">");
	}

	@Test
	void escapesABareAmpersandOrLessThan() {
		assertThat(XmlRepair.repair("<title>Marks & Spencer, 5 < 10, <3, R&D, &;</title>"))
			.isEqualTo("<title>Marks &amp; Spencer, 5 &lt; 10, &lt;3, R&amp;D, &amp;;</title>");
	}

	@Test
	void leavesCdataCommentsAndProcessingInstructionsAlone() {
		String text = "<?xml-stylesheet href=\"a?b&c\"?><rss><!-- 5 < 10 & &eacute; -->"
				+ "<title><![CDATA[Caf&eacute; & 5 < 10]]></title></rss>";
		assertThat(XmlRepair.repair(text)).isEqualTo(text);
	}

	@Test
	void leavesNamesNeitherXmlNorHtmlDefines() {
		assertThat(XmlRepair.repair("<title>&xxe; &eacute</title>")).isEqualTo("<title>&xxe; &amp;eacute</title>");
	}

}

package fr.manchette.support;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FeedparserCorpusTests {

	@Test
	void pythonStringLiteralsAreDecoded() {
		assertThat(FeedparserCorpus.pythonString("caf\\xe9 \\u2019a\\\\b\\'c\\nd\\U0001F600"))
			.isEqualTo("café ’a\\b'c\nd\uD83D\uDE00");
	}

	@Test
	void everyDocumentStatesItsExpectationEvenInUtf16AndUtf32() {
		assumeTrue(FeedparserCorpus.present(), "no shared/corpus/feedparser-tests next to the project");
		List<FeedparserCorpus.Case> encoding = FeedparserCorpus.under("encoding");
		assertThat(encoding).extracting(FeedparserCorpus.Case::name)
			.contains("encoding/utf-16be.xml", "encoding/utf-32le-autodetect.xml", "encoding/big5.xml");
		assertThat(encoding).allSatisfy((c) -> assertThat(c.expect()).isNotBlank());
		FeedparserCorpus.Case withHeader = encoding.stream()
			.filter((c) -> c.name().equals("encoding/http_text_atom_xml_encoding.xml"))
			.findFirst()
			.orElseThrow();
		assertThat(withHeader.header("content-type")).startsWith("text/atom+xml");
		assertThat(FeedparserCorpus.under("wellformed")).hasSizeGreaterThan(1700);
	}

}

package fr.manchette.parse;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An RSS item's {@code xhtml:body}, bare {@code body} or {@code fullitem}, through {@link FeedParser}: the item's
 * content when it has no other, written out as HTML ({@link BodyMarkup}).
 */
class BodyMarkupTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void readsAnItemsBodyAsItsContentWhenItHasNoOther() throws Exception {
		ParsedFeed feed = parse("rss2-xhtml-body-and-fullitem.xml");
		assertThat(feed.items()).extracting(RawItem::guid, (item) -> item.summaryHtml().strip())
			.containsExactly(
					// HTML, not XML: an empty span is no open tag that swallows the text after it, a br no pair.
					tuple("armor-digue", "<p>Travaux <b>terminés</b> &amp; digue rouverte.<br>Les promeneurs "
							+ "reviennent.</p>\n        <p>Photo<span></span> à suivre.</p>"),
					tuple("armor-port", "<a href=\"port.html\">Le programme</a>"),
					tuple("armor-noel", "<p>Quarante chalets sur la place.</p>"),
					tuple("armor-chants", "Le résumé, qui passe avant."),
					tuple("armor-plage", "<p>Le texte entier.</p>"));
		// The body's links resolve against the bases in scope of it, as a description's do.
		assertThat(feed.items().get(1).summaryBase().references()).containsExactly("https://carnet-armor.example/2025/");
	}

	@Test
	void readsABodyTheSameWithoutATree() throws Exception {
		byte[] body = new ClassPathResource("rss2-xhtml-body-and-fullitem.xml", getClass()).getContentAsByteArray();
		assertThat(this.parser.parse(body, null, true)).isEqualTo(this.parser.parse(body, null, false));
	}

	private ParsedFeed parse(String fixture) throws IOException, FeedParseException {
		return this.parser.parse(new ClassPathResource(fixture, getClass()).getContentAsByteArray(), null);
	}

}

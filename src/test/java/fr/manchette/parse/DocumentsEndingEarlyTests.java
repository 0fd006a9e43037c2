package fr.manchette.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A document that ends early, at whatever byte (a connection closed in a body that gave no length, a file cut at a
 * fixed size on its server): {@link FeedParser} gives the items whose end came, never a half one, and says the
 * document ended early; the whole document, it does not. In each format a feed is written in, JSON Feed's keys in
 * alphabetical order too, where the version comes after the items.
 */
class DocumentsEndingEarlyTests {

	private static final int ITEMS = 4;

	private final FeedParser parser = new FeedParser();

	static Stream<Document> documents() {
		return Stream.of(
				Document.of("RSS 2.0", """
						<?xml version="1.0" encoding="UTF-8"?>
						<rss version="2.0"><channel><title>Le Fil</title><link>https://fil.example/</link>
						""", (i) -> """
						<item><title>Titre n° %d, l’été</title><link>https://fil.example/%d</link><guid>g-%d</guid>\
						<description>&lt;p&gt;Résumé %d&lt;/p&gt;</description></item>""".formatted(i, i, i, i), "\n",
						"""

						</channel></rss>""", "\n"),
				Document.of("Atom 1.0", """
						<?xml version="1.0" encoding="UTF-8"?>
						<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Fil</title><id>urn:fil</id>
						""", (i) -> """
						<entry><id>g-%d</id><title>Titre n° %d, l’été</title><link href="https://fil.example/%d"/>\
						<updated>2026-12-05T10:00:00Z</updated></entry>""".formatted(i, i, i), "\n", """

						</feed>""", "\n"),
				Document.of("JSON Feed", """
						{"version": "https://jsonfeed.org/version/1.1", "title": "Le Fil", "items": [
						""", (i) -> """
						{"id": "g-%d", "url": "https://fil.example/%d", "title": "Titre n° %d, l’été", \
						"content_html": "<p>Résumé %d</p>"}""".formatted(i, i, i, i), ",\n", "\n]}", "\n"),
				Document.of("JSON Feed, keys in alphabetical order", """
						{"home_page_url": "https://fil.example/", "items": [
						""", (i) -> """
						{"id": "g-%d", "title": "Titre n° %d, l’été", "url": "https://fil.example/%d"}"""
							.formatted(i, i, i), ",\n", """
						],
						"title": "Le Fil", "version": "https://jsonfeed.org/version/1.1"}""", "\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documents")
	void aDocumentCutAtAnyByteGivesTheItemsWhoseEndCameAndSaysItEndedEarly(Document document) throws Exception {
		for (int cut = 1; cut < document.bytes().length; cut++) {
			byte[] start = Arrays.copyOf(document.bytes(), cut);
			int whole = document.itemsBefore(cut);
			if (whole == 0) {
				assertThat(catchThrowableOfType(FeedParseException.class, () -> this.parser.parse(start, null)))
					.as("cut at byte %d", cut)
					.isNotNull();
				continue;
			}
			ParsedFeed feed = this.parser.parse(start, null);
			assertThat(feed.items()).as("cut at byte %d", cut)
				.extracting(RawItem::guid)
				.containsExactlyElementsOf(document.guids(whole));
			assertThat(feed.items()).extracting(RawItem::title).allMatch((title) -> title.endsWith(", l’été"));
			assertThat(feed.endedEarly()).as("cut at byte %d", cut).isEqualTo(cut < document.end());
		}
		ParsedFeed feed = this.parser.parse(document.bytes(), null);
		assertThat(feed.items()).hasSize(ITEMS);
		assertThat(feed.endedEarly()).isFalse();
	}

	/**
	 * A feed of {@link #ITEMS} items.
	 * @param itemEnds the byte after each item's end
	 * @param end the byte after the document's own end (its root closed)
	 */
	record Document(String name, byte[] bytes, List<Integer> itemEnds, int end) {

		static Document of(String name, String head, IntFunction<String> item, String between, String tail,
				String after) {
			StringBuilder text = new StringBuilder(head);
			List<Integer> ends = new ArrayList<>();
			for (int i = 1; i <= ITEMS; i++) {
				text.append(item.apply(i));
				ends.add(length(text));
				if (i < ITEMS) {
					text.append(between);
				}
			}
			text.append(tail);
			int end = length(text);
			text.append(after);
			return new Document(name, text.toString().getBytes(StandardCharsets.UTF_8), ends, end);
		}

		private static int length(CharSequence text) {
			return text.toString().getBytes(StandardCharsets.UTF_8).length;
		}

		int itemsBefore(int cut) {
			return (int) this.itemEnds.stream().filter((end) -> end <= cut).count();
		}

		List<String> guids(int count) {
			return Stream.iterate(1, (i) -> i + 1).limit(count).map((i) -> "g-" + i).toList();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}

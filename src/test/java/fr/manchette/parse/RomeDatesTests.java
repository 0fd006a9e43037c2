package fr.manchette.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Random;

import com.rometools.rome.io.impl.DateParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RomeDates} must read exactly what Rome's own {@link DateParser} reads, or leave the text to it.
 */
class RomeDatesTests {

	private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss",
			Locale.US);

	private static final DateTimeFormatter RFC_822_SHORT_DAY = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss",
			Locale.US);

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.US);

	@Test
	void readsWhatRomeReadsForTenThousandDatesInEachForm() {
		Random random = new Random(11);
		int read = 0;
		for (int i = 0; i < 10_000; i++) {
			Instant instant = Instant.ofEpochSecond(-2_200_000_000L + (long) (random.nextDouble() * 34_000_000_000L));
			int quarters = random.nextInt(14 * 4 * 2 + 1) - 14 * 4;
			ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarters * 15 * 60);
			var local = instant.atOffset(offset);
			String zone = offset.getId().equals("Z") ? "+00:00" : offset.getId();
			String[] texts = { RFC_822.format(local) + " " + zone.replace(":", ""),
					RFC_822_SHORT_DAY.format(local) + " " + zone.replace(":", ""),
					RFC_822.format(instant.atOffset(ZoneOffset.UTC)) + " GMT", ISO.format(local) + zone,
					ISO.format(instant.atOffset(ZoneOffset.UTC)) + "Z" };
			for (String text : texts) {
				Instant ours = RomeDates.instant(text);
				if (ours != null) {
					read++;
					assertThat(ours).as(text).isEqualTo(rome(text));
					assertThat(rome(RomeDates.firstPatternForm(ours))).as(text).isEqualTo(ours);
				}
			}
		}
		// All but the local years before 1900.
		assertThat(read).isGreaterThan(49_900);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Fri, 16 May 2025 19:35:00 +0200", "Fri, 16 May 2025 17:35:00 GMT",
			"Mon, 5 Jan 2026 09:00:00 -0500", "2025-05-16T19:35:00+02:00", "2025-05-16T17:35:00Z",
			"1999-12-31T23:59:59-11:30", "Sat, 01 Jan 2000 00:00:00 +1400" })
	void givesTheInstantRomeGives(String text) {
		assertThat(RomeDates.instant(text)).isNotNull().isEqualTo(rome(text));
	}

	/** Each of these Rome reads its own way (or not at all): it still does, as written. */
	@ParameterizedTest
	@ValueSource(strings = { "Thu, 16 May 2025 19:35:00 +0200", "Fri, 16 May 2025 19:35:00 CEST",
			"Fri, 16 May 2025 19:35:00 +02:00", "Fri, 16 May 25 19:35:00 +0200", "Fri, 16 May 2025 19:35 +0200",
			"fri, 16 may 2025 19:35:00 +0200", "Sat, 31 Nov 2025 19:35:00 +0200", "Fri, 16 May 2025 24:00:00 +0200",
			"Fri, 16 May 2025 19:35:60 +0200", "Fri, 16 May 2025 19:35:00 UT", "Fri, 16 May 2025 19:35:00 Z",
			"2025-05-16T19:35:00.123+02:00", "2025-05-16T19:35+02:00", "2025-05-16 19:35:00+02:00",
			"2025-05-16T19:35:00+0200", "2025-05-16T19:35:00", "2025-05-16", "2025-05-16T17:35:00Z\n",
			" 2025-05-16T17:35:00Z", "2025-02-30T17:35:00Z", "1492-10-12T12:00:00Z", "2025-05-16T19:35:00+19:00",
			"ven., 16 mai 2025 19:35:00 +0200", "Le 16/05/2025 à 19h35", "" })
	void leavesToRomeWhatIsNotCertain(String text) {
		assertThat(RomeDates.instant(text)).isNull();
	}

	@Test
	void romeGivesTheSameDatesAndTheTextsStayAsWritten() throws Exception {
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
				<link>https://example.fr/</link><description>D</description>
				<item><title>A</title><pubDate>Fri, 16 May 2025 19:35:00 +0200</pubDate></item>
				<item><title>B</title><dc:date>2025-05-16T19:35:00+02:00</dc:date></item>
				<item><title>C</title><pubDate>Thu, 16 May 2025 19:35:00 CEST</pubDate></item>
				<item><title>D</title><pubDate>ven. 16 mai 2025 19:35</pubDate></item>
				<item><title>E</title><pubDate>2025-05-16T17:35:00Z</pubDate></item>
				</channel></rss>
				""".strip();
		ParsedFeed feed = new FeedParser().parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
		Instant expected = Instant.parse("2025-05-16T17:35:00Z");
		assertThat(feed.items()).extracting(RawItem::published)
			.containsExactly(expected, expected, rome("Thu, 16 May 2025 19:35:00 CEST"), null, expected);
		assertThat(feed.items()).extracting(RawItem::publishedText)
			.containsExactly("Fri, 16 May 2025 19:35:00 +0200", "2025-05-16T19:35:00+02:00",
					"Thu, 16 May 2025 19:35:00 CEST", "ven. 16 mai 2025 19:35", "2025-05-16T17:35:00Z");
	}

	@Test
	void atomDatesComeOutAsRomeReadsThem() throws Exception {
		String atom = """
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id>
				<updated>2025-05-16T19:35:00+02:00</updated>
				<entry><title>A</title><id>urn:a</id><published>2025-05-16T19:35:00+02:00</published>
				<updated>2025-05-17T08:00:00Z</updated></entry>
				<entry><title>B</title><id>urn:b</id><updated>2025-05-17T08:00:00Z</updated></entry>
				<entry><title>C</title><id>urn:c</id><published>2025-05-16T19:35:00.5+02:00</published></entry>
				</feed>
				""".strip();
		ParsedFeed feed = new FeedParser().parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml");
		assertThat(feed.items()).extracting(RawItem::published)
			.containsExactly(Instant.parse("2025-05-16T17:35:00Z"), Instant.parse("2025-05-17T08:00:00Z"),
					rome("2025-05-16T19:35:00.5+02:00"));
		assertThat(feed.items()).extracting(RawItem::publishedText)
			.containsExactly("2025-05-16T19:35:00+02:00", "2025-05-17T08:00:00Z", "2025-05-16T19:35:00.5+02:00");
	}

	private static Instant rome(String text) {
		Date date = DateParser.parseDate(text, Locale.US);
		return (date != null) ? date.toInstant() : null;
	}

	@Test
	void aDublinCoreDateNextToThePubDateStaysRomesToWeigh() throws Exception {
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
				<link>https://example.fr/</link><description>D</description>
				<item><title>A</title><pubDate>Fri, 16 May 2025 19:35:00 +0200</pubDate>
				<dc:date>2025-05-17T08:00:00Z</dc:date></item>
				</channel></rss>
				""".strip();
		ParsedFeed feed = new FeedParser().parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
		// Rome's converter keeps the Dublin Core date over the pubDate.
		assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2025-05-17T08:00:00Z"));
	}

	@Test
	void theDocumentIsAsItWasOnceRomeIsDone() throws Exception {
		String atom = """
				<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
				<entry><title>A</title> <updated>2025-05-17T08:00:00Z</updated> <id>a</id>
				<published>2025-05-16T19:35:00+02:00</published></entry>
				<entry><title>B</title><updated>2025-05-17T08:00:00Z</updated><updated>2025-05-18T08:00:00Z</updated></entry>
				<entry><title>C</title><modified>2025-05-17T08:00:00Z</modified></entry>
				</feed>
				""".strip();
		org.jdom2.Document document = SafeXml.parse(atom);
		String before = new org.jdom2.output.XMLOutputter().outputString(document);
		RomeDates dates = RomeDates.prepare(ItemElements.items(document), true);
		assertThat(dates.tookOut()).isTrue();
		assertThat(dates.published(0)).isEqualTo(Instant.parse("2025-05-16T17:35:00Z"));
		assertThat(dates.published(1)).isNull();
		assertThat(dates.published(2)).isNull();
		assertThat(dates.readAsExpected("atom_1.0")).isTrue();
		assertThat(dates.readAsExpected("rss_2.0")).isFalse();
		assertThat(new org.jdom2.output.XMLOutputter().outputString(document)).isNotEqualTo(before);
		dates.restore();
		assertThat(new org.jdom2.output.XMLOutputter().outputString(document)).isEqualTo(before);
	}

	@Test
	void theFeedsOwnDatesAreOutWhileRomeReadsAndBackAfter() throws Exception {
		String rss = """
				<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
				<pubDate>Fri, 16 May 2025 19:35:00 +0200</pubDate> <link>https://t.example/</link>
				<lastBuildDate>Fri, 16 May 2025 19:40:00 +0200</lastBuildDate><dc:date>2025-05-16</dc:date>
				<item><title>A</title><pubDate>Fri, 16 May 2025 19:35:00 +0200</pubDate></item>
				</channel></rss>
				""".strip();
		org.jdom2.Document document = SafeXml.parse(rss);
		String before = new org.jdom2.output.XMLOutputter().outputString(document);
		RomeDates dates = RomeDates.prepare(ItemElements.items(document), false).withoutFeedDates(document);
		org.jdom2.Element channel = document.getRootElement().getChild("channel");
		assertThat(channel.getChildren()).extracting(org.jdom2.Element::getName).containsExactly("title", "link",
				"item");
		assertThat(channel.getChild("item").getChild("pubDate")).isNotNull();
		dates.restore();
		assertThat(new org.jdom2.output.XMLOutputter().outputString(document)).isEqualTo(before);
		// Rome read the items' dates as before.
		ParsedFeed feed = new FeedParser().parse(rss.getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2025-05-16T17:35:00Z"));
		assertThat(feed.link()).isEqualTo("https://t.example/");
	}

	@Test
	void anAtomFeedsUpdatedDateIsOutWhileRomeReads() throws Exception {
		org.jdom2.Document document = SafeXml.parse("""
				<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><updated>2025-05-17T08:00:00Z</updated>
				<entry><title>A</title><updated>2025-05-17T08:00:00Z</updated></entry></feed>
				""".strip());
		String before = new org.jdom2.output.XMLOutputter().outputString(document);
		RomeDates dates = RomeDates.prepare(ItemElements.items(document), false).withoutFeedDates(document);
		assertThat(document.getRootElement().getChildren()).extracting(org.jdom2.Element::getName)
			.containsExactly("title", "entry");
		dates.restore();
		assertThat(new org.jdom2.output.XMLOutputter().outputString(document)).isEqualTo(before);
	}

	@Test
	void anAtomEntryWithOnlyItsUpdatedDateGetsThatDate() throws Exception {
		String atom = """
				<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id>
				<entry><title>A</title><id>urn:a</id><updated>2025-05-17T08:00:00Z</updated></entry>
				</feed>
				""".strip();
		ParsedFeed feed = new FeedParser().parse(atom.getBytes(StandardCharsets.UTF_8), null);
		assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2025-05-17T08:00:00Z"));
	}

}

package fr.manchette.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link FeedParser} on real French-language feeds from {@code shared/corpus/real-fr} next to the project, when it is
 * there (it is not copied into the repository: the articles are the publishers'). Expectations are those of its
 * SOURCES.md.
 */
class RealFeedsCorpusTests {

	private static final Path CORPUS = Path.of("..", "shared", "corpus", "real-fr");

	private static final String XXE_INJECTED = "lemonde-une-2017-03-09-XXE-injected.xml";

	private static final String DAMAGED = "lemonde-une-2014-11-16-feedsportal.rss";

	private static final List<String> NOT_FEEDS = List.of("lefigaro-etudiant-2025-02-10-NOT-A-FEED-cloudflare.html",
			"bfmtv-strasbourg-2025-02-10-NOT-A-FEED-404.html");

	private final FeedParser parser = new FeedParser();

	/** The files SOURCES.md marks well-formed, with the item count it lists. */
	static Stream<Arguments> wellFormedFeeds() {
		return Stream.of(arguments("lemonde-une-2017-03-09.xml", 21),
				arguments("lemonde-une-2018-06-27-browser-saved.xml", 21),
				arguments("sciencesetavenir-espace-2018-06-28-browser-saved.xml", 46),
				arguments("lefigaro-actualites-2019-03-24.xml", 20), arguments("igeneration-news-2019-03-23.xml", 25),
				arguments("humanite-actu-2019-11-23.xml", 10), arguments("epris-de-justice-2018-12-18.xml", 15),
				arguments("maitre-eolas-journal-dun-avocat-2018-11-11.atom", 20),
				arguments("linuxfr-news-2011-12-01.atom", 15), arguments("google-news-fr-be-2020-03-08.xml", 1),
				arguments("reporterre-2025-02-26.xml", 1), arguments("lemonde-une-2024-01-18.xml", 19),
				arguments("franceinfo-titres-2024-01-18.xml", 25), arguments("lemonde-international-2024-03-27.xml", 20),
				arguments("franceinfo-titres-2025-02-10.xml", 26), arguments("lefigaro-la-une-2025-02-10.xml", 19),
				arguments("liberation-a-la-une-2025-02-10.xml", 20), arguments("bfmtv-europe-2025-02-10.xml", 30),
				arguments("blast-articles-2025-02-10.xml", 100), arguments("elucid-2025-02-10.xml", 20),
				arguments("france24-fr-tag-immobilier-2025-06-02.rss", 24),
				arguments("telquel-scraper-regenerated-2026-03-24.xml", 10),
				arguments("yabiladi-scraper-regenerated-2026-03-25-truncated-at-apostrophe.xml", 15));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wellFormedFeeds")
	void wellFormedFeedParsesWithEveryItemTitled(String file, int items) throws Exception {
		ParsedFeed feed = this.parser.parse(read(file), null);
		assertThat(feed.items()).hasSize(items);
		assertThat(feed.items()).allSatisfy((item) -> assertThat(item.title()).isNotBlank());
	}

	@Test
	void everyFeedFileOfTheCorpusIsExpectedHere() throws IOException {
		List<String> expected = new ArrayList<>(wellFormedFeeds().map((args) -> (String) args.get()[0]).toList());
		expected.add(XXE_INJECTED);
		expected.add(DAMAGED);
		expected.addAll(NOT_FEEDS);
		try (Stream<Path> files = Files.list(corpus())) {
			assertThat(files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.matches(".*\\.(xml|rss|atom|html)"))).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/**
	 * Media RSS ({@code media:content} with only an address, or typed; {@code media:thumbnail}) and image enclosures:
	 * each item's picture, given apart, leads its summary, which has none.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "lemonde-international-2024-03-27.xml, 20", "lemonde-une-2024-01-18.xml, 19",
			"lefigaro-la-une-2025-02-10.xml, 19", "liberation-a-la-une-2025-02-10.xml, 20",
			"franceinfo-titres-2025-02-10.xml, 26", "france24-fr-tag-immobilier-2025-06-02.rss, 24",
			"blast-articles-2025-02-10.xml, 100" })
	void picturesGivenApartLeadTheSummaries(String file, int items) throws Exception {
		ParsedFeed feed = this.parser.parse(read(file), null);
		assertThat(feed.items()).hasSize(items)
			.allSatisfy((item) -> assertThat(item.summaryHtml()).startsWith("<p><img src=\"https://"));
	}

	@Test
	void aPictureLeadsTheSummaryOnceAsTheFeedGivesIt() throws Exception {
		ParsedFeed liberation = this.parser.parse(read("liberation-a-la-une-2025-02-10.xml"), null);
		assertThat(liberation.items().get(0).summaryHtml()).startsWith("<p><img src=\"https://liberation-liberation-prod"
				+ ".cdn.arcpublishing.com/resizer/GmmobZMEFne-E3v0LvaxIMz2NNs=/cloudfront-eu-central-1.images.arcpublishing"
				+ ".com/liberation/XLBN77P6IBA2PNFVQYCP6NZSXY.jpg\" alt=\"\"></p>")
			.containsOnlyOnce("<img");
		// BFMTV's descriptions show the picture its enclosures give: nothing is added.
		assertThat(this.parser.parse(read("bfmtv-europe-2025-02-10.xml"), null).items())
			.allSatisfy((item) -> assertThat(item.summaryHtml()).containsOnlyOnce("<img"));
	}

	@Test
	void frenchTypographyComesThrough() throws Exception {
		ParsedFeed feed = this.parser.parse(read("liberation-a-la-une-2025-02-10.xml"), null);
		assertThat(feed.items().get(0).title())
			.isEqualTo("«C’est une histoire d’espoir brisé» : au Sénégal, comment le groupe minier français Eramet "
					+ "croque la Grande Côte");
	}

	@Test
	void twoDigitYearsResolveTo2025() throws Exception {
		ParsedFeed feed = this.parser.parse(read("franceinfo-titres-2025-02-10.xml"), null);
		assertThat(feed.items()).allSatisfy((item) -> {
			assertThat(item.publishedText()).matches("\\w{3}, \\d{2} \\w{3} 25 .*");
			assertThat(item.published().atOffset(ZoneOffset.UTC).getYear()).isEqualTo(2025);
		});
	}

	@Test
	void xxeInjectedFeedIsRefusedAsAParseError() throws Exception {
		FeedParseException ex = refusal(XXE_INJECTED);
		assertThat(ex.isNotAFeed()).isFalse();
		assertThat(ex.getMessage()).contains("DOCTYPE").doesNotContain("<?php");
	}

	@ParameterizedTest
	@ValueSource(strings = { "lefigaro-etudiant-2025-02-10-NOT-A-FEED-cloudflare.html",
			"bfmtv-strasbourg-2025-02-10-NOT-A-FEED-404.html" })
	void htmlServedAtAFeedUrlIsNotAFeed(String file) throws Exception {
		assertThat(NOT_FEEDS).contains(file);
		assertThat(refusal(file).isNotAFeed()).isTrue();
	}

	@Test
	void damagedFeedRecoversEveryItem() throws Exception {
		// One item lost the '<' of <description>: that description is lost, the 25 items are not (nor its enclosure's
		// picture, which is then all its summary).
		ParsedFeed feed = this.parser.parse(read(DAMAGED), null);
		assertThat(feed.title()).isEqualTo("Le Monde.fr - Actualité à la Une");
		assertThat(feed.items()).hasSize(25).allSatisfy((item) -> {
			assertThat(item.title()).isNotBlank();
			assertThat(item.link()).startsWith("http://");
		});
		assertThat(feed.items().get(1).title())
			.isEqualTo("Nigeria : Chibok, la ville des lycéennes enlevées, reprise par l'armée et des miliciens");
		assertThat(feed.items().get(1).summaryHtml()).isEqualTo("<p><img src=\"http://s1.lemde.fr/image/2014/11/16/0x0/"
				+ "4524345_3_89a5_a-chibok-au-nigeria-le-19-mai-2014_066677a9db7084d7c95a1382bf7f9719.jpg\" alt=\"\"></p>");
		assertThat(feed.items().get(2).summaryHtml()).startsWith("L'ingénieur italien de 48 ans");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "elucid-2025-02-10.xml, PT1H", "epris-de-justice-2018-12-18.xml, PT1H",
			"lefigaro-actualites-2019-03-24.xml, PT1M", "liberation-a-la-une-2025-02-10.xml, PT1M",
			"lemonde-une-2014-11-16-feedsportal.rss, PT15M" })
	void updatePeriodAsTheFeedDeclaresIt(String file, Duration period) throws Exception {
		assertThat(this.parser.parse(read(file), null).updatePeriod()).isEqualTo(period);
	}

	@Test
	void feedsThatDeclareNoUpdatePeriodHaveNone() throws Exception {
		assertThat(this.parser.parse(read("lemonde-une-2024-01-18.xml"), null).updatePeriod()).isNull();
	}

	private FeedParseException refusal(String file) throws IOException {
		byte[] body = read(file);
		FeedParseException ex = catchThrowableOfType(FeedParseException.class, () -> this.parser.parse(body, null));
		assertThat(ex).as("FeedParseException").isNotNull();
		return ex;
	}

	private static byte[] read(String file) throws IOException {
		return Files.readAllBytes(corpus().resolve(file));
	}

	private static Path corpus() {
		assumeTrue(Files.isDirectory(CORPUS), () -> "no corpus at " + CORPUS.toAbsolutePath().normalize());
		return CORPUS;
	}

}

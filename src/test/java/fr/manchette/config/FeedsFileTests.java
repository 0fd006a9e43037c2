package fr.manchette.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link FeedsFileLoader}, with one fixture per mistake and no Spring context. */
class FeedsFileTests {

	private final FeedsFileLoader loader = new FeedsFileLoader();

	@TempDir
	Path temp;

	@Test
	void minimalFileGetsEveryDefault() throws IOException {
		FeedsFile file = this.loader.load(fixture("minimal.yml"));
		assertThat(file.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(file.poll()).isEqualTo(PollDefaults.DEFAULTS);
		// As the README gives them.
		assertThat(file.poll().interval()).isEqualTo(Duration.ofMinutes(15));
		assertThat(file.poll().timeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(file.poll().maxSize()).isEqualTo(DataSize.ofMegabytes(10));
		assertThat(file.retention()).isEqualTo(Duration.ofDays(30));
		assertThat(file.feeds()).containsExactly(new Source("lemonde", "Le Monde",
				URI.create("https://www.lemonde.fr/rss/une.xml"), null, Duration.ofMinutes(15), true, SourceType.FEED));
	}

	@Test
	void fullFileKeepsEveryValueAndGivesPollIntervalToSourcesWithoutOne() throws IOException {
		FeedsFile file = this.loader.load(fixture("full.yml"));
		assertThat(file.timezone()).isEqualTo(ZoneId.of("Africa/Casablanca"));
		assertThat(file.poll())
			.isEqualTo(new PollDefaults(Duration.ofMinutes(10), Duration.ofSeconds(5), DataSize.ofKilobytes(512)));
		assertThat(file.retention()).isEqualTo(Duration.ofDays(7));
		assertThat(file.feeds()).containsExactly(
				new Source("hespress-fr", "Hespress FR", URI.create("https://fr.hespress.com/feed"), "actualite",
						Duration.ofMinutes(5), false, SourceType.FEED),
				new Source("le360", "Le360", URI.create("https://fr.le360.ma/arc/outboundfeeds/rss/?outputType=xml"),
						null, Duration.ofMinutes(10), true, SourceType.FEED));
		assertThat(file.enabledFeeds()).extracting(Source::id).containsExactly("le360");
		assertThat(file.source("hespress-fr")).isPresent();
	}

	@Test
	void malformedYamlIsOneProblemWithLineAndColumn() throws IOException {
		assertThat(problems(write("unclosed.yml", "feeds:\n  - id: telquel\n    name: \"TelQuel\n")))
			.singleElement()
			.asString()
			.startsWith("feeds.yml line 4, column 1: found unexpected end of stream (while scanning a quoted scalar "
					+ "at line 3, column 11)");
	}

	@Test
	void anUnquotedColonInAValueSaysToQuoteIt() throws IOException {
		assertThat(problems("malformed-yaml.yml")).containsExactly("feeds.yml line 4, column 18: the value of name "
				+ "holds \": \", which YAML reads as a new key: put it in quotes (name: \"TelQuel: le magazine\")");
		assertThat(problems(write("quotes.yml", "feeds:\r\n  - id: x\r\n    name: Le \"Monde\": édition\r\n")))
			.containsExactly("feeds.yml line 3, column 21: the value of name holds \": \", which YAML reads as a new "
					+ "key: put it in quotes (name: 'Le \"Monde\": édition')");
	}

	@Test
	void aKeyIndentedMoreThanTheLineAboveSaysWhere() throws IOException {
		assertThat(problems(write("indent.yml", "feeds:\n  - id: x\n    url: https://x.example/rss\n"
				+ "      category: sport\n")))
			.containsExactly("feeds.yml line 4, column 15: category is indented more than the line above it: start it "
					+ "in the same column as the other keys of its mapping");
	}

	@Test
	void aKeyWithoutItsColonAndSpaceSaysHowToWriteIt() throws IOException {
		assertThat(problems(write("nospace.yml", "feeds:\n  - id: x\n    name:Le Monde\n    url: https://x.example/\n")))
			.containsExactly("feeds.yml line 3, column 5: \"name:Le Monde\" is not a key and its value: write "
					+ "name: Le Monde");
		assertThat(problems(write("nocolon.yml", "feeds:\n  - id: x\n    name: X\n    url https://x.example/rss\n")))
			.containsExactly("feeds.yml line 4, column 5: \"url https://x.example/rss\" is not a key and its value: "
					+ "write url: https://x.example/rss");
	}

	@Test
	void aLineLinedUpWithNoneAboveSaysHowToIndent() throws IOException {
		assertThat(problems(write("indent.yml", "feeds:\n  - id: x\n    name: X\n    url: https://x.example/\n"
				+ " - id: y\n")))
			.containsExactly("feeds.yml line 5, column 2: this line is lined up with none above it: indent it as the "
					+ "lines it goes with (each source's \"- id:\" in one column, its other keys in another)");
	}

	@Test
	void aTabSaysToIndentWithSpaces() throws IOException {
		assertThat(problems(write("tab.yml", "feeds:\n  - id: x\n\tname: X\n    url: https://x.example/rss\n")))
			.containsExactly("feeds.yml line 3, column 1: a tab, where YAML indents with spaces only: replace it with "
					+ "spaces");
	}

	@Test
	void duplicateKeyIsRefusedWithItsLine() {
		assertThat(problems("duplicate-key.yml")).singleElement()
			.asString()
			.startsWith("feeds.yml line 5, column 5: found duplicate key name");
	}

	@Test
	void missingUrlNamesTheSource() {
		assertThat(problems("missing-url.yml")).containsExactly("feeds[1] (id \"le360\"): url is missing");
	}

	@Test
	void duplicateIdNamesTheFirstUse() {
		assertThat(problems("duplicate-id.yml"))
			.containsExactly("feeds[2] (id \"lemonde\"): id \"lemonde\" is already used by feeds[0]");
	}

	@Test
	void badDurationShowsTheExpectedForm() {
		assertThat(problems("bad-duration.yml")).containsExactly(
				"feeds[0] (id \"lemonde\"): interval \"15 minutes\" is not a duration (use e.g. 15m, 1h, 30s)");
	}

	@Test
	void anUpperCaseMIsNeitherMinutesNorMonths() throws IOException {
		Path path = write("months.yml", """
				poll:
				  interval: 15M
				retention: 6M
				feeds:
				  - id: lemonde
				    name: Le Monde
				    url: https://www.lemonde.fr/rss/une.xml
				    interval: 15m
				""");
		assertThat(problems(path)).containsExactly(
				"poll: interval \"15M\" is ambiguous: write m for minutes (15m); there is no month unit, write days "
						+ "(180d)",
				"retention \"6M\" is ambiguous: write m for minutes (6m); there is no month unit, write days (180d)");
	}

	@Test
	void tooShortDurationsAreRefusedWithTheMinimum() {
		assertThat(problems("too-short-durations.yml")).containsExactly(
				"poll: interval \"30s\" is too short (at least 1m)",
				"poll: timeout \"500ms\" is too short (at least 1s)", "retention \"0d\" must be positive",
				"feeds[0] (id \"lemonde\"): interval \"45s\" is too short (at least 1m)");
	}

	@Test
	void tooLongDurationsAreRefusedWithTheMaximum() {
		// Each would be added to or taken from now: far past what PostgreSQL's timestamps (or Instant) hold.
		assertThat(problems("too-long-durations.yml")).containsExactly(
				"poll: interval \"999999999d\" is too long (at most 7d)",
				"poll: timeout \"1000d\" is too long (at most 10m)",
				"poll: max-interval \"2d\" is too long (at most 24h)",
				"retention \"100000000d\" is too long (at most 36500d)",
				"feeds[0] (id \"lemonde\"): interval \"8d\" is too long (at most 7d)",
				"feeds[1] (id \"hespress\"): interval \"PT169H\" is too long (at most 7d)",
				"feeds[1] (id \"hespress\"): max-interval \"25h\" is too long (at most 24h)");
	}

	@Test
	void theLongestDurationsAreAccepted() {
		FeedsFile file = this.loader.load(fixture("longest-durations.yml"));

		assertThat(file.poll().interval()).isEqualTo(Duration.ofDays(7));
		assertThat(file.poll().timeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(file.retention()).isEqualTo(Duration.ofDays(36_500));
		assertThat(file.feeds()).singleElement().satisfies((source) -> {
			assertThat(source.interval()).isEqualTo(Duration.ofDays(7));
			assertThat(source.maxInterval()).isEqualTo(Duration.ofDays(1));
		});
	}

	@Test
	void unknownTimezoneSuggestsTheClosestZone() {
		assertThat(problems("unknown-timezone.yml"))
			.containsExactly("timezone \"Europe/Pariss\" is not a known time zone "
					+ "(e.g. Africa/Casablanca, Europe/Paris); did you mean \"Europe/Paris\"?");
	}

	@Test
	void aZoneNamedByItsCityIsSuggestedInFull() throws IOException {
		Path path = write("city.yml", """
				timezone: Paris
				feeds:
				  - id: fil
				    name: Fil
				    url: https://www.exemple.ma/fil-info
				    type: html
				    select:
				      item: li
				      title: a
				      timezone: casablanca
				""");
		assertThat(problems(path)).containsExactly(
				"timezone \"Paris\" is not a known time zone (e.g. Africa/Casablanca, Europe/Paris); did you mean "
						+ "\"Europe/Paris\"?",
				"feeds[0] (id \"fil\"): select: timezone \"casablanca\" is not a known time zone (e.g. "
						+ "Africa/Casablanca, Europe/Paris); did you mean \"Africa/Casablanca\"?");
	}

	@Test
	void unknownKeyListsTheAllowedOnes() {
		assertThat(problems("unknown-key.yml")).containsExactly("feeds[0] (id \"lemonde\"): unknown key \"intervall\" "
				+ "(allowed: id, name, url, category, interval, enabled, type, select, enrich, adaptive, "
				+ "max-interval, drop, keep, languages); did you mean "
				+ "\"interval\"?");
	}

	@Test
	void aKeyWrittenWhereItDoesNotGoSaysWhereItGoes() throws IOException {
		Path path = write("places.yml", """
				url: https://x.example/rss
				poll:
				  retention: 30d
				feeds:
				  - id: x
				    name: X
				    url: https://x.example/rss
				    timeout: 30s
				    max-size: 20MB
				    item: li
				""");
		String source = "(allowed here: " + String.join(", ", SourcesBinder.SOURCE_KEYS) + ")";
		assertThat(problems(path)).containsExactly(
				"key \"url\" does not go here but in a source, under feeds: (allowed here: timezone, poll, "
						+ "retention, feeds, drop, keep, languages)",
				"poll: key \"retention\" does not go here but at the top of the file (allowed here: interval, "
						+ "timeout, max-size, adaptive, max-interval)",
				"feeds[0] (id \"x\"): key \"timeout\" does not go here but under poll:, for every source " + source,
				"feeds[0] (id \"x\"): key \"max-size\" does not go here but under poll:, for every source " + source,
				"feeds[0] (id \"x\"): key \"item\" does not go here but under select: of a type html source "
						+ source);
	}

	@Test
	void urlMustBeAbsoluteHttpOrHttps() {
		assertThat(problems("not-http.yml")).containsExactly(
				"feeds[0] (id \"archives\"): url \"ftp://ftp.example.org/news.xml\" must be http or https",
				"feeds[1] (id \"lemonde\"): url \"www.lemonde.fr/rss/une.xml\" must be absolute, "
						+ "starting with https:// or http://");
	}

	@Test
	void urlWithCredentialsIsRefusedWithoutShowingThem() throws IOException {
		Path path = write("credentials.yml", """
				feeds:
				  - id: private
				    name: Private
				    url: https://alice:s3cret@news.example/feed?format=rss
				  - id: broken
				    name: Broken
				    url: "http://bob:hunter2@news.example/a b.xml"
				  - id: idn
				    name: IDN
				    url: http://carol:pa@ss@exämple.fr/feed
				""");
		assertThat(problems(path)).containsExactly(
				"feeds[0] (id \"private\"): url \"https://…@news.example/feed?format=rss\" must not hold a user name "
						+ "or password (Manchette sends none, and shows every source's url)",
				"feeds[1] (id \"broken\"): url \"http://…@news.example/a b.xml\" is not a valid URL (a space is "
						+ "written %20)",
				"feeds[2] (id \"idn\"): url \"http://…@exämple.fr/feed\" must not hold a user name or password "
						+ "(Manchette sends none, and shows every source's url)");
	}

	@Test
	void urlHostInLettersOutsideAsciiIsItsAsciiFormAndAPortIsInRange() throws IOException {
		Path path = write("hosts.yml", """
				feeds:
				  - id: elysee
				    name: Élysée
				    url: https://www.élysée.fr:8443/actualités/feed?x=1#top
				  - id: port
				    name: Port
				    url: http://127.0.0.1:99999/feed
				  - id: nowhere
				    name: Nowhere
				    url: 127.0.0.1:8080/feed
				""");
		assertThat(problems(path)).containsExactly(
				"feeds[1] (id \"port\"): url \"http://127.0.0.1:99999/feed\" has an invalid port 99999 (1 to 65535)",
				"feeds[2] (id \"nowhere\"): url \"127.0.0.1:8080/feed\" must be absolute, starting with https:// "
						+ "or http://");
		Path idn = write("idn.yml", """
				feeds:
				  - id: elysee
				    name: Élysée
				    url: https://www.élysée.fr:8443/actualités/feed?x=1#top
				""");
		URI url = this.loader.load(idn).feeds().get(0).url();
		assertThat(url.getHost()).isEqualTo("www.xn--lyse-9oad.fr");
		assertThat(url).hasToString("https://www.xn--lyse-9oad.fr:8443/actualités/feed?x=1#top");
	}

	@Test
	void whatTheStoreOrAnXmlOutputCannotHoldIsRefused() throws IOException {
		Path path = write("unstorable.yml", """
				feeds:
				  - id: long
				    name: Long
				    url: https://news.example/feed?q=%s
				  - id: nul
				    name: "Le\\0Monde"
				    url: https://news.example/une
				    category: "actu\\ttab"
				""".formatted("x".repeat(2048)));
		assertThat(problems(path)).containsExactly(
				"feeds[0] (id \"long\"): url is too long (2076 characters, at most 2048)",
				"feeds[1] (id \"nul\"): name holds a control character (U+0000)",
				"feeds[1] (id \"nul\"): category holds a control character (U+0009)");
	}

	@Test
	void idMustBeUrlSafeAndPresent() {
		assertThat(problems("bad-id.yml")).containsExactly(
				"feeds[0] (id \"Le Monde\"): id \"Le Monde\" must be 1 to 64 lowercase letters, digits, "
						+ "'-', '_' or '.', starting with a letter or a digit",
				"feeds[1]: id is missing");
	}

	@Test
	void idIsAtMostSixtyFourCharacters() throws IOException {
		String longest = "a".repeat(64);
		assertThat(this.loader.load(write("longest-id.yml", "feeds:\n  - id: " + longest
				+ "\n    name: A\n    url: https://a.example/rss\n")).feeds()).extracting(Source::id)
			.containsExactly(longest);
		assertThat(problems(write("too-long-id.yml", "feeds:\n  - id: " + longest + "b"
				+ "\n    name: A\n    url: https://a.example/rss\n"))).singleElement()
			.asString()
			.endsWith("must be 1 to 64 lowercase letters, digits, '-', '_' or '.', starting with a letter or a digit");
	}

	@Test
	void fileWithoutFeedsNeedsAtLeastOneSource() {
		assertThat(problems("no-feeds.yml")).containsExactly("feeds: at least one source is required");
	}

	@Test
	void emptyFileOrEmptyListNeedsAtLeastOneSource() throws IOException {
		String empty = "the file is empty (or holds only comments): it needs a feeds: list of at least one source";
		assertThat(problems(write("empty.yml", ""))).containsExactly(empty);
		assertThat(problems(write("blank.yml", " \n\n"))).containsExactly(empty);
		assertThat(problems(write("comments.yml", "# nothing yet\n"))).containsExactly(empty);
		assertThat(problems(write("empty-list.yml", "feeds: []\n")))
			.containsExactly("feeds: at least one source is required");
	}

	@Test
	void everyMistakeIsReportedInFileOrder() {
		assertThat(problems("several-mistakes.yml")).containsExactly(
				"unknown key \"pol\" (allowed: timezone, poll, retention, feeds, drop, keep, languages); did you mean \"poll\"?",
				"poll: max-size \"beaucoup\" is not a size (use e.g. 10MB, 512KB)",
				"feeds[0] (id \"hespress-fr\"): name is missing",
				"feeds[0] (id \"hespress-fr\"): enabled \"oui\" must be true or false",
				"feeds[1] (id \"le360\"): url \"https:///rss\" has no host",
				"feeds[1] (id \"le360\"): interval 15 has no unit (use e.g. 15m, 1h, 30s)",
				"feeds[1] (id \"le360\"): select is missing: type html needs a select block with at least item and "
						+ "title (CSS selectors)",
				"feeds[2]: id is missing",
				"feeds[2]: category must be text (found a list)");
	}

	@Test
	void htmlSourceKeepsItsSelectorsAndTakesTheFileZoneByDefault() {
		FeedsFile file = this.loader.load(fixture("html-source.yml"));
		Source fil = file.source("fil-info").orElseThrow();
		assertThat(fil.type()).isEqualTo(SourceType.HTML);
		assertThat(fil.enrich()).isTrue();
		assertThat(fil.select()).isEqualTo(new TickerSelectors("ul.fil-info > li", "h3 a", "h3 a", "span.heure",
				"time.date", "p.chapo", "figure img", "HH'h'mm", "d MMMM yyyy", ZoneId.of("Europe/Paris")));
		Source feed = file.source("le360").orElseThrow();
		assertThat(feed.select()).isNull();
		assertThat(feed.enrich()).isFalse();
		Source depeches = file.source("depeches").orElseThrow();
		assertThat(depeches.type()).isEqualTo(SourceType.HTML);
		assertThat(depeches.enrich()).isFalse();
		assertThat(depeches.select())
			.isEqualTo(new TickerSelectors("article.depeche", "h2", ZoneId.of("Africa/Casablanca")));
	}

	@Test
	void htmlSourceNeedsItsSelectBlock() {
		assertThat(problems("html-without-select.yml")).containsExactly("feeds[0] (id \"fil-info\"): select is "
				+ "missing: type html needs a select block with at least item and title (CSS selectors)");
	}

	@Test
	void selectBlockNeedsItemAndTitle() {
		assertThat(problems("html-select-without-item-and-title.yml")).containsExactly(
				"feeds[0] (id \"fil-info\"): select: item is missing",
				"feeds[0] (id \"fil-info\"): select: title is missing");
	}

	@Test
	void selectBlockMustBeAMapping() {
		assertThat(problems("html-select-not-a-mapping.yml")).containsExactly("feeds[0] (id \"fil-info\"): select "
				+ "must be a mapping with the keys item, title, link, time, date, summary, image, time-format, "
				+ "date-format, timezone (found text \"ul.fil-info > li\")");
	}

	@Test
	void selectorsJsoupCannotParseAreReportedWithTheirField() {
		assertThat(problems("html-bad-selectors.yml")).containsExactly(
				"feeds[0] (id \"fil-info\"): select: item \"li[data-id\" is not a valid CSS selector "
						+ "(Did not find balanced marker at 'data-id')",
				"feeds[0] (id \"fil-info\"): select: title \"h3 >\" is not a valid CSS selector "
						+ "(Could not parse query 'h3 >': unexpected token at '')");
	}

	@Test
	void formatsMustBePatternsThatSayWhatTheyAreFor() {
		assertThat(problems("html-bad-formats.yml")).containsExactly(
				"feeds[0] (id \"fil-info\"): select: time-format \"HH:mm:bb\" is not a date-time pattern "
						+ "(Unknown pattern letter: b; e.g. HH:mm, HH'h'mm, d MMMM yyyy)",
				"feeds[0] (id \"fil-info\"): select: date-format \"dd yyyy\" must contain a day (d) and a month (M) "
						+ "(put literal text in single quotes, e.g. HH'h'mm)");
	}

	@Test
	void formatsNeedAnElementToReadThemIn() {
		assertThat(problems("html-time-format-without-time.yml")).containsExactly(
				"feeds[0] (id \"fil-info\"): select: time-format \"mm'h'ss\" must contain an hour (H, h, k or K) "
						+ "(put literal text in single quotes, e.g. HH'h'mm)",
				"feeds[0] (id \"fil-info\"): select: date-format is set but date does not say where the date is");
	}

	@Test
	void unknownSelectKeyAndZoneSuggestTheClosest() {
		assertThat(problems("html-unknown-select-key.yml")).containsExactly(
				"feeds[0] (id \"fil-info\"): select: unknown key \"titre\" (allowed: item, title, link, time, date, "
						+ "summary, image, time-format, date-format, timezone); did you mean \"title\"?",
				"feeds[0] (id \"fil-info\"): select: title is missing",
				"feeds[0] (id \"fil-info\"): select: timezone \"Africa/Casablance\" is not a known time zone "
						+ "(e.g. Africa/Casablanca, Europe/Paris); did you mean \"Africa/Casablanca\"?");
	}

	@Test
	void selectAndEnrichAreRefusedForAFeed() {
		assertThat(problems("select-on-feed.yml")).containsExactly(
				"feeds[0] (id \"le360\"): select is only for type html (this source is a feed; add \"type: html\" "
						+ "to read a page with CSS selectors)",
				"feeds[0] (id \"le360\"): enrich is only for type html (this source is a feed)");
	}

	@Test
	void adaptivePollingIsFileWideAndEachSourceMayOverrideIt() throws IOException {
		Path path = write("adaptive.yml", """
				poll:
				  interval: 10m
				  adaptive: true
				  max-interval: 3h
				feeds:
				  - id: wire
				    name: Wire
				    url: https://wire.example/rss
				  - id: column
				    name: Column
				    url: https://column.example/rss
				    max-interval: 12h
				  - id: fixed
				    name: Fixed
				    url: https://fixed.example/rss
				    adaptive: false
				""");
		FeedsFile file = this.loader.load(path);
		assertThat(file.poll().adaptive()).isTrue();
		assertThat(file.poll().maxInterval()).isEqualTo(Duration.ofHours(3));
		assertThat(file.feeds()).extracting(Source::adaptive).containsExactly(true, true, false);
		assertThat(file.feeds()).extracting(Source::maxInterval)
			.containsExactly(Duration.ofHours(3), Duration.ofHours(12), Duration.ofHours(3));
		assertThat(file.feeds()).extracting(Source::interval).containsOnly(Duration.ofMinutes(10));
	}

	@Test
	void adaptivePollingIsOffByDefaultWithASixHourCeiling() throws IOException {
		FeedsFile file = this.loader.load(fixture("minimal.yml"));
		assertThat(file.poll().adaptive()).isFalse();
		assertThat(file.feeds()).extracting(Source::adaptive).containsExactly(false);
		assertThat(file.feeds()).extracting(Source::maxInterval).containsExactly(Duration.ofHours(6));
	}

	@Test
	void maxIntervalOutsideItsBoundsIsRefused() throws IOException {
		Path path = write("bad-max-interval.yml", """
				poll:
				  adaptive: yes please
				  max-interval: 2d
				feeds:
				  - id: wire
				    name: Wire
				    url: https://wire.example/rss
				    max-interval: 30s
				""");
		assertThat(problems(path)).containsExactly("poll: adaptive \"yes please\" must be true or false",
				"poll: max-interval \"2d\" is too long (at most 24h)",
				"feeds[0] (id \"wire\"): max-interval \"30s\" is too short (at least 1m)");
	}

	@Test
	void valuesOfTheWrongKindSayWhatWasFound() throws IOException {
		Path path = write("wrong-kinds.yml", """
				poll: 15m
				feeds:
				  - lemonde
				  - id: 2024-01-01
				    name: yes
				    url: http://my_host/feed
				    enabled: 1
				    type: rss
				""");
		assertThat(problems(path)).containsExactly(
				"poll: must be a mapping with the keys interval, timeout, max-size, adaptive, max-interval (found text "
						+ "\"15m\")",
				"feeds[0]: must be a mapping with the keys id, name, url, category, interval, enabled, type, select, "
						+ "enrich, adaptive, max-interval, drop, keep, languages (found text \"lemonde\")",
				"feeds[1]: id must be text (found a date; put it in quotes to use it as text)",
				"feeds[1]: name must be text (found true; put it in quotes to use it as text)",
				"feeds[1]: url \"http://my_host/feed\" has an invalid host \"my_host\"",
				"feeds[1]: enabled must be true or false (found the number 1)",
				"feeds[1]: type \"rss\" is not known (use feed for RSS and Atom, or html for a page read with CSS "
						+ "selectors)");
	}

	@Test
	void messageListsEveryProblemUnderTheAbsolutePath() {
		Path path = fixture("missing-url.yml");
		assertThatExceptionOfType(InvalidFeedsFileException.class).isThrownBy(() -> this.loader.load(path))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo(path.toAbsolutePath().normalize()))
			.withMessage("feeds.yml (" + path.toAbsolutePath().normalize() + ") is invalid:\n"
					+ "  - feeds[1] (id \"le360\"): url is missing");
	}

	@Test
	void missingFileIsReportedPlainly() {
		Path path = this.temp.resolve("nowhere.yml");
		assertThat(problems(path)).containsExactly("the file does not exist");
	}

	@Test
	void directoryIsNotAFile() {
		assertThat(problems(this.temp)).containsExactly("this is a directory, not a file");
	}

	@Test
	void javaTypeTagsAreRefused() throws IOException {
		Path path = write("tag.yml", "feeds: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
		assertThat(problems(path)).singleElement().asString().startsWith("feeds.yml line 1, column 8: ");
	}

	@Test
	void aliasBombIsRefused() throws IOException {
		StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
		for (char level = 'b'; level <= 'j'; level++) {
			char previous = (char) (level - 1);
			yaml.append(level).append(": &").append(level).append(" [");
			yaml.append(String.join(", ", Collections.nCopies(10, "*" + previous))).append("]\n");
		}
		assertThat(problems(write("bomb.yml", yaml.toString())))
			.containsExactly("feeds.yml: more than 20 aliases (*name) of a list or a mapping: write the values out");
	}

	@Test
	void aFileInAnotherEncodingSaysOnWhichLine() throws IOException {
		Path path = this.temp.resolve("latin1.yml");
		Files.write(path, "feeds:\n  - id: liberation\n    name: Libération\n    url: https://www.liberation.fr/rss/\n"
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(problems(path)).containsExactly("the file is not UTF-8 text (line 3 holds a character in another "
				+ "encoding, Latin-1 perhaps): save it as UTF-8");
	}

	@Test
	void shippedFeedsFileIsValid() {
		FeedsFile file = this.loader.load(Path.of("feeds.yml"));
		assertThat(file.timezone()).isEqualTo(ZoneId.of("Africa/Casablanca"));
		assertThat(file.enabledFeeds()).hasSizeBetween(10, 15);
		assertThat(file.feeds()).allSatisfy((source) -> assertThat(source.category()).isNotBlank());
		assertThat(file.feeds()).anySatisfy((source) -> assertThat(source.url().getPath()).endsWith(".atom"));
	}

	private Path fixture(String name) {
		try {
			return new ClassPathResource(name, getClass()).getFile().toPath();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> problems(String fixture) {
		return problems(fixture(fixture));
	}

	private List<String> problems(Path path) {
		return assertThatExceptionOfType(InvalidFeedsFileException.class).isThrownBy(() -> this.loader.load(path))
			.actual()
			.problems();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.temp.resolve(name), content);
	}

}

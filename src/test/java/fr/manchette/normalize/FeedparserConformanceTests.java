package fr.manchette.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.LanguageTag;
import fr.manchette.normalize.FeedparserExpect.Clause;
import fr.manchette.normalize.FeedparserExpect.Field;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.ParsedFeed;
import fr.manchette.parse.RawItem;
import fr.manchette.support.FeedparserCorpus;
import fr.manchette.support.FeedparserCorpus.Case;
import fr.manchette.support.ParseThenNormalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Universal Feed Parser's test documents read through what Manchette republishes: {@link FeedParser} with the
 * document's {@code Content-Type}, then {@link ItemNormalizer} as the service calls it. Each {@code Expect:} that
 * speaks of an item (its title, summary, link, guid, date, language) or of the feed's title and link is checked
 * against Manchette's item: the title and the summary by their text (and the summary's links and images), the link
 * in its canonical form. {@code not bozo} documents must parse. The cases where Manchette deliberately differs are
 * listed, each with its reason, in {@code feedparser/known-differences.txt}; a listed case that passes fails too, so
 * the list stays true. The sanitizing cases ({@code wellformed/sanitize}) are another test's.
 */
class FeedparserConformanceTests {

	/** The folders whose expectations speak of items or of the feed's title and link. */
	private static final List<String> FOLDERS = List.of("encoding", "entities", "illformed", "json", "wellformed/amp",
			"wellformed/atom", "wellformed/atom10", "wellformed/base", "wellformed/cdf", "wellformed/feedburner",
			"wellformed/http", "wellformed/lang", "wellformed/namespace", "wellformed/node_precedence",
			"wellformed/rdf", "wellformed/rss", "wellformed/sgml", "wellformed/xml");

	/** Extensions Manchette does not keep (podcasts, media, places, chapters): counted, never applicable. */
	private static final List<String> NOT_KEPT = List.of("wellformed/itunes", "wellformed/media-rss", "wellformed/geo",
			"wellformed/psc", "illformed/geo");

	/** Where feedparser's suite serves the documents. */
	private static final String SERVED_AT = "http://127.0.0.1:8097/";

	private static final Instant FETCHED_AT = Instant.parse("2030-01-01T00:00:00Z");

	private static final ZoneId ZONE = FeedsFile.DEFAULT_TIMEZONE;

	private static final String STAND_IN_TITLE = "(stand-in title)";

	private static final Pattern SPACES = Pattern.compile("[ \\t\\r\\n]+");

	private static final Pattern ENCODING_DECLARATION = Pattern
		.compile("^(\\s*<\\?xml[^>]*?encoding\\s*=\\s*)([\"'])[^\"']*\\2");

	private final ParseThenNormalize asPolled = new ParseThenNormalize(URI.create(SERVED_AT), FETCHED_AT, ZONE);

	@Test
	void readsTheUniversalFeedParserTestDocumentsAsItSays() throws IOException {
		assumeTrue(FeedparserCorpus.present(), "no feedparser-tests corpus next to the project");
		Map<String, String> listed = knownDifferences();
		Map<String, int[]> counts = new TreeMap<>();
		List<String> unexpected = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (String folder : NOT_KEPT) {
			for (Case kase : FeedparserCorpus.under(folder)) {
				tally(counts, kase, false, false, false);
			}
		}
		for (String folder : FOLDERS) {
			for (Case kase : FeedparserCorpus.under(folder)) {
				if (!seen.add(kase.name()) || NOT_KEPT.stream().anyMatch((n) -> kase.name().startsWith(n + "/"))) {
					continue;
				}
				FeedparserExpect expect = FeedparserExpect.read(kase.expect());
				boolean speaks = applicable(kase, expect);
				// A well-formed document's items must not be lost for a field we do not keep: it must parse.
				boolean applicable = speaks || (expect.says(Field.NOT_BOZO) && notByChardet(kase));
				String failure = speaks ? check(kase, expect) : applicable ? parses(kase) : null;
				boolean isListed = listed.containsKey(kase.name());
				tally(counts, kase, applicable, applicable && failure == null, isListed);
				if (failure != null && !isListed) {
					unexpected.add(kase.name() + "\t" + failure + "\t[" + kase.expect() + "]");
				}
				if (isListed && (failure == null)) {
					unexpected.add(kase.name() + "\tlisted as a known difference, but "
							+ (applicable ? "passes" : "is not applicable") + ": take it off the list");
				}
			}
		}
		List<String> stale = listed.keySet().stream().filter((name) -> !seen.contains(name)).toList();
		stale.forEach((name) -> unexpected.add(name + "\tlisted, but no such case"));
		String table = table(counts);
		System.out.println(table);
		assertThat(unexpected).as("cases that differ from feedparser's Expect and are not listed, or listed and pass\n"
				+ table).isEmpty();
	}

	/**
	 * Whether its Expect speaks of what Manchette keeps, or only says the document is well-formed (it must then
	 * parse). A case only feedparser's optional charset guesser (chardet) can pass does not.
	 */
	private static boolean applicable(Case kase, FeedparserExpect expect) {
		if (!notByChardet(kase)) {
			return false;
		}
		if (expect.speaksOfWhatWeKeep()) {
			return true;
		}
		return expect.alternatives().size() == 1 && expect.alternatives().get(0).stream()
			.allMatch((clause) -> clause.field() == Field.NOT_BOZO);
	}

	private static boolean notByChardet(Case kase) {
		return kase.skipUnless().stream().noneMatch((condition) -> condition.contains("chardet"));
	}

	/** What keeps the document from parsing, or null when it parses. */
	private @Nullable String parses(Case kase) {
		try {
			read(kase.bytes(), kase.header("Content-Type"), URI.create(SERVED_AT + kase.name().replace(' ', '_')));
			return null;
		}
		catch (FeedParseException | RuntimeException ex) {
			return "does not parse: " + ex;
		}
	}

	/** What is wrong with Manchette's reading of the case, or null when it reads it as the case expects. */
	private @Nullable String check(Case kase, FeedparserExpect expect) {
		URI base = URI.create(SERVED_AT + kase.name().replace(' ', '_'));
		Reading reading;
		try {
			reading = read(kase.bytes(), kase.header("Content-Type"), base);
		}
		catch (FeedParseException | RuntimeException ex) {
			return "does not parse: " + ex;
		}
		String firstFailure = null;
		for (List<Clause> alternative : expect.alternatives()) {
			String failure = null;
			for (Clause clause : alternative) {
				failure = check(kase, clause, reading, base);
				if (failure != null) {
					break;
				}
			}
			if (failure == null) {
				return null;
			}
			firstFailure = (firstFailure != null) ? firstFailure : failure;
		}
		return firstFailure;
	}

	private @Nullable String check(Case kase, Clause clause, Reading reading, URI base) {
		return switch (clause.field()) {
			case BOZO, NOT_BOZO, NOT_KEPT -> null;
			case ENCODING -> sameTextAs(kase, clause.string(), reading, base);
			case FEED_TITLE -> sameText(clause.string(), reading.feed().title(), true) ? null
					: "feed title " + quoted(reading.feed().title());
			case FEED_LINK -> {
				Optional<URI> expected = LinkCanonicalizer.address(clause.string(), base);
				Optional<URI> actual = LinkCanonicalizer.address(reading.feed().link(), base);
				yield expected.equals(actual) ? null : "feed link " + quoted(reading.feed().link());
			}
			case COUNT -> (reading.items().size() == (Integer) clause.expected()) ? null
					: reading.items().size() + " items";
			default -> checkItem(clause, reading, base);
		};
	}

	private static @Nullable String checkItem(Clause clause, Reading reading, URI base) {
		if (clause.entry() >= reading.items().size()) {
			return "no entry " + clause.entry() + " (" + reading.items().size() + " read)";
		}
		Item item = reading.items().get(clause.entry());
		if (item == null) {
			return "entry " + clause.entry() + " dropped by the normalizer";
		}
		return switch (clause.field()) {
			case TITLE -> sameText(clause.string(), item.title(), false) ? null : "title " + quoted(item.title());
			case SUMMARY -> sameSummary(clause.string(), item, base);
			case LINK -> {
				URI expected = LinkCanonicalizer.canonical(clause.string(), base).orElse(null);
				yield java.util.Objects.equals(expected, item.link()) ? null : "link " + item.link();
			}
			case GUID -> clause.string().strip().equals(item.guid()) ? null : "guid " + quoted(item.guid());
			case DATE -> {
				int[] t = (int[]) clause.expected();
				Instant expected = LocalDateTime.of(t[0], t[1], t[2], t[3], t[4], t[5]).toInstant(ZoneOffset.UTC);
				yield (item.publishedKnown() && item.published().equals(expected)) ? null
						: "published " + (item.publishedKnown() ? item.published() : "unknown") + ", not " + expected;
			}
			case LANGUAGE -> {
				String expected = LanguageTag.primary(clause.string());
				yield java.util.Objects.equals(expected, item.language()) ? null : "language " + item.language();
			}
			default -> throw new IllegalStateException(clause.toString());
		};
	}

	/**
	 * The title as feedparser keeps it may be HTML (an html title keeps its markup): the same as ours when it is
	 * the same text either as written or as HTML's text, spaces folded.
	 */
	private static boolean sameText(String expected, @Nullable String actual, boolean raw) {
		if (actual == null) {
			return expected.isBlank();
		}
		Set<String> forms = new java.util.HashSet<>(List.of(fold(actual), fold(raw ? TitleText.plain(actual) : actual)));
		return forms.contains(fold(expected)) || forms.contains(fold(Jsoup.parseBodyFragment(expected).text()));
	}

	/** The summary by its text, and each link and image of feedparser's among ours. */
	private static @Nullable String sameSummary(String expected, Item item, URI base) {
		Element wanted = Jsoup.parseBodyFragment(expected, base.toString()).body();
		String text = fold(wanted.text());
		String actual = fold(item.summaryText());
		boolean sameText = text.equals(actual) || fold(expected).equals(actual)
				|| (actual.endsWith("…") && text.startsWith(actual.substring(0, actual.length() - 1).strip()));
		if (!sameText) {
			return "summary text " + quoted(item.summaryText());
		}
		Element ours = Jsoup.parseBodyFragment(item.summaryHtml(), base.toString()).body();
		Set<String> references = new LinkedHashSet<>();
		ours.select("a[href]").forEach((a) -> references.add(a.absUrl("href")));
		ours.select("img[src]").forEach((img) -> references.add(img.absUrl("src")));
		for (Element a : wanted.select("a[href], img[src]")) {
			String reference = a.absUrl(a.hasAttr("href") ? "href" : "src");
			if (reference.startsWith("http") && !references.contains(reference)) {
				return "summary without " + reference + ": " + quoted(item.summaryHtml());
			}
		}
		return null;
	}

	/**
	 * The text came out right: the same reading as that of the document decoded with the charset feedparser names,
	 * written again in UTF-8.
	 */
	private @Nullable String sameTextAs(Case kase, String charsetName, Reading reading, URI base) {
		Charset charset;
		try {
			charset = Charset.forName(charsetName);
		}
		catch (RuntimeException ex) {
			return "no charset " + charsetName + " in Java";
		}
		String text = new String(kase.bytes(), charset);
		text = text.startsWith("\uFEFF") ? text.substring(1) : text;
		text = ENCODING_DECLARATION.matcher(text).replaceFirst("$1$2utf-8$2");
		Reading utf8;
		try {
			utf8 = read(text.getBytes(StandardCharsets.UTF_8), "application/xml; charset=utf-8", base);
		}
		catch (FeedParseException ex) {
			return null; // the document read as that charset is no feed: nothing to compare
		}
		if (!java.util.Objects.equals(utf8.feed().title(), reading.feed().title())) {
			return "feed title " + quoted(reading.feed().title()) + ", read as " + charsetName + " "
					+ quoted(utf8.feed().title());
		}
		return utf8.items().equals(reading.items()) ? null : "items " + reading.items() + ", read as " + charsetName
				+ " " + utf8.items();
	}

	private Reading read(byte[] body, @Nullable String contentType, URI base) throws FeedParseException {
		ParseThenNormalize fromBase = this.asPolled.at(base);
		ParsedFeed feed = fromBase.feed(body, contentType);
		List<@Nullable Item> items = new ArrayList<>();
		for (RawItem raw : feed.items()) {
			items.add(fromBase.item(headlined(raw)).orElse(null));
		}
		return new Reading(feed, items);
	}

	/**
	 * The item, with a stand-in title when it has neither title nor summary: the corpus's documents are as small as
	 * they can be (an entry with only an id), and Manchette drops an item with no headline to show; the stand-in lets
	 * what the case speaks of (the id, the link, the date) be checked as it comes out of a real item.
	 */
	private static RawItem headlined(RawItem raw) {
		if (!blank(raw.title()) || !blank(raw.summaryHtml())) {
			return raw;
		}
		return new RawItem(raw.guid(), STAND_IN_TITLE, raw.link(), raw.summaryHtml(), raw.published(),
				raw.publishedText(), raw.categories(), raw.linkBase(), raw.summaryBase(), raw.author(), raw.language());
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static String fold(String text) {
		return SPACES.matcher(text).replaceAll(" ").strip();
	}

	private static String quoted(@Nullable String text) {
		return (text == null) ? "null" : "«" + text + "»";
	}

	private static void tally(Map<String, int[]> counts, Case kase, boolean applicable, boolean passing,
			boolean listed) {
		String name = kase.name();
		int slash = name.indexOf('/');
		String folder = name.startsWith("wellformed/") ? name.substring(0, name.indexOf('/', slash + 1))
				: name.substring(0, slash);
		int[] count = counts.computeIfAbsent(folder, (f) -> new int[4]);
		count[0]++;
		count[1] += applicable ? 1 : 0;
		count[2] += passing ? 1 : 0;
		count[3] += listed ? 1 : 0;
	}

	private static String table(Map<String, int[]> counts) {
		StringBuilder table = new StringBuilder(String.format("%-28s %6s %10s %8s %7s%n", "folder", "cases",
				"applicable", "passing", "listed"));
		int[] total = new int[4];
		counts.forEach((folder, count) -> {
			table.append(String.format("%-28s %6d %10d %8d %7d%n", folder, count[0], count[1], count[2], count[3]));
			Arrays.setAll(total, (i) -> total[i] + count[i]);
		});
		table.append(String.format("%-28s %6d %10d %8d %7d%n", "total", total[0], total[1], total[2], total[3]));
		return table.toString();
	}

	/** The listed cases, each with the reason Manchette reads it otherwise: {@code name<TAB>reason}. */
	private static Map<String, String> knownDifferences() throws IOException {
		Map<String, String> listed = new LinkedHashMap<>();
		try (InputStream in = FeedparserConformanceTests.class
			.getResourceAsStream("/feedparser/known-differences.txt")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t+", 2);
				assertThat(parts).as("a listed case names its reason: " + line).hasSize(2);
				listed.put(parts[0].strip(), parts[1].strip());
			}
		}
		return listed;
	}

	/** A document as Manchette reads it: the feed, and each of its items normalized (null when dropped). */
	private record Reading(ParsedFeed feed, List<@Nullable Item> items) {
	}

}

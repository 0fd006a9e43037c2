package fr.manchette.preview;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import fr.manchette.config.PollDefaults;
import fr.manchette.config.TickerSelectors;
import fr.manchette.fetch.FeedFetcher;
import fr.manchette.fetch.FetchOutcome;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchRequest;
import fr.manchette.normalize.Item;
import fr.manchette.normalize.ItemNormalizer;
import fr.manchette.parse.ArticlePageReader;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.TickerEntry;
import fr.manchette.parse.TickerPage;
import fr.manchette.parse.TickerPageParser;

/**
 * Fetches a ticker page once and prints what its selectors yield, through the same fetcher, page parser and
 * normalizer as a poll: what is printed is what would be stored.
 */
final class TickerPreview {

	/** Article pages read with {@code --enrich}: enough to see whether the site's meta tags say anything. */
	static final int MAX_ARTICLES = 5;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final int SUMMARY_WIDTH = 200;

	private final FeedFetcher fetcher;

	private final Clock clock;

	private final PrintStream out;

	TickerPreview(FeedFetcher fetcher, Clock clock, PrintStream out) {
		this.fetcher = fetcher;
		this.clock = clock;
		this.out = out;
	}

	/**
	 * @return why nothing could be shown, or {@code null} when the items were printed
	 */
	String show(URI url, TickerSelectors select, PollDefaults poll, boolean enrich) {
		Instant now = this.clock.instant();
		FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(url, null, null, poll.timeout(),
				poll.maxSize().toBytes(), FetchRequest.PAGE));
		if (outcome instanceof Failed failed) {
			return failed.kind() + ": " + failed.detail();
		}
		if (!(outcome instanceof Fetched fetched)) {
			return "the server answered 304 Not Modified to a request without validators";
		}
		TickerPage page;
		try {
			page = new TickerPageParser().parse(fetched.body(), fetched.contentType(), fetched.finalUrl(), select, now);
		}
		catch (FeedParseException ex) {
			return "PARSE_ERROR: " + ex.getMessage();
		}
		ZoneId zone = select.timezone();
		List<TickerEntry> entries = page.entries();
		this.out.println((page.title() != null) ? page.title() : fetched.finalUrl());
		this.out.println(fetched.finalUrl() + ": " + entries.size() + " item" + ((entries.size() == 1) ? "" : "s")
				+ " (item `" + select.item() + "`), times read in " + zone);
		if (fetched.movedTo() != null) {
			this.out.println("moved permanently to " + fetched.movedTo() + ": update its url in feeds.yml");
		}
		ItemNormalizer normalizer = new ItemNormalizer();
		ArticlePageReader articles = new ArticlePageReader();
		for (int i = 0; i < entries.size(); i++) {
			TickerEntry entry = entries.get(i);
			String from = "";
			if (enrich && i < MAX_ARTICLES && entry.link() != null) {
				FetchOutcome article = this.fetcher.fetchLinkedFrom(fetched.finalUrl(), new FetchRequest(
						URI.create(entry.link()), null, null, poll.timeout(),
						ArticlePageReader.largestPage(poll.maxSize().toBytes()), FetchRequest.PAGE));
				if (article instanceof Fetched read) {
					entry = entry.withArticle(articles.read(read.body(), read.contentType(), read.finalUrl()));
					from = "   (with its article's meta tags)";
				}
				else {
					from = "   (article not read: " + ((article instanceof Failed failed) ? failed.detail() : "304") + ")";
				}
			}
			Optional<Item> item = normalizer.normalize(entry.toRawItem(), fetched.finalUrl(), now, zone);
			this.out.println();
			this.out.println("[" + (i + 1) + "] " + shown(entry) + " → " + when(item, zone) + from);
			item.ifPresentOrElse((clean) -> print(clean), () -> this.out.println("    (no title: not stored)"));
		}
		return null;
	}

	private void print(Item item) {
		this.out.println("    title:   " + item.title());
		this.out.println("    link:    " + ((item.link() != null) ? item.link() : "(none)"));
		if (!item.summaryText().isEmpty()) {
			String summary = item.summaryText();
			this.out.println("    summary: " + ((summary.length() > SUMMARY_WIDTH)
					? summary.substring(0, SUMMARY_WIDTH - 1) + "…" : summary));
		}
		int image = item.summaryHtml().indexOf("<img src=\"");
		if (image >= 0) {
			int start = image + "<img src=\"".length();
			this.out.println("    image:   " + item.summaryHtml().substring(start, item.summaryHtml().indexOf('"', start)));
		}
	}

	private static String shown(TickerEntry entry) {
		if (entry.timeText() == null && entry.dateText() == null) {
			return "no time shown";
		}
		StringBuilder shown = new StringBuilder();
		if (entry.timeText() != null) {
			shown.append("time \"").append(entry.timeText()).append('"');
		}
		if (entry.dateText() != null) {
			shown.append((shown.length() > 0) ? ", " : "").append("date \"").append(entry.dateText()).append('"');
		}
		return shown.toString();
	}

	private static String when(Optional<Item> item, ZoneId zone) {
		if (item.isEmpty()) {
			return "-";
		}
		if (!item.get().publishedKnown()) {
			return "the time it is first seen";
		}
		return WHEN.format(item.get().published().atZone(zone));
	}

}

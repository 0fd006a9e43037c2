package fr.manchette.pipeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.manchette.config.PollDefaults;
import fr.manchette.config.Source;
import fr.manchette.dedup.Fingerprint;
import fr.manchette.fetch.FeedFetcher;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome;
import fr.manchette.fetch.FetchRequest;
import fr.manchette.normalize.Item;
import fr.manchette.normalize.ItemNormalizer;
import fr.manchette.parse.ArticleMeta;
import fr.manchette.parse.ArticlePageReader;
import fr.manchette.parse.TickerEntry;
import fr.manchette.parse.TickerPage;
import fr.manchette.store.KnownItems.KnownItem;
import fr.manchette.store.KnownItems;
import fr.manchette.store.PollOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The normalize step of a {@code type: html} source, for {@link IngestRun}: a ticker says less about an item each
 * time it shows it again than a feed does, so what was first read is kept.
 * <ul>
 * <li>An item without a link is known by its title alone: its time, read against the fetch, may read otherwise at
 * the next poll.</li>
 * <li>An item already stored keeps its publication time: "19:35" read tomorrow evening would be tomorrow's, and an
 * item with no time keeps the time it was first seen. It keeps its summary too, unless the ticker now shows one.</li>
 * <li>With {@code enrich: true}, each new item that lacks a summary, a picture or a time has its article page
 * fetched once, within this poll (so within the source's per-host slot), one page after another, with the same
 * fetcher and its rules, and at most {@link #MAX_ARTICLES} pages in {@code poll.timeout} altogether: the rest are
 * stored as the ticker shows them.</li>
 * </ul>
 */
@Component
class TickerItems {

	private static final Logger log = LoggerFactory.getLogger(TickerItems.class);

	/** Article pages fetched per poll at most: a first poll of a long ticker must not hammer the site. */
	static final int MAX_ARTICLES = 20;

	private final ItemNormalizer normalizer;

	private final KnownItems known;

	private final FeedFetcher fetcher;

	private final ArticlePageReader articles;

	TickerItems(ItemNormalizer normalizer, KnownItems known, FeedFetcher fetcher, ArticlePageReader articles) {
		this.normalizer = normalizer;
		this.known = known;
		this.fetcher = fetcher;
		this.articles = articles;
	}

	/** One headline as read, cleaned, and its key in the source. */
	private record Read(TickerEntry entry, Item item, String key) {
	}

	/**
	 * @param page the page as read
	 * @param base the page's address after redirects
	 * @param fetchedAt when the page was fetched
	 * @param poll the deadline and size cap of article pages
	 * @return the items to store, in page order
	 */
	List<Item> items(Source source, TickerPage page, URI base, Instant fetchedAt, PollDefaults poll) {
		ZoneId zone = source.select().timezone();
		// An item without a time is published when first seen, and keeps that instant as the store gives it back:
		// to the millisecond, so that reading it again changes nothing (the store keeps micro-, not nanoseconds).
		Instant firstSeen = fetchedAt.truncatedTo(ChronoUnit.MILLIS);
		List<Read> reads = new ArrayList<>();
		for (TickerEntry entry : page.entries()) {
			normalize(source, entry, base, firstSeen, zone)
				.ifPresent((item) -> reads.add(new Read(entry, item, Fingerprint.of(item).itemKey())));
		}
		Map<String, KnownItem> stored = this.known.find(source.id(), reads.stream().map(Read::key).toList());
		ArticleBudget budget = new ArticleBudget(poll.timeout(), source.enrich() ? MAX_ARTICLES : 0);
		Set<String> enriched = new HashSet<>();
		List<Item> items = new ArrayList<>(reads.size());
		int skipped = 0;
		for (Read read : reads) {
			KnownItem before = stored.get(read.key());
			if (before != null) {
				items.add(keepFirstReading(read.item(), before));
			}
			else if (source.enrich() && read.item().link() != null && lacksSomething(read.entry())
					&& !enriched.contains(read.key())) {
				if (budget.allowsOneMore()) {
					enriched.add(read.key());
					items.add(enrich(source, read, base, firstSeen, zone, poll, budget));
				}
				else {
					skipped++;
					items.add(read.item());
				}
			}
			else {
				items.add(read.item());
			}
		}
		if (skipped > 0) {
			log.info("Articles left for lack of time source={} items={} (at most {} pages in {}s per poll)",
					source.id(), skipped, MAX_ARTICLES, poll.timeout().toSeconds());
		}
		return items;
	}

	private Optional<Item> normalize(Source source, TickerEntry entry, URI base, Instant fetchedAt, ZoneId zone) {
		try {
			return this.normalizer.normalize(entry.toRawItem(), base, fetchedAt, zone).map(TickerItems::identified);
		}
		catch (RuntimeException ex) {
			// One item we cannot read must not cost the others.
			log.warn("Item skipped source={} kind={} detail={}", source.id(), PollOutcome.UNEXPECTED, ex.toString(), ex);
			return Optional.empty();
		}
	}

	/**
	 * An item without a link is known by its title, as its guid: a feed's item without guid or link is known by its
	 * title and date, but a ticker's date is read against the fetch ("il y a 5 min", or "19:35", tomorrow's when read
	 * tomorrow), so it would be a new item at every poll.
	 */
	private static Item identified(Item item) {
		return (item.link() == null && item.guid() == null) ? item.withGuid(item.title()) : item;
	}

	/** The time first read, and the summary first read unless the ticker now shows one with text. */
	private static Item keepFirstReading(Item item, KnownItem before) {
		boolean timeAtLast = item.publishedKnown() && !before.publishedKnown();
		boolean newSummary = !item.summaryText().isEmpty() || before.summaryHtml().isEmpty();
		return new Item(item.guid(), item.title(), item.link(), newSummary ? item.summaryHtml() : before.summaryHtml(),
				newSummary ? item.summaryText() : before.summaryText(),
				timeAtLast ? item.published() : before.published(), timeAtLast || before.publishedKnown(),
				item.categories(), item.author(), item.language());
	}

	private static boolean lacksSomething(TickerEntry entry) {
		return entry.summaryHtml() == null || entry.image() == null || !entry.hasTime();
	}

	private Item enrich(Source source, Read read, URI page, Instant fetchedAt, ZoneId zone, PollDefaults poll,
			ArticleBudget budget) {
		URI link = read.item().link();
		long largest = ArticlePageReader.largestPage(poll.maxSize().toBytes());
		FetchOutcome outcome = this.fetcher.fetchLinkedFrom(page,
				new FetchRequest(link, null, null, budget.timeout(), largest, FetchRequest.PAGE));
		if (!(outcome instanceof Fetched fetched)) {
			String why = (outcome instanceof Failed failed) ? failed.kind() + " " + failed.detail() : "no body";
			log.info("Article not read source={} url={} detail={}", source.id(), link, why);
			return read.item();
		}
		ArticleMeta meta = this.articles.read(fetched.body(), fetched.contentType(), fetched.finalUrl());
		return normalize(source, read.entry().withArticle(meta), page, fetchedAt, zone).orElse(read.item());
	}

	/** How many article pages this poll may still fetch, and by when. */
	private static final class ArticleBudget {

		private final long deadline;

		private final Duration total;

		private int left;

		ArticleBudget(Duration total, int pages) {
			this.total = total;
			this.deadline = System.nanoTime() + total.toNanos();
			this.left = pages;
		}

		boolean allowsOneMore() {
			if (this.left == 0 || System.nanoTime() >= this.deadline) {
				return false;
			}
			this.left--;
			return true;
		}

		/** What is left of the poll's deadline for the next page, at least a second. */
		Duration timeout() {
			Duration remaining = Duration.ofNanos(this.deadline - System.nanoTime());
			Duration floor = Duration.ofSeconds(1);
			return (remaining.compareTo(floor) < 0) ? floor : (remaining.compareTo(this.total) > 0) ? this.total : remaining;
		}

	}

}

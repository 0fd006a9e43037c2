package fr.manchette.pipeline;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
import fr.manchette.dedup.Fingerprint;
import fr.manchette.normalize.Item;
import fr.manchette.normalize.ItemNormalizer;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.ParsedFeed;
import fr.manchette.parse.RawItem;
import fr.manchette.parse.TickerPage;
import fr.manchette.parse.TickerPageParser;
import fr.manchette.store.PollOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads what a source sent into normalized items: parse, then normalize. A feed goes through the feed parser; the
 * page of a {@code type: html} source through {@link TickerPageParser}, and its items through {@link TickerItems},
 * which keeps what was first read of them and fetches new items' article pages when the source asks for it.
 */
@Component
class SourceReader {

	// The poll's log lines keep the logger an operator knows them by.
	private static final Logger log = LoggerFactory.getLogger(IngestRun.class);

	private final FeedParser parser;

	private final TickerPageParser tickerParser;

	private final TickerItems tickerItems;

	private final ItemNormalizer normalizer;

	SourceReader(FeedParser parser, TickerPageParser tickerParser, TickerItems tickerItems,
			ItemNormalizer normalizer) {
		this.parser = parser;
		this.tickerParser = tickerParser;
		this.tickerItems = tickerItems;
		this.normalizer = normalizer;
	}

	/**
	 * The items of a body fetched from the source, whose relative links are relative to {@code base}: parsed now,
	 * normalized a slice at a time as they are asked for ({@link Items}).
	 * @param cut true when the connection ended before the body did: only the items read whole are read
	 * @throws FeedParseException when the body cannot be read, or a page's selectors match nothing
	 */
	Read read(Source source, byte[] body, @Nullable String contentType, URI base, Instant fetchedAt,
			FeedsFile config, boolean cut) throws FeedParseException {
		if (source.type() == SourceType.HTML) {
			TickerPage page = this.tickerParser.parse(body, contentType, base, source.select(), fetchedAt, cut);
			List<Item> items = this.tickerItems.items(source, page, base, fetchedAt, config.poll());
			return new Read(page.asFeed(), new Items(items), true);
		}
		ParsedFeed feed = this.parser.parse(body, contentType);
		return new Read(feed.withoutItems(), new Items(source, feed.items(), base, fetchedAt, config.timezone()),
				false);
	}

	/** The items of a feed a hub pushed: a feed whatever the source's type, its links relative to {@code base}. */
	Items readFeed(Source source, byte[] body, @Nullable String contentType, URI base, Instant fetchedAt,
			ZoneId zone) throws FeedParseException {
		return new Items(source, this.parser.parse(body, contentType).items(), base, fetchedAt, zone);
	}

	/**
	 * What was read of a body.
	 *
	 * @param feed the feed without its items (those are in {@code items}), or what stands for it of a page
	 * @param page true when it was a ticker page read with selectors
	 */
	record Read(ParsedFeed feed, Items items, boolean page) {
	}

	/**
	 * A body's items, normalized a slice at a time: a feed of thousands of items never has all of them normalized at
	 * once, and each raw item is let go once normalized. A page's items come normalized, in one slice.
	 */
	final class Items {

		private final @Nullable Source source;

		private final @Nullable RawItem[] raw;

		private final @Nullable URI base;

		private final @Nullable Instant fetchedAt;

		private final @Nullable ZoneId zone;

		private @Nullable List<Item> page;

		/** The keys of all the items, when there are more than a slice's worth; empty otherwise. */
		private final Set<String> keys;

		private int next;

		private int normalized;

		Items(Source source, List<RawItem> raw, URI base, Instant fetchedAt, ZoneId zone) {
			this.source = source;
			this.raw = raw.toArray(RawItem[]::new);
			this.base = base;
			this.fetchedAt = fetchedAt;
			this.zone = zone;
			this.keys = (this.raw.length > StoreStep.SLICE) ? keys(this.raw, base) : Set.of();
		}

		Items(List<Item> page) {
			this.source = null;
			this.raw = new RawItem[0];
			this.base = null;
			this.fetchedAt = null;
			this.zone = null;
			this.page = page;
			this.normalized = page.size();
			this.keys = Set.of();
		}

		/** The next {@code size} items at most, normalized, in the document's order; null after the last. */
		@Nullable List<Item> next(int size) {
			if (this.page != null) {
				List<Item> items = this.page;
				this.page = null;
				return items;
			}
			if (this.next >= this.raw.length) {
				return null;
			}
			int end = Math.min(this.raw.length, this.next + size);
			List<Item> items = new ArrayList<>(end - this.next);
			for (; this.next < end; this.next++) {
				normalize(this.raw[this.next]).ifPresent(items::add);
				this.raw[this.next] = null;
			}
			this.normalized += items.size();
			return items;
		}

		/**
		 * The item keys of every item, known before the first slice is normalized, when there is more than one slice:
		 * a poll's items are told from the stored items they could be under a new guid by the keys it lists, in any
		 * slice (see {@link fr.manchette.dedup.RelabelledItems}). Empty for items of one slice, which lists them all.
		 * Those without guid or link are left out: their headline and date make their key, and no such item is ever
		 * taken for another.
		 */
		Set<String> keys() {
			return this.keys;
		}

		private Set<String> keys(RawItem[] raw, URI base) {
			Set<String> keys = new HashSet<>(raw.length * 2);
			for (RawItem item : raw) {
				try {
					ItemNormalizer.Identity identity = SourceReader.this.normalizer.identity(item, base);
					String key = Fingerprint.itemKeyOf(identity.guid(), identity.link());
					if (key != null) {
						keys.add(key);
					}
				}
				catch (RuntimeException ex) {
					// Not one of the items: its normalization says why.
				}
			}
			return keys;
		}

		/** How many items were normalized so far (once all are, the items read whole). */
		int normalized() {
			return this.normalized;
		}

		private Optional<Item> normalize(RawItem item) {
			try {
				return SourceReader.this.normalizer.normalize(item, this.base, this.fetchedAt, this.zone);
			}
			catch (RuntimeException ex) {
				// One item we cannot read must not cost the others.
				log.warn("Item skipped source={} kind={} detail={}", this.source.id(), PollOutcome.UNEXPECTED,
						IngestRun.describe(ex), ex);
				return Optional.empty();
			}
		}

	}

}

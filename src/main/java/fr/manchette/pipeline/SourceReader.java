package fr.manchette.pipeline;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.manchette.config.FeedsFile;
import fr.manchette.config.Source;
import fr.manchette.config.SourceType;
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
	 * The items of a body fetched from the source, whose relative links are relative to {@code base}.
	 * @param cut true when the connection ended before the body did: only the items read whole are read
	 * @throws FeedParseException when the body cannot be read, or a page's selectors match nothing
	 */
	Read read(Source source, byte[] body, @Nullable String contentType, URI base, Instant fetchedAt,
			FeedsFile config, boolean cut) throws FeedParseException {
		if (source.type() == SourceType.HTML) {
			TickerPage page = this.tickerParser.parse(body, contentType, base, source.select(), fetchedAt, cut);
			return new Read(page.asFeed(), this.tickerItems.items(source, page, base, fetchedAt, config.poll()), true);
		}
		ParsedFeed feed = this.parser.parse(body, contentType);
		List<Item> items = normalize(source, feed.items(), base, fetchedAt, config.timezone());
		return new Read(feed.withoutItems(), items, false);
	}

	/** The items of a feed a hub pushed: a feed whatever the source's type, its links relative to {@code base}. */
	List<Item> readFeed(Source source, byte[] body, @Nullable String contentType, URI base, Instant fetchedAt,
			ZoneId zone) throws FeedParseException {
		return normalize(source, this.parser.parse(body, contentType).items(), base, fetchedAt, zone);
	}

	private List<Item> normalize(Source source, List<RawItem> raw, URI base, Instant fetchedAt, ZoneId zone) {
		List<Item> normalized = new ArrayList<>(raw.size());
		for (RawItem item : raw) {
			try {
				Optional<Item> clean = this.normalizer.normalize(item, base, fetchedAt, zone);
				clean.ifPresent(normalized::add);
			}
			catch (RuntimeException ex) {
				// One item we cannot read must not cost the others.
				log.warn("Item skipped source={} kind={} detail={}", source.id(), PollOutcome.UNEXPECTED,
						IngestRun.describe(ex), ex);
			}
		}
		return normalized;
	}

	/**
	 * What was read of a body.
	 *
	 * @param feed the feed without its items (normalized in {@code items}), or what stands for it of a page
	 * @param page true when it was a ticker page read with selectors
	 */
	record Read(ParsedFeed feed, List<Item> items, boolean page) {
	}

}

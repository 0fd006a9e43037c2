package fr.manchette.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.manchette.normalize.Item;
import fr.manchette.normalize.ItemNormalizer;
import fr.manchette.parse.FeedParseException;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.ParsedFeed;
import fr.manchette.parse.RawItem;
import org.jspecify.annotations.Nullable;

/**
 * A document read as a poll reads a feed, without the service: {@link FeedParser}, then {@link ItemNormalizer} on each
 * item, for a document fetched from one address at one time, its dates without a zone read in one zone.
 */
public final class ParseThenNormalize {

	// Both are the service's singletons, shared by its poll workers: one of each serves every reading.
	private static final FeedParser PARSER = new FeedParser();

	private static final ItemNormalizer NORMALIZER = new ItemNormalizer();

	private final URI address;

	private final Instant fetchedAt;

	private final ZoneId zone;

	/**
	 * @param address where the document was fetched from: the outermost base of its relative links
	 * @param fetchedAt when: stands in for a missing date and caps dates in the future
	 * @param zone the zone of dates that name none
	 */
	public ParseThenNormalize(URI address, Instant fetchedAt, ZoneId zone) {
		this.address = address;
		this.fetchedAt = fetchedAt;
		this.zone = zone;
	}

	/** The same reading of a document fetched from another address. */
	public ParseThenNormalize at(URI address) {
		return new ParseThenNormalize(address, this.fetchedAt, this.zone);
	}

	/** Every item of the document, normalized; an item the normalizer leaves out is an error. */
	public List<Item> items(byte[] body, @Nullable String contentType) throws FeedParseException {
		List<Item> items = new ArrayList<>();
		for (RawItem raw : feed(body, contentType).items()) {
			items.add(item(raw).orElseThrow(() -> new AssertionError("item left out by the normalizer: " + raw)));
		}
		return items;
	}

	/** {@link #items(byte[], String)} of a document given as text, sent as UTF-8. */
	public List<Item> items(String document, @Nullable String contentType) throws FeedParseException {
		return items(document.getBytes(StandardCharsets.UTF_8), contentType);
	}

	/** The document's one item, normalized; none, more than one, or one left out by the normalizer is an error. */
	public Item onlyItem(String document, @Nullable String contentType) throws FeedParseException {
		List<Item> items = items(document, contentType);
		if (items.size() != 1) {
			throw new AssertionError("expected one item, read " + items.size() + ": " + items);
		}
		return items.get(0);
	}

	/** The items a poll keeps of the document: those the normalizer leaves out are left out. */
	public List<Item> keptItems(byte[] body, @Nullable String contentType) throws FeedParseException {
		List<Item> items = new ArrayList<>();
		for (RawItem raw : feed(body, contentType).items()) {
			item(raw).ifPresent(items::add);
		}
		return items;
	}

	/** The parse alone, for a test that looks at the feed or changes its items before {@link #item}. */
	public ParsedFeed feed(byte[] body, @Nullable String contentType) throws FeedParseException {
		return PARSER.parse(body, contentType);
	}

	/** One parsed item, normalized; empty when the normalizer leaves it out (neither a title nor a summary). */
	public Optional<Item> item(RawItem raw) {
		return NORMALIZER.normalize(raw, this.address, this.fetchedAt, this.zone);
	}

}

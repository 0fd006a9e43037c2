package fr.manchette.normalize;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

import fr.manchette.config.LanguageTag;
import fr.manchette.parse.RawItem;

/**
 * Turns a {@link RawItem} into an {@link Item}: plain-text title, sanitized summary, canonical link, a date as an
 * instant. Stateless and thread-safe.
 */
@Component
public final class ItemNormalizer {

	static final int MAX_TITLE = 1000;

	static final int MAX_AUTHOR = 200;

	static final int TITLE_FROM_SUMMARY = 120;

	static final int MAX_SUMMARY_TEXT = 500;

	static final int MAX_SUMMARY_HTML = 100_000;

	/** Bounds of what a feed may send us; the store's columns are sized to them. */
	static final int MAX_GUID = 2000;

	static final int MAX_LINK = 4000;

	static final int MAX_CATEGORIES = 10;

	static final int MAX_CATEGORY = 100;

	/** No news feed carries stories older than the web. */
	private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1991-01-01T00:00:00Z");

	/** Clocks drift and newsrooms schedule posts; beyond this an item cannot claim to be newer than its fetch. */
	private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

	/** An RSS guid with isPermaLink left to its default is the article's URL. */
	private static final Pattern PERMALINK = Pattern.compile("(?i)https?://\\S+");

	private final HtmlCleaner cleaner = new HtmlCleaner();

	/**
	 * Cleans one item.
	 * @param raw the item as parsed
	 * @param base the feed's URL (after redirects), the outermost base of relative links: the feed's own bases
	 * ({@link RawItem#linkBase()}, {@link RawItem#summaryBase()}) resolve against it
	 * @param fetchedAt when the feed was fetched; stands in for a missing date and caps dates in the future
	 * @param assumedZone the zone of dates that name none
	 * @return the item, or empty when it has neither a title nor a summary to make one from
	 */
	public Optional<Item> normalize(RawItem raw, URI base, Instant fetchedAt, ZoneId assumedZone) {
		Assert.notNull(raw, "raw must not be null");
		Assert.notNull(base, "base must not be null");
		Assert.notNull(fetchedAt, "fetchedAt must not be null");
		Assert.notNull(assumedZone, "assumedZone must not be null");
		HtmlCleaner.CleanSummary summary = summary(raw.summaryHtml(), BaseResolver.resolve(base, raw.summaryBase()));
		String summaryHtml = TitleText.composed(summary.html());
		String summaryText = TitleText.composed(summary.text());
		String title = TitleText.title(raw.title(), raw.titleType());
		if (isBlank(title)) {
			title = Excerpt.of(summaryText, TITLE_FROM_SUMMARY);
		}
		if (isBlank(title)) {
			return Optional.empty();
		}
		String guid = guid(raw.guid());
		Instant published = notAfterFetch(published(raw, assumedZone), fetchedAt);
		Instant when = (published != null) ? published : fetchedAt;
		return Optional.of(new Item(guid, Excerpt.of(title, MAX_TITLE), link(raw, guid, base), summaryHtml,
				Excerpt.of(summaryText, MAX_SUMMARY_TEXT), when, published != null, categories(raw.categories()),
				author(raw.author()), LanguageTag.primary(raw.language())));
	}

	/**
	 * What identifies an item, as {@link #normalize} would clean it: its guid and canonical link, without the rest of
	 * the work. A large feed's items are identified all at once (see the pipeline's slices), cleaned a slice at a time.
	 */
	public Identity identity(RawItem raw, URI base) {
		String guid = guid(raw.guid());
		return new Identity(guid, link(raw, guid, base));
	}

	/** An item's guid and canonical link, as the cleaned item has them. */
	public record Identity(@Nullable String guid, @Nullable URI link) {
	}

	/** Cuts an oversized summary before a tag or at a space, then cleans again so that every tag is closed. */
	private HtmlCleaner.CleanSummary summary(@Nullable String html, URI base) {
		HtmlCleaner.CleanSummary cleaned = this.cleaner.summary(html, base);
		int budget = MAX_SUMMARY_HTML;
		while (cleaned.html().length() > MAX_SUMMARY_HTML) {
			// Room for the end tags the second cleaning adds; doubled each time it was not enough.
			budget -= Math.max(1_000, MAX_SUMMARY_HTML - budget);
			cleaned = this.cleaner.summary(cleaned.html().substring(0, cutPoint(cleaned.html(), budget)), base);
		}
		return cleaned;
	}

	private static int cutPoint(String html, int limit) {
		int tag = html.lastIndexOf('<', limit);
		if (tag > limit - 2_000) {
			return Math.max(tag, 0);
		}
		int space = html.lastIndexOf(' ', limit);
		return Math.max(space, 0);
	}

	private static @Nullable String guid(@Nullable String guid) {
		if (guid == null || guid.isBlank()) {
			return null;
		}
		String stripped = guid.strip();
		return (stripped.length() > MAX_GUID) ? stripped.substring(0, MAX_GUID) : stripped;
	}

	/**
	 * The feed's link, else a guid that is a URL (RSS isPermaLink), when the link is missing or unusable. A link that
	 * is only a fragment names its base (RFC 3986 section 5.2.2): kept when that base is the feed's own xml:base, not
	 * when it is the feed's address, which every such item would then share as its link and its story.
	 */
	private static @Nullable URI link(RawItem raw, @Nullable String guid, URI document) {
		URI base = BaseResolver.resolve(document, raw.linkBase());
		Optional<URI> canonical = LinkCanonicalizer.canonical(raw.link(), base);
		if (canonical.isEmpty() && raw.link() != null && raw.link().strip().startsWith("#")
				&& !base.equals(document)) {
			canonical = Optional.of(base);
		}
		if (canonical.isEmpty() && guid != null && PERMALINK.matcher(guid).matches()) {
			canonical = LinkCanonicalizer.canonical(guid, base);
		}
		// A link longer than any browser keeps is no link at all.
		return canonical.filter((uri) -> uri.toString().length() <= MAX_LINK).orElse(null);
	}

	/**
	 * The text as the feed wrote it, read here or not at all: Rome reads zone-less or French dates wrongly, and rolls
	 * impossible ones over (30 February as 2 March). Rome's instant only where there is no text (JSON Feed's).
	 */
	private static @Nullable Instant published(RawItem raw, ZoneId assumedZone) {
		Instant published = (raw.publishedText() != null)
				? PublishedDateParser.parse(raw.publishedText(), assumedZone).orElse(null) : raw.published();
		// 1970 and its like are a CMS's zero, not a date: kept, the item would be pruned and fetched again forever.
		return (published != null && published.isBefore(EARLIEST_PLAUSIBLE)) ? null : published;
	}

	/**
	 * A date in the future would pin the item on top of the ticker until that date comes. It counts as no date, so that
	 * the item is dated when first seen: the fetch time standing in for it moves with every poll, which would make each
	 * poll an edit of the item, and a new item of one known by its title and date alone.
	 */
	private static @Nullable Instant notAfterFetch(@Nullable Instant published, Instant fetchedAt) {
		return (published != null && published.isAfter(fetchedAt.plus(FUTURE_TOLERANCE))) ? null : published;
	}

	/** The author as plain text, short enough to be a name: RSS's {@code author} is often "mail (Name)". */
	private static @Nullable String author(@Nullable String author) {
		String text = TitleText.plain(author);
		return isBlank(text) ? null : Excerpt.of(text, MAX_AUTHOR);
	}

	private static List<String> categories(List<String> categories) {
		Set<String> kept = new LinkedHashSet<>();
		for (String category : categories) {
			String text = TitleText.plain(category);
			if (!isBlank(text) && text.length() <= MAX_CATEGORY) {
				kept.add(text);
			}
			if (kept.size() == MAX_CATEGORIES) {
				break;
			}
		}
		return List.copyOf(kept);
	}

	/** Blank also when only no-break spaces are left, which String.isBlank() does not count as space. */
	private static boolean isBlank(String text) {
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}

}

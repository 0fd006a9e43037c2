package fr.manchette.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import fr.manchette.parse.EntryValues.TypedText;

/**
 * Reads RSS 2.0 and Atom 1.0 from the tree as Rome would ({@link CommonFormatReader}), RSS 0.9x/1.0, Atom 0.3 and
 * whatever that reader leaves with Rome, and JSON Feed 1.0/1.1 with Jackson ({@link JsonFeedReader}). The
 * text is decoded by {@link FeedText} (charset declared, then checked against the bytes); the XML is parsed by
 * {@link SafeXml}, never by Rome's own reader, so no DTD or entity is ever honoured; a document that is not
 * well-formed gets one chance at recovery ({@link LenientXml}) after the refusals, never before.
 */
@Component
public class FeedParser {

	/** The root elements of the formats we read: RSS 0.9x/2.0, RSS 1.0 (rdf:RDF), Atom, and RSS 0.9x without rss. */
	static final Set<String> ROOTS = Set.of("rss", "RDF", "feed", "channel");

	/**
	 * Items kept per document, the first in document order. No newsroom publishes this many at once; a feed that does
	 * is hostile or broken, and Rome builds a dozen objects per item on top of the document (100 000 small items took
	 * twice the heap uncapped).
	 */
	static final int MAX_ITEMS = 10_000;

	/** The start tag of a feed's root, as {@link #looksLikeHtml} sees it (lower-cased). */
	private static final Pattern FEED_ROOT_TAG = Pattern.compile("<(rss|feed|rdf:rdf|channel)[\\s>/]");

	/** The start of a body that is decoded for the checks before parsing: the prolog of nearly every feed. */
	private static final int HEAD_BYTES = 2048;

	public ParsedFeed parse(byte[] body, @Nullable String contentType) throws FeedParseException {
		return parse(body, contentType, true);
	}

	/**
	 * @param withoutTree whether the plainest RSS 2.0 and Atom 1.0 are read without a tree ({@link StreamedRss},
	 * {@link StreamedAtom}): always, but for the tests that compare that reading with the tree's
	 */
	ParsedFeed parse(byte[] body, @Nullable String contentType, boolean withoutTree) throws FeedParseException {
		FeedText.Utf8Start start = streamable(body, contentType);
		if (start != null && withoutTree) {
			StreamedFeed read = streamedFeed(start);
			if (read != null) {
				return feed(read);
			}
		}
		Document whole = (start != null) ? SafeXml.parseUnprepared(start) : null;
		if (whole != null) {
			return read(whole);
		}
		String text = FeedText.decode(body, contentType);
		if (text.isBlank()) {
			throw FeedParseException.notAFeed(ParseDetail.EMPTY_BODY.with());
		}
		if (JsonFeedReader.isJson(text, contentType)) {
			return JsonFeedReader.read(text);
		}
		if (looksLikeHtml(text)) {
			throw FeedParseException.notAFeed(ParseDetail.HTML_PAGE.with());
		}
		XmlDocument document = document(text);
		ParsedFeed feed = read(document.tree());
		return document.endedEarly() ? feed.asEndedEarly() : feed;
	}

	/** The feed of an XML document, whatever its format. */
	private static ParsedFeed read(Document document) throws FeedParseException {
		String root = document.getRootElement().getName();
		if (!ROOTS.contains(root)) {
			throw FeedParseException.notAFeed(ParseDetail.OTHER_XML.with(root));
		}
		prepare(document);
		CommonFormatReader.Feed common = CommonFormatReader.read(document);
		if (common != null) {
			List<ItemElements> raw = ItemElements.of(document);
			if (raw.size() == common.entries().size()) {
				List<RawItem> items = new ArrayList<>(raw.size());
				for (int i = 0; i < raw.size(); i++) {
					items.add(rawItem(common.entries().get(i), raw.get(i), common.format(), common.language()));
				}
				return feed(document, common.format(), common.title(), common.link(), items);
			}
		}
		return readWithRome(document);
	}

	/** The document in the shape both its readers read: a dialect Rome refuses as RSS 2.0, base64 decoded, items capped. */
	static void prepare(Document document) {
		RssDialects.asRome(document);
		Base64Text.decode(document);
		ItemElements.keepFirst(document, MAX_ITEMS);
	}

	/**
	 * Every other format and dialect: Rome's reading, with the dates it would have read the same prepared for it. Also
	 * what the tests compare {@link CommonFormatReader} with. When Rome refuses the document, what it refuses is taken
	 * out ({@link RomeRefusals}) and the rest read; the document is refused only when there is no such part of it.
	 */
	static ParsedFeed readWithRome(Document document) throws FeedParseException {
		try {
			return readAsRome(document);
		}
		catch (FeedParseException refused) {
			if (!RomeRefusals.takeOut(document)) {
				throw refused;
			}
			return readAsRome(document);
		}
	}

	private static ParsedFeed readAsRome(Document document) throws FeedParseException {
		List<Element> itemElements = ItemElements.items(document);
		RomeDates dates = RomeDates.prepare(itemElements, true).withoutFeedDates(document);
		SyndFeed feed = build(document, dates);
		List<ItemElements> raw = ItemElements.of(document);
		List<SyndEntry> entries = feed.getEntries();
		// Rome keeps document order, which lets us pair each entry with its element for what Rome does not keep.
		boolean paired = raw.size() == entries.size();
		if (dates.tookOut() && (!paired || !dates.readAsExpected(feed.getFeedType()))) {
			// Dates read here cannot stand for Rome's: read again, every date element in place.
			dates = RomeDates.prepare(itemElements, false).withoutFeedDates(document);
			feed = build(document, dates);
			entries = feed.getEntries();
			paired = raw.size() == entries.size();
		}
		List<RawItem> items = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Instant published = paired ? dates.published(i) : null;
			items.add(rawItem(values(entries.get(i), published), paired ? raw.get(i) : ItemElements.NONE,
					feed.getFeedType(), feed.getLanguage()));
		}
		return feed(document, feed.getFeedType(), feed.getTitle(), feed.getLink(), items);
	}

	private static ParsedFeed feed(Document document, String format, @Nullable String title, @Nullable String link,
			List<RawItem> items) {
		FeedHubs hubs = FeedHubs.of(document);
		return new ParsedFeed(format, Mojibake.repair(DublinCore.channelTitle(title, document)), link, items,
				UpdatePeriod.of(document), hubs.hubs(), hubs.self());
	}

	/** Rome's reading of the document, the dates prepared for it; the document is as it was afterwards. */
	private static SyndFeed build(Document document, RomeDates dates) throws FeedParseException {
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setPreserveWireFeed(true);
			return input.build(document);
		}
		catch (FeedException | IllegalArgumentException ex) {
			throw FeedParseException.malformed(ParseDetail.NOT_FOR_ROME.with(ex.getMessage()), ex);
		}
		catch (RuntimeException ex) {
			// Rome trusts the structure: an <rss> without <channel> is a NullPointerException inside it.
			throw FeedParseException.malformed(ParseDetail.NOT_FOR_ROME.with(ex), ex);
		}
		finally {
			dates.restore();
		}
	}

	/**
	 * The document read without a tree when its root says it may be: each attempt that fails costs a parser's setup
	 * and its buffers (some 20 KB), which a small document of another format must not pay for nothing.
	 */
	static @Nullable StreamedFeed streamedFeed(FeedText.Utf8Start start) {
		String root = SafeXml.rootName(start);
		if ("rss".equals(root)) {
			return new StreamedRss().read(start);
		}
		if ("feed".equals(root) && start.head().contains(CommonFormatReader.ATOM_URI)) {
			return new StreamedAtom().read(start);
		}
		return null;
	}

	/** The plainest RSS 2.0 and Atom 1.0, read without a tree: what the tree's way gives for them. */
	private static ParsedFeed feed(StreamedFeed read) {
		CommonFormatReader.Feed common = read.feed();
		List<RawItem> items = new ArrayList<>(read.items().size());
		for (int i = 0; i < read.items().size(); i++) {
			items.add(rawItem(common.entries().get(i), read.items().get(i), common.format(), common.language()));
		}
		return new ParsedFeed(common.format(), Mojibake.repair(common.title()), common.link(), items, read.period(),
				read.hubs().hubs(), read.hubs().self());
	}

	/**
	 * A UTF-8 body that the XML parser may read as the bytes are decoded, when its start shows what the checks on the
	 * whole text would have found: an XML document that needs no preparation. Null otherwise: the text is then decoded
	 * whole and goes the way it always went, which gives what it always gave; and that way too when reading it as it
	 * is decoded fails.
	 */
	private static FeedText.@Nullable Utf8Start streamable(byte[] body, @Nullable String contentType) {
		FeedText.Utf8Start start = FeedText.utf8Start(body, contentType, HEAD_BYTES);
		if (start == null) {
			return null;
		}
		String head = start.head();
		// looksLikeHtml reads the first 512 characters after the blanks; JSON and blank bodies go the text way.
		if ((!start.whole() && head.stripLeading().length() < 512) || head.isBlank()
				|| JsonFeedReader.isJson(head, contentType) || looksLikeHtml(head)) {
			return null;
		}
		return start;
	}

	/**
	 * Strict first, then recovery, whose failure reports the strict parser's reason: it describes the document as
	 * served. A DOCTYPE with declarations has been refused by {@link SafeXml#prepare(String)} by then; one that hides
	 * elsewhere, or a bare one whose DTD was meant to define the entities, leaves HTML's named entities as the only
	 * repair (the Netscape RSS 0.91 DTD defines those), never jsoup.
	 */
	private static XmlDocument document(String text) throws FeedParseException {
		Document unprepared = SafeXml.parseUnprepared(text);
		if (unprepared != null) {
			return XmlDocument.whole(unprepared);
		}
		String prepared = SafeXml.prepare(text);
		try {
			return XmlDocument.whole(SafeXml.build(prepared));
		}
		catch (FeedParseException ex) {
			XmlDocument recovered = LenientXml.recover(prepared, !SafeXml.mentionsDtd(text));
			if (recovered == null) {
				throw ex;
			}
			return recovered;
		}
	}

	private static boolean looksLikeHtml(String text) {
		String start = text.stripLeading();
		start = start.substring(0, Math.min(start.length(), 512)).toLowerCase(Locale.ROOT);
		if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
			return true;
		}
		int html = start.startsWith("<?xml") ? -1 : start.indexOf("<html");
		// An <html> after a feed's root is an item's content (a whole page in a CDATA section), not the document.
		return html >= 0 && !FEED_ROOT_TAG.matcher(start).region(0, html).find();
	}

	/**
	 * Links stay as written, with the {@code xml:base} in scope of each ({@link ItemElements}): Rome's own resolution
	 * stays off (its default), and normalize resolves them against the document's address. A picture given apart
	 * leads the summary ({@link LeadPicture}), and resolves against its base.
	 */
	private static RawItem rawItem(EntryValues entry, ItemElements elements, String format,
			@Nullable String feedLanguage) {
		boolean atom10 = format.equals("atom_1.0");
		Summary summary = summary(entry, elements, atom10);
		String author = entry.author();
		String summaryHtml = LeadPicture.unlessShown(elements.picture(),
				(summary != null) ? Mojibake.repair(summary.html()) : null);
		return new RawItem(elements.guid(), Mojibake.repair(elements.title(entry.title())), entry.link(),
				summaryHtml, entry.published(), elements.dateText(),
				categories(entry), elements.linkBase(entry.link()),
				(summary != null) ? summary.base() : elements.base(),
				(author != null && !author.isBlank()) ? Mojibake.repair(author.strip()) : null,
				(elements.language() != null) ? elements.language() : feedLanguage,
				elements.titleType(entry.titleType(), atom10, format.startsWith("atom")));
	}

	/** What Rome's entry says; the date read here, when there is one, stands for Rome's. */
	private static EntryValues values(SyndEntry entry, @Nullable Instant readHere) {
		Date published = (readHere != null) ? null : published(entry);
		SyndContent description = entry.getDescription();
		List<TypedText> contents = new ArrayList<>(entry.getContents().size());
		for (SyndContent content : entry.getContents()) {
			contents.add(new TypedText(content.getValue(), content.getType()));
		}
		List<String> categories = new ArrayList<>(entry.getCategories().size());
		for (SyndCategory category : entry.getCategories()) {
			categories.add(category.getName());
		}
		return new EntryValues(entry.getTitle(), titleType(entry), link(entry),
				(description != null) ? new TypedText(description.getValue(), description.getType()) : null,
				contents, (readHere != null) ? readHere : (published != null) ? published.toInstant() : null,
				categories, author(entry));
	}

	/** The type an Atom entry's title declares, which its converter to Rome's entry does not keep for Atom 0.3. */
	private static @Nullable String titleType(SyndEntry entry) {
		return (entry.getWireEntry() instanceof Entry atom && atom.getTitleEx() != null) ? atom.getTitleEx().getType()
				: null;
	}

	/** RSS's author or dc:creator, else Atom's first author: Rome gives either as the entry's author. */
	private static @Nullable String author(SyndEntry entry) {
		String author = entry.getAuthor();
		if ((author == null || author.isBlank()) && !entry.getAuthors().isEmpty()) {
			author = entry.getAuthors().get(0).getName();
		}
		return author;
	}

	private record Summary(String html, BaseChain base) {
	}

	/** For Atom 0.3 Rome gives modified before issued; the wire entry keeps issued (Atom 1.0's published). */
	private static @Nullable Date published(SyndEntry entry) {
		if (entry.getWireEntry() instanceof Entry atom && atom.getPublished() != null) {
			return atom.getPublished();
		}
		return (entry.getPublishedDate() != null) ? entry.getPublishedDate() : entry.getUpdatedDate();
	}

	private static @Nullable String link(SyndEntry entry) {
		if (entry.getLink() != null && !entry.getLink().isBlank()) {
			return entry.getLink();
		}
		for (SyndLink link : entry.getLinks()) {
			if (link.getRel() == null || "alternate".equals(link.getRel())) {
				return link.getHref();
			}
		}
		return null;
	}

	/**
	 * The short text first (description, Atom summary, else RSS's dc:description), else the full content (content,
	 * content:encoded, else an RSS item's body).
	 */
	private static @Nullable Summary summary(EntryValues entry, ItemElements elements, boolean atom10) {
		TypedText description = elements.summary(entry.description());
		if (description != null && description.value() != null && !description.value().isBlank()) {
			return new Summary(asHtml(description, atom10), elements.summaryBase());
		}
		ItemElements.StandIns standIns = elements.standIns();
		if (standIns.description() != null) {
			return new Summary(standIns.description(), elements.base());
		}
		for (TypedText content : elements.contents(entry.contents())) {
			if (content.value() != null && !content.value().isBlank()) {
				return new Summary(asHtml(content, atom10), elements.contentBase());
			}
		}
		if (standIns.body() != null) {
			return new Summary(standIns.body(), standIns.bodyBase());
		}
		return null;
	}

	/**
	 * Atom 1.0 text is plain unless typed html or xhtml, and no type means text (RFC 4287 section 3.1.1): written as the
	 * HTML that shows it ({@link PlainTextHtml}). Nothing else is: RSS descriptions are HTML in practice although Rome
	 * types RSS 0.91 and 1.0 ones text/plain, and Rome already returns Atom 0.3's xml-mode text escaped.
	 */
	private static String asHtml(TypedText content, boolean atom10) {
		String type = content.type();
		String value = Objects.requireNonNull(content.value());
		if (atom10 && TitleType.isText(type)) {
			return PlainTextHtml.of(value);
		}
		return value;
	}

	private static List<String> categories(EntryValues entry) {
		List<String> names = new ArrayList<>(entry.categories().size());
		for (String name : entry.categories()) {
			if (name != null && !name.isBlank()) {
				names.add(Mojibake.repair(name));
			}
		}
		return names;
	}

}

package fr.manchette.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.Atom10Parser;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.FileCopyUtils;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome. The charset comes from the BOM, the Content-Type and the XML
 * prolog (Rome's {@link XmlReader}); the XML is parsed by {@link SafeXml}, never by Rome's own reader, so no DTD
 * or entity is ever honoured.
 */
@Component
public class FeedParser {

	static {
		// Atom links are relative to xml:base (RFC 4287 §2, XML Base); Rome applies it only when asked.
		Atom10Parser.setResolveURIs(true);
	}


	public ParsedFeed parse(byte[] body, @Nullable String contentType) throws FeedParseException {
		String text = decode(body, contentType);
		if (text.isBlank()) {
			throw FeedParseException.notAFeed("empty body");
		}
		if (looksLikeHtml(text)) {
			throw FeedParseException.notAFeed("an HTML page, not a feed");
		}
		Document document = SafeXml.parse(text);
		String root = document.getRootElement().getName();
		if (!List.of("rss", "RDF", "feed", "channel").contains(root)) {
			throw FeedParseException.notAFeed("XML whose root is <" + root + ">, not RSS or Atom");
		}
		SyndFeed feed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setPreserveWireFeed(true);
			feed = input.build(document);
		}
		catch (FeedException | IllegalArgumentException ex) {
			throw FeedParseException.malformed("not a feed Rome can read: " + ex.getMessage(), ex);
		}
		List<ItemElements> raw = ItemElements.of(document);
		List<SyndEntry> entries = feed.getEntries();
		// Rome keeps document order, which lets us pair each entry with its element for what Rome does not keep.
		boolean paired = raw.size() == entries.size();
		boolean atom10 = "atom_1.0".equals(feed.getFeedType());
		List<RawItem> items = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			items.add(rawItem(entries.get(i), paired ? raw.get(i) : ItemElements.NONE, atom10));
		}
		return new ParsedFeed(feed.getFeedType(), feed.getTitle(), feed.getLink(), items, null);
	}

	private static String decode(byte[] body, @Nullable String contentType) throws FeedParseException {
		try (Reader reader = reader(body, contentType)) {
			return FileCopyUtils.copyToString(reader);
		}
		catch (IOException ex) {
			throw FeedParseException.malformed("unreadable text: " + ex.getMessage(), ex);
		}
	}

	private static Reader reader(byte[] body, @Nullable String contentType) throws IOException {
		InputStream in = new ByteArrayInputStream(body);
		try {
			// A Content-Type without a charset says nothing about the bytes: given one, XmlReader applies RFC 3023's
			// US-ASCII default for text/xml and garbles every UTF-8 feed (even one with a BOM). RFC 7303 section 3.2
			// dropped that default: the BOM, then the XML declaration, then UTF-8.
			return (contentType != null && hasCharset(contentType)) ? new XmlReader(in, contentType, true)
					: new XmlReader(in, true);
		}
		catch (IOException ex) {
			// A charset Java does not know: UTF-8 is what a French feed most likely is.
			return new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8);
		}
	}

	private static boolean hasCharset(String contentType) {
		return contentType.toLowerCase(Locale.ROOT).contains("charset=");
	}

	private static boolean looksLikeHtml(String text) {
		String start = text.stripLeading();
		start = start.substring(0, Math.min(start.length(), 512)).toLowerCase(Locale.ROOT);
		return start.startsWith("<!doctype html") || start.startsWith("<html")
				|| (!start.startsWith("<?xml") && start.contains("<html"));
	}

	private static RawItem rawItem(SyndEntry entry, ItemElements elements, boolean atom10) {
		Date published = published(entry);
		return new RawItem(elements.guid(), entry.getTitle(), link(entry), summary(entry, atom10),
				(published != null) ? published.toInstant() : null, elements.dateText(), categories(entry));
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

	/** The short text first (description, Atom summary), else the full content. */
	private static @Nullable String summary(SyndEntry entry, boolean atom10) {
		SyndContent description = entry.getDescription();
		if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
			return asHtml(description, atom10);
		}
		for (SyndContent content : entry.getContents()) {
			if (content.getValue() != null && !content.getValue().isBlank()) {
				return asHtml(content, atom10);
			}
		}
		return null;
	}

	/**
	 * Atom 1.0 text is plain unless typed html or xhtml, and no type means text (RFC 4287 section 3.1.1): escape it so
	 * that "a < b" is not read as a tag later. Nothing else is: RSS descriptions are HTML in practice although Rome
	 * types RSS 0.91 and 1.0 ones text/plain, and Rome already returns Atom 0.3's xml-mode text escaped.
	 */
	private static String asHtml(SyndContent content, boolean atom10) {
		String type = content.getType();
		if (atom10 && (type == null || type.equals("text") || type.equals("text/plain"))) {
			return org.jsoup.nodes.Entities.escape(content.getValue());
		}
		return content.getValue();
	}

	private static List<String> categories(SyndEntry entry) {
		List<String> names = new ArrayList<>();
		for (SyndCategory category : entry.getCategories()) {
			if (category.getName() != null && !category.getName().isBlank()) {
				names.add(category.getName());
			}
		}
		return names;
	}

	/** What Rome does not keep of an item element: the true guid (not Rome's fallback to the link) and the date text. */
	private record ItemElements(@Nullable String guid, @Nullable String dateText) {

		static final ItemElements NONE = new ItemElements(null, null);

		private static final Namespace RDF = Namespace.getNamespace("rdf",
				"http://www.w3.org/1999/02/22-rdf-syntax-ns#");

		private static final List<String> DATE_ELEMENTS = List.of("pubDate", "published", "issued", "date",
				"updated", "modified", "created");

		static List<ItemElements> of(Document document) {
			Element root = document.getRootElement();
			List<Element> elements = new ArrayList<>();
			switch (root.getName()) {
				case "rss" -> {
					for (Element channel : children(root, "channel")) {
						elements.addAll(children(channel, "item"));
					}
				}
				case "RDF" -> elements.addAll(children(root, "item"));
				case "feed" -> elements.addAll(children(root, "entry"));
				case "channel" -> elements.addAll(children(root, "item"));
				default -> {
				}
			}
			return elements.stream().map(ItemElements::of).toList();
		}

		private static ItemElements of(Element item) {
			String guid = switch (item.getName()) {
				case "entry" -> text(first(item, "id"));
				default -> {
					String value = text(first(item, "guid"));
					yield (value != null) ? value : item.getAttributeValue("about", RDF);
				}
			};
			String date = null;
			for (String name : DATE_ELEMENTS) {
				date = text(first(item, name));
				if (date != null) {
					break;
				}
			}
			return new ItemElements(guid, date);
		}

		private static List<Element> children(Element parent, String name) {
			return parent.getChildren().stream().filter((child) -> child.getName().equals(name)).toList();
		}

		private static @Nullable Element first(Element parent, String name) {
			for (Element child : parent.getChildren()) {
				if (child.getName().equals(name)) {
					return child;
				}
			}
			return null;
		}

		private static @Nullable String text(@Nullable Element element) {
			if (element == null) {
				return null;
			}
			String text = element.getTextTrim();
			return text.isEmpty() ? null : text;
		}

	}

}

package fr.manchette.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rometools.rome.io.impl.DateParser;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.XMLOutputter;
import org.jspecify.annotations.Nullable;

import fr.manchette.parse.EntryValues.TypedText;

/**
 * Reads RSS 2.0 and Atom 1.0, the formats of nearly every feed, straight from the tree into what Rome would have
 * given: Rome copies each item into its wire model, then into its syndication model through cloned modules, and that
 * was half of the CPU and the garbage of reading a feed. Each value is taken from the element Rome takes it from, as
 * Rome takes it (untrimmed text, its defaults, its order); dates go through {@link RomeDates#instant(String)}, else
 * Rome's own {@code DateParser}.
 * <p>
 * A document with anything whose reading here could differ from Rome's is not read ({@code null}), and Rome reads it
 * as it always did: another RSS version or dialect, a second channel, items in a namespace, a channel element Rome
 * reads with {@code Integer.parseInt} and fails on (cloud, skipHours, the syndication module on Atom), an Atom self
 * link without an address (which Rome fails on too).
 */
final class CommonFormatReader {

	static final String ATOM_URI = "http://www.w3.org/2005/Atom";

	private static final Namespace ATOM = Namespace.getNamespace(ATOM_URI);

	private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

	private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	private static final String SYNDICATION = "http://purl.org/rss/1.0/modules/syndication/";

	/** Rome's locale for dates (that of {@code SyndFeedInput}'s default constructor). */
	private static final Locale DATES = Locale.US;

	private CommonFormatReader() {
	}

	/** What Rome's reading of a feed gives that the parser uses. */
	record Feed(String format, @Nullable String title, @Nullable String link, @Nullable String language,
			List<EntryValues> entries) {
	}

	/**
	 * The feed as Rome would read it, or null when the document is left to Rome.
	 * @param document a document whose items past the parser's cap are gone already
	 */
	static @Nullable Feed read(Document document) {
		Element root = document.getRootElement();
		try {
			if (root.getName().equals("rss") && root.getNamespaceURI().isEmpty()) {
				return rss(root);
			}
			if (root.getName().equals("feed") && root.getNamespaceURI().equals(ATOM_URI)) {
				return atom(root);
			}
			return null;
		}
		catch (RuntimeException ex) {
			// Whatever failed here may fail or not in Rome: its reading, and its report, are the ones that count.
			return null;
		}
	}

	// RSS 2.0: RSS20Parser and its parents, ConverterForRSS20 and its parents.

	/** Rome's RSS 2.0: a version that begins with 2.0 (RSS 0.9x parsers want theirs exactly), or none at all. */
	private static @Nullable Feed rss(Element root) {
		String version = root.getAttributeValue("version");
		if (version != null && !version.trim().startsWith("2.0")) {
			return null;
		}
		Element channel = null;
		for (Element child : root.getChildren()) {
			if (child.getName().equals("channel")) {
				if (channel != null || !child.getNamespaceURI().isEmpty()) {
					return null;
				}
				channel = child;
			}
		}
		if (channel == null) {
			return null;
		}
		List<Element> items = new ArrayList<>();
		for (Element child : channel.getChildren()) {
			String name = child.getName();
			if (!child.getNamespaceURI().isEmpty()) {
				if (name.equals("item")) {
					return null;
				}
			}
			else if (name.equals("item")) {
				items.add(child);
			}
			else if (name.equals("cloud") || name.equals("skipHours")) {
				return null;
			}
		}
		List<EntryValues> entries = new ArrayList<>(items.size());
		for (Element item : items) {
			entries.add(rssItem(item));
		}
		Element title = child(channel, "title", Namespace.NO_NAMESPACE);
		Element link = child(channel, "link", Namespace.NO_NAMESPACE);
		Element language = child(channel, "language", Namespace.NO_NAMESPACE);
		return new Feed("rss_2.0", text(title), text(link), text(language), entries);
	}

	private static EntryValues rssItem(Element item) {
		Element title = null;
		Element link = null;
		Element description = null;
		Element pubDate = null;
		Element author = null;
		Element guid = null;
		Element encoded = null;
		DublinCore dc = new DublinCore();
		List<String> categories = new ArrayList<>(2);
		Set<String> seen = null;
		for (Content content : item.getContent()) {
			if (!(content instanceof Element child)) {
				continue;
			}
			String name = child.getName();
			String uri = child.getNamespaceURI();
			if (uri.isEmpty()) {
				switch (name) {
					case "title" -> title = first(title, child);
					case "link" -> link = first(link, child);
					case "description" -> description = first(description, child);
					case "pubDate" -> pubDate = first(pubDate, child);
					case "author" -> author = first(author, child);
					case "guid" -> guid = first(guid, child);
					case "category" -> {
						// RSS092Parser skips blank ones; the converter's LinkedHashSet drops repeats of name and domain.
						String text = child.getText();
						if (!text.isBlank()) {
							if (seen == null) {
								seen = new HashSet<>();
							}
							if (seen.add(text + '\u0000' + child.getAttributeValue("domain"))) {
								categories.add(text);
							}
						}
					}
					default -> {
					}
				}
			}
			else if (uri.equals(DUBLIN_CORE)) {
				dc.take(name, child);
			}
			else if (uri.equals(CONTENT) && name.equals("encoded")) {
				encoded = first(encoded, child);
			}
		}
		String linkText = text(link);
		if (linkText == null && guid != null && permaLink(guid)) {
			linkText = guid.getText();
		}
		if (linkText != null && linkText.isBlank()) {
			// The parser then looks among the entry's links, of which Rome gives an RSS entry none.
			linkText = null;
		}
		TypedText summary = null;
		if (description != null) {
			String type = description.getAttributeValue("type");
			summary = new TypedText(withMarkup(description), (type != null) ? type : "text/html");
		}
		List<TypedText> contents = (encoded != null) ? List.of(new TypedText(encoded.getText(), "html")) : List.of();
		// The converter sets Dublin Core's date first and the pubDate only where that gave none.
		Instant published = (dc.date != null) ? date(dc.date) : null;
		if (published == null && pubDate != null) {
			published = date(pubDate);
		}
		// Dublin Core's creators come first; the RSS author joins them after.
		String creator = (dc.creator != null) ? dc.creator.getText() : text(author);
		return new EntryValues(text(title), null, linkText, summary, contents, published, categories, creator);
	}

	/** Guid's default, and RSS094Parser's reading of the attribute. */
	private static boolean permaLink(Element guid) {
		String permaLink = guid.getAttributeValue("isPermaLink");
		return permaLink == null || permaLink.equalsIgnoreCase("true");
	}

	/** RSS092Parser's reading of a description: the text as it is, and any markup in it written out as XML. */
	static String withMarkup(Element element) {
		List<Content> contents = element.getContent();
		if (contents.size() == 1 && contents.get(0) instanceof org.jdom2.Text text) {
			// Text or CDATA alone, as nearly every description: its value is the whole.
			return text.getValue();
		}
		StringBuilder value = new StringBuilder();
		for (Content content : contents) {
			switch (content.getCType()) {
				case Text, CDATA, EntityRef -> value.append(content.getValue());
				case Element -> value.append(new XMLOutputter().outputString((Element) content));
				default -> {
				}
			}
		}
		return value.toString();
	}

	// Atom 1.0: Atom10Parser, ConverterForAtom10.

	private static @Nullable Feed atom(Element root) {
		List<Element> entries = new ArrayList<>();
		Element title = null;
		Element language = null;
		String self = null;
		boolean selfSeen = false;
		String alternate = null;
		boolean alternateSeen = false;
		for (Element child : root.getChildren()) {
			String name = child.getName();
			String uri = child.getNamespaceURI();
			if (uri.equals(SYNDICATION)) {
				return null;
			}
			if (name.equals("entry")) {
				if (!uri.equals(ATOM_URI)) {
					return null;
				}
				entries.add(child);
			}
			else if (uri.equals(ATOM_URI) && name.equals("title")) {
				title = first(title, child);
			}
			else if (uri.equals(ATOM_URI) && name.equals("link")) {
				String rel = attribute(child, "rel");
				if (!selfSeen && "self".equals(rel)) {
					selfSeen = true;
					self = attribute(child, "href");
					if (self == null) {
						// Rome's search for the feed's base address fails on it.
						return null;
					}
				}
				if (!alternateSeen && isAlternate(rel)) {
					alternateSeen = true;
					alternate = attribute(child, "href");
				}
			}
			else if (uri.equals(DUBLIN_CORE) && name.equals("language")) {
				language = first(language, child);
			}
		}
		List<EntryValues> values = new ArrayList<>(entries.size());
		for (Element entry : entries) {
			values.add(atomEntry(entry));
		}
		return new Feed("atom_1.0", (title != null) ? textConstruct(title) : null, (self != null) ? self : alternate,
				text(language), values);
	}

	private static EntryValues atomEntry(Element entry) {
		Element title = null;
		Element summary = null;
		Element content = null;
		Element published = null;
		Element updated = null;
		Element author = null;
		DublinCore dc = new DublinCore();
		List<String> categories = new ArrayList<>(2);
		// Rome's alternate links; its others never give the entry's link (their rel is neither absent nor alternate).
		List<Element> alternates = new ArrayList<>(1);
		for (Content node : entry.getContent()) {
			if (!(node instanceof Element child)) {
				continue;
			}
			String name = child.getName();
			String uri = child.getNamespaceURI();
			if (uri.equals(ATOM_URI)) {
				switch (name) {
					case "title" -> title = first(title, child);
					case "summary" -> summary = first(summary, child);
					case "content" -> content = first(content, child);
					case "published" -> published = first(published, child);
					case "updated" -> updated = first(updated, child);
					case "author" -> author = first(author, child);
					case "category" -> categories.add(attribute(child, "term"));
					case "link" -> {
						if (isAlternate(attribute(child, "rel"))) {
							alternates.add(child);
						}
					}
					default -> {
					}
				}
			}
			else if (uri.equals(DUBLIN_CORE)) {
				dc.take(name, child);
			}
		}
		String creator;
		if (author != null) {
			Element name = child(author, "name", ATOM);
			creator = (name != null) ? name.getText() : null;
		}
		else {
			creator = text(dc.creator);
		}
		Instant date = (published != null) ? date(published) : null;
		if (date == null && dc.date != null) {
			date = date(dc.date);
		}
		if (date == null && updated != null) {
			date = date(updated);
		}
		return new EntryValues((title != null) ? textConstruct(title) : null,
				(title != null) ? attribute(title, "type") : null, atomLink(alternates),
				(summary != null) ? atomContent(summary) : null,
				(content != null) ? List.of(atomContent(content)) : List.of(), date, categories, creator);
	}

	/**
	 * The entry's link as the parser takes it from Rome: the first alternate link's address, else (when that is missing
	 * or blank) that of the first link whose rel is absent (Rome's default, "alternate") or "alternate".
	 */
	private static @Nullable String atomLink(List<Element> alternates) {
		String first = alternates.isEmpty() ? null : attribute(alternates.get(0), "href");
		if (first != null && !first.isBlank()) {
			return first;
		}
		for (Element link : alternates) {
			String rel = attribute(link, "rel");
			if (rel == null || rel.equals("alternate")) {
				return attribute(link, "href");
			}
		}
		return null;
	}

	/** Rome's alternate links: no rel, a blank one, or "alternate". */
	private static boolean isAlternate(@Nullable String rel) {
		return rel == null || rel.trim().isEmpty() || rel.equals("alternate");
	}

	private static TypedText atomContent(Element element) {
		return new TypedText(textConstruct(element), attribute(element, "type"));
	}

	/**
	 * Atom10Parser's reading of a text construct: the text, or for XHTML and XML types the markup written out, its
	 * Atom-namespaced children first moved to no namespace, as Rome does to the document.
	 */
	private static String textConstruct(Element element) {
		String type = attribute(element, "type");
		if (isMarkupType(type)) {
			List<Content> contents = element.getContent();
			for (Content content : contents) {
				if (content instanceof Element child && child.getNamespace().equals(ATOM)) {
					child.setNamespace(Namespace.NO_NAMESPACE);
				}
			}
			return new XMLOutputter().outputString(contents);
		}
		return element.getText();
	}

	/** Whether an Atom text of that type is markup, XHTML or XML, that Rome writes out as it is (no type is text). */
	static boolean isMarkupType(@Nullable String type) {
		return type != null && (type.equals("xhtml") || type.contains("/xml") || type.contains("+xml"));
	}

	/** Rome's attribute of an Atom element: without namespace, else in Atom's. */
	private static @Nullable String attribute(Element element, String name) {
		String value = element.getAttributeValue(name);
		return (value != null) ? value : element.getAttributeValue(name, ATOM);
	}

	// Both.

	private static @Nullable Instant date(Element element) {
		return date(element.getText());
	}

	/** A date's text as Rome reads it. */
	static @Nullable Instant date(String text) {
		Instant instant = RomeDates.instant(text);
		if (instant != null) {
			return instant;
		}
		Date date = DateParser.parseDate(text, DATES);
		return (date != null) ? date.toInstant() : null;
	}

	private static @Nullable Element first(@Nullable Element found, Element candidate) {
		return (found != null) ? found : candidate;
	}

	private static @Nullable Element child(Element parent, String name, Namespace namespace) {
		for (Content content : parent.getContent()) {
			if (content instanceof Element child && child.getName().equals(name)
					&& child.getNamespaceURI().equals(namespace.getURI())) {
				return child;
			}
		}
		return null;
	}

	/** The text as Rome's {@code getText()} reads it, untrimmed; null when there is no element. */
	private static @Nullable String text(@Nullable Element element) {
		return (element != null) ? element.getText() : null;
	}

	/** The first Dublin Core date and creator of an RSS item or an Atom entry, as Rome's module reads them. */
	private static final class DublinCore {

		private @Nullable Element date;

		private @Nullable Element creator;

		void take(String name, Element child) {
			if (name.equals("date")) {
				this.date = first(this.date, child);
			}
			else if (name.equals("creator")) {
				this.creator = first(this.creator, child);
			}
		}

	}

}

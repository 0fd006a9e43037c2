package fr.manchette.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import fr.manchette.parse.EntryValues.TypedText;
import fr.manchette.parse.ItemElements.BasedValue;

/**
 * Reads the plainest Atom 1.0 documents straight from the parser's events into what the tree would have given, as
 * {@link StreamedRss} reads RSS 2.0 (see there why). Each value is the one that {@link CommonFormatReader},
 * {@link ItemElements} (and its {@link ItemPicture}), {@link FeedHubs} and {@link UpdatePeriod} take from the tree,
 * read the same way; the bases and languages of XML that they look for up the tree are those of the feed and of the
 * entry, and of the link, summary and content elements, all read here.
 * <p>
 * Anything whose reading here could differ stops the reading ({@code null}), and the document is then read from its
 * tree as before: another root, an entry in another namespace, the syndication module, a self link without address,
 * an XHTML or XML text (written out as XML by the tree's reader), a text of a media type (base64, decoded in the
 * tree), an element inside an element whose text is read (but an author's name), more entries than the parser keeps,
 * anything that fails.
 */
final class StreamedAtom extends StreamedReader {

	private static final String ATOM = CommonFormatReader.ATOM_URI;

	/** The syndication module as CommonFormatReader refuses it on Atom (Rome reads its numbers with parseInt). */
	private static final String SYNDICATION = "http://purl.org/rss/1.0/modules/syndication/";


	// The feed.

	/** The feed's xml:base, chained as ItemElements chains them. */
	private BaseChain base = BaseChain.NONE;

	/** The feed's xml:lang, stripped, null when blank. */
	private @Nullable String lang;

	private @Nullable String title;

	private boolean titleSeen;

	private @Nullable String language;

	private boolean languageSeen;

	private @Nullable String self;

	private boolean selfSeen;

	private @Nullable String alternate;

	private boolean alternateSeen;

	private @Nullable Entry entry;

	/** What an entry's children say in Atom: its text constructs, links, author, categories, id and bases. */
	private static final class Entry extends StreamedItem {

		// Atom's and Dublin Core's: CommonFormatReader's.

		@Nullable String title;

		@Nullable String titleType;

		boolean titleSeen;

		@Nullable TypedText summary;

		@Nullable String summaryBase;

		@Nullable TypedText content;

		@Nullable String contentBase;

		@Nullable String published;

		@Nullable String updated;

		boolean authorSeen;

		/** Depth inside the first author, while it is open; its first Atom name. */
		int authorDepth = -1;

		@Nullable String authorName;

		final List<String> categories = new ArrayList<>(2);

		/** Rome's alternate links, as their rel and href. */
		final List<String[]> alternates = new ArrayList<>(1);

		// Any namespace: ItemElements'.

		@Nullable String id;

		final List<BasedValue> links = new ArrayList<>(1);

	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
		int at = this.text.enter();
		String xmlBase = attributes.getValue(XMLConstants.XML_NS_URI, "base");
		if (at == 0) {
			if (!localName.equals("feed") || !uri.equals(ATOM)) {
				throw new NotRead();
			}
			this.base = this.base.then(xmlBase);
			this.lang = StreamedItem.inScope(null, attributes.getValue(XMLConstants.XML_NS_URI, "lang"));
		}
		else if (at == 1) {
			feedChild(uri, localName, qName, attributes, xmlBase);
		}
		else if (this.entry != null) {
			if (xmlBase != null && at > 3) {
				// A base deeper than the entry's children is in scope of nothing read here, but left to the tree.
				throw new NotRead();
			}
			if (at == 2) {
				entryChild(this.entry, uri, localName, qName, attributes, xmlBase);
			}
			else if (at == 3 && this.entry.inMediaGroup) {
				this.entry.mediaPicture(uri, localName, attributes);
			}
			else if (at == 3 && this.entry.authorDepth == 3 && this.entry.authorName == null && uri.equals(ATOM)
					&& localName.equals("name")) {
				this.text.start(uri, localName, qName, null, null);
			}
		}
		else if (xmlBase != null) {
			throw new NotRead();
		}
	}

	private void feedChild(String uri, String localName, String qName, Attributes attributes,
			@Nullable String xmlBase) throws SAXException {
		if (uri.equals(SYNDICATION)) {
			throw new NotRead();
		}
		if (localName.equals("entry")) {
			if (!uri.equals(ATOM) || this.channel.full()) {
				throw new NotRead();
			}
			Entry opened = new Entry();
			opened.base = this.base.then(xmlBase);
			opened.lang = StreamedItem.inScope(this.lang, attributes.getValue(XMLConstants.XML_NS_URI, "lang"));
			this.entry = opened;
			return;
		}
		if (xmlBase != null) {
			throw new NotRead();
		}
		if (localName.equals("link")) {
			this.channel.link(attributes);
			if (uri.equals(ATOM)) {
				String rel = attribute(attributes, "rel");
				if (!this.selfSeen && "self".equals(rel)) {
					this.selfSeen = true;
					this.self = attribute(attributes, "href");
					if (this.self == null) {
						// Rome's search for the feed's base address fails on it.
						throw new NotRead();
					}
				}
				if (!this.alternateSeen && isAlternate(rel)) {
					this.alternateSeen = true;
					this.alternate = attribute(attributes, "href");
				}
			}
			return;
		}
		switch (localName) {
			case "title" -> {
				if (uri.equals(ATOM)) {
					plainType(attributes);
				}
				this.text.start(uri, localName, qName, null, null);
			}
			case "language", "ttl", "updatePeriod", "updateFrequency" ->
				this.text.start(uri, localName, qName, null, null);
			default -> {
			}
		}
	}

	private void entryChild(Entry it, String uri, String localName, String qName, Attributes attributes,
			@Nullable String xmlBase) throws SAXException {
		boolean atom = uri.equals(ATOM);
		it.child(uri, localName, attributes);
		if (localName.equals("link")) {
			if (atom) {
				String rel = attribute(attributes, "rel");
				if (isAlternate(rel)) {
					it.alternates.add(new String[] { rel, attribute(attributes, "href") });
				}
				// ItemElements' reading: the attributes without namespace only.
				String ownRel = attributes.getValue("", "rel");
				String href = attributes.getValue("", "href");
				if (ItemPicture.isEnclosure(ownRel)) {
					it.take(ItemPicture.enclosure(href, attributes.getValue("", "type")));
				}
				String value = ((ownRel == null || ownRel.isBlank() || ownRel.equals("alternate")) && href != null)
						? href.strip() : null;
				if (value != null && !value.isEmpty()) {
					it.links.add(new BasedValue(value, it.base.then(xmlBase)));
				}
			}
			return;
		}
		if (atom && localName.equals("category")) {
			it.categories.add(attribute(attributes, "term"));
			return;
		}
		if (atom && localName.equals("author")) {
			if (!it.authorSeen) {
				it.authorSeen = true;
				it.authorDepth = 3;
			}
			return;
		}
		String type = null;
		if (atom && (localName.equals("summary") || localName.equals("content") || localName.equals("title"))) {
			type = plainType(attributes);
		}
		else if (xmlBase != null) {
			throw new NotRead();
		}
		switch (localName) {
			case "title", "summary", "content", "id", "language", "creator", "pubDate", "published", "issued", "date",
					"updated", "modified", "created" -> this.text.start(uri, localName, qName, type, xmlBase);
			default -> {
			}
		}
	}

	/**
	 * The type of a text construct that is read as its text, not written out as XML nor decoded from base64
	 * ({@link Base64Text}); for any other, not read.
	 */
	private static @Nullable String plainType(Attributes attributes) throws SAXException {
		String type = attribute(attributes, "type");
		String read = (type != null) ? type : "text";
		if (read.equals("xhtml") || read.contains("/xml") || read.contains("+xml") || Base64Text.isBase64Type(type)) {
			throw new NotRead();
		}
		return type;
	}

	/** Rome's attribute of an Atom element: without namespace, else in Atom's. */
	private static @Nullable String attribute(Attributes attributes, String name) {
		String value = attributes.getValue("", name);
		return (value != null) ? value : attributes.getValue(ATOM, name);
	}

	/** Rome's alternate links: no rel, a blank one, or "alternate". */
	private static boolean isAlternate(@Nullable String rel) {
		return rel == null || rel.trim().isEmpty() || rel.equals("alternate");
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		int at = this.text.leave();
		Entry it = this.entry;
		String value = this.text.end();
		if (value != null) {
			if (at == 1) {
				feedText(value);
			}
			else if (it != null && at == 3) {
				it.authorName = value;
			}
			else if (it != null) {
				entryText(it, value);
			}
		}
		else if (it != null && at == 2 && it.authorDepth == 3 && localName.equals("author")) {
			it.authorDepth = -1;
		}
		else if (it != null && at == 1) {
			endEntry(it);
			this.entry = null;
		}
	}

	private void feedText(String value) {
		boolean atom = this.text.uri().equals(ATOM);
		switch (this.text.name()) {
			case "title" -> {
				if (atom && !this.titleSeen) {
					this.titleSeen = true;
					this.title = value;
				}
			}
			case "language" -> {
				if (this.text.uri().equals(DublinCore.URI) && !this.languageSeen) {
					this.languageSeen = true;
					this.language = value;
				}
			}
			default -> this.channel.periodText(this.text, value);
		}
	}

	private void entryText(Entry it, String value) {
		String name = this.text.name();
		// ItemElements' reading: any namespace.
		switch (name) {
			case "id" -> it.id = (it.id == null) ? value : it.id;
			default -> it.anyNamespace(name, value);
		}
		// CommonFormatReader's: Atom, Dublin Core.
		if (this.text.uri().equals(ATOM)) {
			switch (name) {
				case "title" -> {
					if (!it.titleSeen) {
						it.titleSeen = true;
						it.title = value;
						it.titleType = this.text.attribute();
					}
				}
				case "summary" -> {
					if (it.summary == null) {
						it.summary = new TypedText(value, this.text.attribute());
						it.summaryBase = this.text.base();
					}
				}
				case "content" -> {
					if (it.content == null) {
						it.content = new TypedText(value, this.text.attribute());
						it.contentBase = this.text.base();
					}
				}
				case "published" -> it.published = (it.published == null) ? value : it.published;
				case "updated" -> it.updated = (it.updated == null) ? value : it.updated;
				default -> {
				}
			}
		}
		else if (this.text.uri().equals(DublinCore.URI)) {
			it.dublinCore(name, value);
		}
	}

	/** As CommonFormatReader's atomEntry and ItemElements' of, from what the children said. */
	private void endEntry(Entry it) {
		String creator = it.authorSeen ? it.authorName : it.dcCreator;
		Instant date = (it.published != null) ? CommonFormatReader.date(it.published) : null;
		if (date == null && it.dcDate != null) {
			date = CommonFormatReader.date(it.dcDate);
		}
		if (date == null && it.updated != null) {
			date = CommonFormatReader.date(it.updated);
		}
		EntryValues values = new EntryValues(it.title, it.titleType, link(it.alternates), it.summary,
				(it.content != null) ? List.of(it.content) : List.of(), date, it.categories, creator);
		this.channel.add(values, new ItemElements(GatheredText.trimmed(it.id), it.date(), it.links, it.base,
				(it.summary != null) ? it.base.then(it.summaryBase) : it.base,
				(it.content != null) ? it.base.then(it.contentBase) : it.base, it.language(),
				ItemElements.MarkedUp.NONE, ItemElements.StandIns.NONE, it.picture));
	}

	/** CommonFormatReader's atomLink: the first alternate's address, else the first with no rel or "alternate". */
	private static @Nullable String link(List<String[]> alternates) {
		String first = alternates.isEmpty() ? null : alternates.get(0)[1];
		if (first != null && !first.isBlank()) {
			return first;
		}
		for (String[] link : alternates) {
			if (link[0] == null || link[0].equals("alternate")) {
				return link[1];
			}
		}
		return null;
	}

	@Override
	StreamedFeed feed() {
		return this.channel.feed("atom_1.0", this.title, (this.self != null) ? this.self : this.alternate,
				this.language);
	}

}

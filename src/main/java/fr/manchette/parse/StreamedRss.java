package fr.manchette.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import fr.manchette.parse.EntryValues.TypedText;
import fr.manchette.parse.ItemElements.BasedValue;

/**
 * Reads the plainest RSS 2.0 documents, nearly every RSS feed, straight from the parser's events into what the tree
 * would have given ({@link CommonFormatReader}, {@link ItemElements} and its {@link ItemPicture}, {@link FeedHubs},
 * {@link UpdatePeriod}): the tree (an object per element and per text, and their lists) was a seventh of reading a
 * feed, and all of it was then searched again to be read.
 * <p>
 * Each value is the one those classes take from the tree, read the same way. Anything whose reading here could differ
 * stops the reading ({@code null}), and the document is then read from its tree as before: another root or version,
 * a second or namespaced channel, a namespaced item, cloud or skipHours, an {@code xml:lang} elsewhere than on the
 * root, the channel or an item, an {@code xml:base} elsewhere than on those or an item's child (both read as
 * {@link ItemElements} reads them), an element inside an element whose text is read, more items than the parser
 * keeps, anything that fails. The parser is {@link SafeXml}'s, with the same refusals, and reads only what
 * {@link SafeXml#parseUnprepared(FeedText.Utf8Start)} would have read at once.
 */
final class StreamedRss extends StreamedReader {

	private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

	private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";


	private boolean inChannel;

	private boolean channelSeen;

	/** The xml:base of the root, then of the channel, chained as ItemElements chains them. */
	private BaseChain base = BaseChain.NONE;

	/** The xml:lang in scope of the root, then of the channel, stripped. */
	private @Nullable String lang;

	// The channel.

	private @Nullable String title;

	private @Nullable String dcTitle;

	private @Nullable String link;

	private @Nullable String language;

	private @Nullable Item item;

	/** What an item's children say in RSS and its modules: its texts, guid, categories, links and bases. */
	private static final class Item extends StreamedItem {

		@Nullable String rdfAbout;

		// No namespace: CommonFormatReader's.
		@Nullable String title;

		@Nullable String link;

		@Nullable String description;

		@Nullable String descriptionType;

		@Nullable String pubDate;

		@Nullable String author;

		@Nullable String guid;

		@Nullable String guidPermaLink;

		@Nullable String encoded;

		@Nullable String dcTitle;

		@Nullable String dcDescription;

		final List<String> categories = new ArrayList<>(2);

		@Nullable Set<String> seenCategories;

		// Any namespace: ItemElements'.

		@Nullable String anyGuid;

		final List<BasedValue> links = new ArrayList<>(2);

		/** The xml:base of the first description, the summary's base in ItemElements. */
		@Nullable String descriptionBase;

		/** Whether an element named encoded, of any namespace, has been read: ItemElements takes the first one's base. */
		boolean encodedSeen;

		@Nullable String contentBase;

	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
		String xmlBase = attributes.getValue(XMLConstants.XML_NS_URI, "base");
		String xmlLang = attributes.getValue(XMLConstants.XML_NS_URI, "lang");
		int at = this.text.enter();
		if (at == 0) {
			String version = attributes.getValue("", "version");
			if (!localName.equals("rss") || !uri.isEmpty() || (version != null && !version.trim().startsWith("2.0"))) {
				throw new NotRead();
			}
			this.base = this.base.then(xmlBase);
			this.lang = StreamedItem.inScope(null, xmlLang);
		}
		else if (at == 1) {
			if (localName.equals("channel")) {
				if (this.channelSeen || !uri.isEmpty()) {
					throw new NotRead();
				}
				this.channelSeen = true;
				this.inChannel = true;
				this.base = this.base.then(xmlBase);
				this.lang = StreamedItem.inScope(this.lang, xmlLang);
			}
			else if (xmlBase != null || xmlLang != null) {
				throw new NotRead();
			}
		}
		else if (at == 2 && this.inChannel) {
			channelChild(uri, localName, qName, attributes, xmlBase, xmlLang);
		}
		else if (at == 3 && this.item != null && xmlLang == null) {
			itemChild(this.item, uri, localName, qName, attributes, xmlBase);
		}
		else if (xmlBase != null || xmlLang != null) {
			// A base or a language in scope of nothing read here, but left to the tree.
			throw new NotRead();
		}
		else if (at == 4 && this.item != null && this.item.inMediaGroup) {
			this.item.mediaPicture(uri, localName, attributes);
		}
	}

	private void channelChild(String uri, String localName, String qName, Attributes attributes,
			@Nullable String xmlBase, @Nullable String xmlLang) throws SAXException {
		boolean plain = uri.isEmpty();
		if ((xmlBase != null || xmlLang != null) && !(plain && localName.equals("item"))) {
			throw new NotRead();
		}
		switch (localName) {
			case "item" -> {
				if (!plain || this.channel.full()) {
					throw new NotRead();
				}
				this.item = new Item();
				this.item.rdfAbout = attributes.getValue(RDF, "about");
				this.item.base = this.base.then(xmlBase);
				this.item.lang = StreamedItem.inScope(this.lang, xmlLang);
			}
			case "cloud", "skipHours" -> {
				if (plain) {
					throw new NotRead();
				}
			}
			case "title", "language", "ttl", "updatePeriod", "updateFrequency" ->
				this.text.start(uri, localName, qName, null, null);
			case "link" -> {
				this.channel.link(attributes);
				this.text.start(uri, localName, qName, null, null);
			}
			default -> {
			}
		}
	}

	/**
	 * Only the bases of the children whose text is read count: links, guids, descriptions and contents. A picture's
	 * own base does not: the picture leads the summary, and resolves against its base.
	 */
	private void itemChild(Item it, String uri, String localName, String qName, Attributes attributes,
			@Nullable String xmlBase) throws SAXException {
		it.child(uri, localName, attributes);
		if (localName.equals("enclosure") && uri.isEmpty()) {
			it.take(ItemPicture.enclosure(attributes.getValue("", "url"), attributes.getValue("", "type")));
		}
		switch (localName) {
			// ItemElements.StandIns.BODIES: a body, read as HTML from the tree.
			case "body", "fullitem" -> throw new NotRead();
			case "category" -> this.text.start(uri, localName, qName, attributes.getValue("", "domain"), xmlBase);
			case "guid" -> this.text.start(uri, localName, qName, attributes.getValue("", "isPermaLink"), xmlBase);
			case "description" -> this.text.start(uri, localName, qName, attributes.getValue("", "type"), xmlBase);
			case "title", "link", "pubDate", "author", "date", "creator", "encoded", "published", "issued", "updated",
					"modified", "created", "language" -> this.text.start(uri, localName, qName, null, xmlBase);
			default -> {
			}
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		int at = this.text.leave();
		String value = this.text.end();
		if (value != null) {
			if (at == 2) {
				channelText(value);
			}
			else {
				itemText(value);
			}
		}
		else if (at == 2 && this.item != null && localName.equals("item")) {
			endItem(this.item);
			this.item = null;
		}
		else if (at == 1 && this.inChannel && localName.equals("channel")) {
			this.inChannel = false;
		}
	}

	private void channelText(String value) {
		boolean plain = this.text.uri().isEmpty();
		switch (this.text.name()) {
			case "title" -> {
				if (plain) {
					this.title = (this.title == null) ? value : this.title;
				}
				else if (this.text.uri().equals(DublinCore.URI)) {
					this.dcTitle = (this.dcTitle == null) ? value : this.dcTitle;
				}
			}
			case "link" -> this.link = (plain && this.link == null) ? value : this.link;
			case "language" -> this.language = (plain && this.language == null) ? value : this.language;
			default -> this.channel.periodText(this.text, value);
		}
	}

	private void itemText(String value) {
		Item it = this.item;
		if (it == null) {
			return;
		}
		String name = this.text.name();
		boolean plain = this.text.uri().isEmpty();
		// ItemElements' reading: any namespace.
		switch (name) {
			case "guid" -> {
				it.anyGuid = (it.anyGuid == null) ? value : it.anyGuid;
				link(it, value, this.text.base());
			}
			case "link" -> {
				if (plain) {
					link(it, value, this.text.base());
				}
			}
			case "encoded" -> {
				if (!it.encodedSeen) {
					it.encodedSeen = true;
					it.contentBase = this.text.base();
				}
			}
			default -> it.anyNamespace(name, value);
		}
		// CommonFormatReader's: no namespace, Dublin Core, content.
		if (plain) {
			switch (name) {
				case "title" -> it.title = (it.title == null) ? value : it.title;
				case "link" -> it.link = (it.link == null) ? value : it.link;
				case "description" -> {
					if (it.description == null) {
						it.description = value;
						it.descriptionType = this.text.attribute();
						it.descriptionBase = this.text.base();
					}
				}
				case "pubDate" -> it.pubDate = (it.pubDate == null) ? value : it.pubDate;
				case "author" -> it.author = (it.author == null) ? value : it.author;
				case "guid" -> {
					if (it.guid == null) {
						it.guid = value;
						it.guidPermaLink = this.text.attribute();
					}
				}
				case "category" -> {
					// RSS092Parser skips blank ones; the converter's LinkedHashSet drops repeats of name and domain.
					if (!value.isBlank()) {
						if (it.seenCategories == null) {
							it.seenCategories = new HashSet<>();
						}
						if (it.seenCategories.add(value + '\u0000' + this.text.attribute())) {
							it.categories.add(value);
						}
					}
				}
				default -> {
				}
			}
		}
		else if (this.text.uri().equals(DublinCore.URI)) {
			switch (name) {
				case "title" -> it.dcTitle = (it.dcTitle == null) ? value : it.dcTitle;
				case "description" -> it.dcDescription = (it.dcDescription == null) ? value : it.dcDescription;
				default -> it.dublinCore(name, value);
			}
		}
		else if (this.text.uri().equals(CONTENT) && name.equals("encoded")) {
			it.encoded = (it.encoded == null) ? value : it.encoded;
		}
	}

	private static @Nullable String unlessBlank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/** As ItemElements' of an RSS item, but for a body, which is left to the tree. */
	private static ItemElements.StandIns standIns(Item it) {
		String title = unlessBlank(it.dcTitle);
		String description = unlessBlank(it.dcDescription);
		return (title == null && description == null) ? ItemElements.StandIns.NONE
				: new ItemElements.StandIns(title, description, null, it.base);
	}

	/** ItemElements' candidate links: the trimmed text of each link and guid, when there is one, with its base. */
	private static void link(Item it, String value, @Nullable String xmlBase) {
		String trimmed = value.trim();
		if (!trimmed.isEmpty()) {
			it.links.add(new BasedValue(trimmed, it.base.then(xmlBase)));
		}
	}

	/** As CommonFormatReader's rssItem and ItemElements' of, from what the children said. */
	private void endItem(Item it) {
		String linkText = it.link;
		if (linkText == null && it.guid != null
				&& (it.guidPermaLink == null || it.guidPermaLink.equalsIgnoreCase("true"))) {
			linkText = it.guid;
		}
		if (linkText != null && linkText.isBlank()) {
			linkText = null;
		}
		TypedText summary = (it.description != null)
				? new TypedText(it.description, (it.descriptionType != null) ? it.descriptionType : "text/html")
				: null;
		List<TypedText> contents = (it.encoded != null) ? List.of(new TypedText(it.encoded, "html")) : List.of();
		Instant published = (it.dcDate != null) ? CommonFormatReader.date(it.dcDate) : null;
		if (published == null && it.pubDate != null) {
			published = CommonFormatReader.date(it.pubDate);
		}
		String creator = (it.dcCreator != null) ? it.dcCreator : it.author;
		EntryValues values = new EntryValues(it.title, null, linkText, summary, contents, published, it.categories,
				creator);

		String guid = GatheredText.trimmed(it.anyGuid);
		if (guid == null) {
			guid = it.rdfAbout;
		}
		this.channel.add(values, new ItemElements(guid, it.date(), it.links, it.base, it.base.then(it.descriptionBase),
				it.base.then(it.contentBase), it.language(), ItemElements.MarkedUp.NONE, standIns(it), it.picture));
	}

	/** The feed, but for a document without a channel, which is left to the tree. */
	@Override
	@Nullable StreamedFeed feed() {
		return this.channelSeen ? this.channel.feed("rss_2.0", DublinCore.standIn(this.title,
				unlessBlank(this.dcTitle)), this.link, this.language) : null;
	}

}

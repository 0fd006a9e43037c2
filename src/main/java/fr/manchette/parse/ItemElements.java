package fr.manchette.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

import fr.manchette.parse.EntryValues.TypedText;

/**
 * What Rome does not keep of an item element: the true guid (not Rome's fallback to the link), the date text, and the
 * {@code xml:base} in scope of its link and of its summary and content. Rome's own xml:base resolution is left off: it
 * glues strings (a relative base at two levels came out as {@code null/sport/...}), ignores the base of a link or
 * content element, and knows nothing of RSS.
 *
 * @param links the item's candidate links, each with its base, in document order
 * @param base the base in scope of the item element itself
 * @param summaryBase the base of Atom's {@code summary} or RSS's {@code description}
 * @param contentBase the base of Atom's {@code content} or RSS's {@code content:encoded}
 * @param language the item's own language: its {@code dc:language}, else the {@code xml:lang} in scope of it
 * @param markedUp the texts that hold elements the readers would skip, written out with them
 * @param standIns what an RSS item says elsewhere than Rome reads it, for a title, a description or a content it lacks
 * @param picture the address of the picture it gives apart from its summary ({@link ItemPicture}), as written
 */
record ItemElements(@Nullable String guid, @Nullable String dateText, List<BasedValue> links, BaseChain base,
		BaseChain summaryBase, BaseChain contentBase, @Nullable String language, MarkedUp markedUp,
		StandIns standIns, @Nullable String picture) {

	static final ItemElements NONE = new ItemElements(null, null, List.of(), BaseChain.NONE, BaseChain.NONE,
			BaseChain.NONE, null, MarkedUp.NONE, StandIns.NONE, null);

	/**
	 * Texts that hold elements where a reader of text keeps only the text between them, written out with their markup
	 * ({@link CommonFormatReader#withMarkup}); null for a text that holds none. An RSS title ({@code Le 2<sup>e</sup>
	 * tour}, read {@code Le 2 tour}), and an Atom 1.0 title, summary or content typed text or html, or not typed, that
	 * holds elements rather than escaped markup: invalid Atom, but its publisher meant HTML, and
	 * {@code <content type="html"><p>Texte</p></content>} read as text is empty. Normalize reads a title's text and
	 * cleans a summary as HTML. XHTML and XML types are written out with their markup already.
	 */
	record MarkedUp(@Nullable String title, @Nullable String summary, @Nullable String content) {

		static final MarkedUp NONE = new MarkedUp(null, null, null);

	}

	/**
	 * What stands in for an RSS item's missing or blank title, description and content: Dublin Core's title and
	 * description ({@link DublinCore}), and a body of the item's own written in another way than
	 * {@code content:encoded}: {@code xhtml:body} or a bare {@code body}, or {@code fullitem} (a 2002 proposal),
	 * the first of them ({@link BodyMarkup}).
	 *
	 * @param title {@code dc:title}, unless blank
	 * @param description {@code dc:description}, unless blank
	 * @param body the body's HTML, unless blank
	 * @param bodyBase the base in scope of the body
	 */
	record StandIns(@Nullable String title, @Nullable String description, @Nullable String body,
			BaseChain bodyBase) {

		static final StandIns NONE = new StandIns(null, null, null, BaseChain.NONE);

		/** The names of an RSS item's children that hold a body, in any namespace. */
		static final Set<String> BODIES = Set.of("body", "fullitem");

		private static StandIns of(List<Element> children, BaseChain base) {
			String title = DublinCore.text(children, "title");
			String description = DublinCore.text(children, "description");
			for (Element child : children) {
				if (BODIES.contains(child.getName())) {
					String body = BodyMarkup.html(child);
					return new StandIns(title, description, body.isBlank() ? null : body,
							base.then(xmlBase(child)));
				}
			}
			return (title == null && description == null) ? NONE : new StandIns(title, description, null, base);
		}

	}

	/** A link as written, with the base in scope of the element that wrote it. */
	record BasedValue(String value, BaseChain base) {
	}

	private static final Namespace RDF = Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

	static final List<String> DATE_ELEMENTS = List.of("pubDate", "published", "issued", "date", "updated",
			"modified", "created");

	static List<ItemElements> of(Document document) {
		List<ItemElements> items = new ArrayList<>();
		for (Element item : items(document)) {
			items.add(of(item));
		}
		return items;
	}

	/** The item (or entry) elements of a document, in document order. */
	static List<Element> items(Document document) {
		Element root = document.getRootElement();
		String name = itemName(root);
		List<Element> items = new ArrayList<>();
		for (Element parent : itemParents(root)) {
			items.addAll(children(parent, name));
		}
		return items;
	}

	/**
	 * Detaches the items after the first {@code max}, in document order, before Rome makes a dozen objects of each.
	 * Rebuilds each parent's content in one pass: detaching one element at a time costs a search of the list each.
	 */
	static void keepFirst(Document document, int max) {
		Element root = document.getRootElement();
		String name = itemName(root);
		int seen = 0;
		for (Element parent : itemParents(root)) {
			List<Content> kept = new ArrayList<>();
			boolean dropped = false;
			for (Content content : parent.getContent()) {
				if (content instanceof Element element && element.getName().equals(name) && ++seen > max) {
					dropped = true;
				}
				else {
					kept.add(content);
				}
			}
			if (dropped) {
				parent.removeContent();
				parent.addContent(kept);
			}
		}
	}

	private static String itemName(Element root) {
		return root.getName().equals("feed") ? "entry" : "item";
	}

	private static List<Element> itemParents(Element root) {
		return root.getName().equals("rss") ? children(root, "channel") : List.of(root);
	}

	private static ItemElements of(Element item) {
		List<Element> children = elements(item);
		String guid = switch (item.getName()) {
			case "entry" -> text(first(children, "id"));
			default -> {
				String value = text(first(children, "guid"));
				yield (value != null) ? value : item.getAttributeValue("about", RDF);
			}
		};
		String date = null;
		for (String name : DATE_ELEMENTS) {
			date = text(first(children, name));
			if (date != null) {
				break;
			}
		}
		BaseChain base = chain(item);
		boolean rss = !item.getName().equals("entry");
		return new ItemElements(guid, date, links(item, children, base), base,
				base.then(xmlBase(own(item, children, summaryName(item)))),
				base.then(xmlBase(content(item, children))), language(item, children), markedUp(item, children),
				rss ? StandIns.of(children, base) : StandIns.NONE, ItemPicture.of(item, children));
	}

	private static MarkedUp markedUp(Element item, List<Element> children) {
		if (!item.getName().equals("entry")) {
			return new MarkedUp(withElements(own(item, children, "title")), null, null);
		}
		if (!item.getNamespaceURI().equals(CommonFormatReader.ATOM_URI)) {
			// Atom 0.3's text is XML unless its mode says otherwise: Rome writes its markup out already.
			return MarkedUp.NONE;
		}
		return new MarkedUp(withElements(own(item, children, "title")), withElements(own(item, children, "summary")),
				withElements(own(item, children, "content")));
	}

	/** The text written out with its markup when it holds elements and its type is not one of markup; else null. */
	private static @Nullable String withElements(@Nullable Element text) {
		if (text == null || CommonFormatReader.isMarkupType(text.getAttributeValue("type"))) {
			return null;
		}
		for (Content content : text.getContent()) {
			if (content instanceof Element) {
				return CommonFormatReader.withMarkup(text);
			}
		}
		return null;
	}

	/**
	 * The item's title: the one read, unless the title holds markup that reading kept only the text of; Dublin Core's
	 * when it has none.
	 */
	@Nullable String title(@Nullable String read) {
		return DublinCore.standIn((this.markedUp.title() != null) ? this.markedUp.title() : read, this.standIns.title());
	}

	/**
	 * What the item's title is: markup when it holds elements (its publisher meant HTML, whatever its type says), else
	 * what its element declares.
	 */
	TitleType titleType(@Nullable String declared, boolean atom10, boolean atom) {
		return (this.markedUp.title() != null) ? TitleType.HTML : TitleType.declared(declared, atom10, atom);
	}

	/** The summary (description) read, unless it holds markup that reading kept only the text of. */
	@Nullable TypedText summary(@Nullable TypedText read) {
		return (this.markedUp.summary() != null) ? new TypedText(this.markedUp.summary(), "html") : read;
	}

	/** The contents read, unless the content holds markup that reading kept only the text of. */
	List<TypedText> contents(List<TypedText> read) {
		return (this.markedUp.content() != null) ? List.of(new TypedText(this.markedUp.content(), "html")) : read;
	}

	private static @Nullable String language(Element item, List<Element> children) {
		String own = text(first(children, "language"));
		if (own != null) {
			return own;
		}
		for (Element at = item; at != null; at = at.getParentElement()) {
			String lang = at.getAttributeValue("lang", Namespace.XML_NAMESPACE);
			if (lang != null && !lang.isBlank()) {
				return lang.strip();
			}
		}
		return null;
	}

	/**
	 * The base in scope of the link Rome chose: that of the element that wrote it (Atom's first alternate link, RSS's
	 * link, or the guid Rome took for a missing link), else the item's.
	 */
	BaseChain linkBase(@Nullable String link) {
		if (link != null) {
			for (BasedValue candidate : this.links) {
				if (candidate.value().equals(link.strip())) {
					return candidate.base();
				}
			}
		}
		return this.base;
	}

	/** The xml:base attributes from the root down to this element, as XML Base nests them. */
	private static BaseChain chain(Element element) {
		List<String> outward = new ArrayList<>();
		for (Element at = element; at != null; at = at.getParentElement()) {
			String base = xmlBase(at);
			if (base != null && !base.isBlank()) {
				outward.add(base.strip());
			}
		}
		Collections.reverse(outward);
		return new BaseChain(outward);
	}

	private static List<BasedValue> links(Element item, List<Element> children, BaseChain base) {
		List<BasedValue> links = new ArrayList<>();
		boolean atom = item.getName().equals("entry");
		for (Element child : children) {
			String value = null;
			if (child.getName().equals("link") && child.getNamespace().equals(item.getNamespace())) {
				value = atom ? alternateHref(child) : child.getTextTrim();
			}
			else if (!atom && child.getName().equals("guid")) {
				value = child.getTextTrim();
			}
			if (value != null && !value.isEmpty()) {
				links.add(new BasedValue(value, base.then(xmlBase(child))));
			}
		}
		return links;
	}

	/** Rome's alternate links: those without a rel, a blank one, or "alternate" (RFC 4287 section 4.2.7.2). */
	private static @Nullable String alternateHref(Element link) {
		String rel = link.getAttributeValue("rel");
		String href = link.getAttributeValue("href");
		return (rel == null || rel.isBlank() || rel.equals("alternate")) && href != null ? href.strip() : null;
	}

	private static String summaryName(Element item) {
		return item.getName().equals("entry") ? "summary" : "description";
	}

	private static @Nullable Element content(Element item, List<Element> children) {
		if (item.getName().equals("entry")) {
			return own(item, children, "content");
		}
		for (Element child : children) {
			if (child.getName().equals("encoded")) {
				return child;
			}
		}
		return null;
	}

	/** The first child of that name in the item's own namespace, not a module's ({@code media:description}). */
	private static @Nullable Element own(Element item, List<Element> children, String name) {
		for (Element child : children) {
			if (child.getName().equals(name) && child.getNamespace().equals(item.getNamespace())) {
				return child;
			}
		}
		return null;
	}

	private static @Nullable String xmlBase(@Nullable Element element) {
		return (element != null) ? element.getAttributeValue("base", Namespace.XML_NAMESPACE) : null;
	}

	/**
	 * The child elements, read once from the content: each {@code getChildren()} is a new filtered view that goes over
	 * every node again, and an item's were asked for a dozen times.
	 */
	private static List<Element> elements(Element parent) {
		List<Element> elements = new ArrayList<>(parent.getContentSize());
		for (Content content : parent.getContent()) {
			if (content instanceof Element element) {
				elements.add(element);
			}
		}
		return elements;
	}

	private static List<Element> children(Element parent, String name) {
		return parent.getChildren().stream().filter((child) -> child.getName().equals(name)).toList();
	}

	private static @Nullable Element first(List<Element> children, String name) {
		for (Element child : children) {
			if (child.getName().equals(name)) {
				return child;
			}
		}
		return null;
	}

	/** The trimmed text of an element (WordPress writes "\n\thourly\t"), null when absent or blank. */
	static @Nullable String text(@Nullable Element element) {
		if (element == null) {
			return null;
		}
		String text = element.getTextTrim();
		return text.isEmpty() ? null : text;
	}

}

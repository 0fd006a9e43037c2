package fr.manchette.parse;

import java.util.ArrayList;
import java.util.List;

import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

/** What Rome does not keep of an item element: the true guid (not Rome's fallback to the link) and the date text. */
record ItemElements(@Nullable String guid, @Nullable String dateText) {

	static final ItemElements NONE = new ItemElements(null, null);

	private static final Namespace RDF = Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

	private static final List<String> DATE_ELEMENTS = List.of("pubDate", "published", "issued", "date", "updated",
			"modified", "created");

	static List<ItemElements> of(Document document) {
		Element root = document.getRootElement();
		String name = itemName(root);
		List<ItemElements> items = new ArrayList<>();
		for (Element parent : itemParents(root)) {
			for (Element item : children(parent, name)) {
				items.add(of(item));
			}
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

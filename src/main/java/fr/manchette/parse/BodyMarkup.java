package fr.manchette.parse;

import java.util.Set;

import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jsoup.nodes.Entities;

/**
 * An RSS item's body ({@code xhtml:body}, a bare {@code body}, {@code fullitem}) as the HTML it shows: its text as
 * written, escaped HTML as a description's is; its elements written out as HTML, not as XML. XML writes an empty
 * element as {@code <applet/>}, which HTML reads as an open tag that swallows the text after it; here it is
 * {@code <applet></applet>}, and only HTML's void elements ({@code <br>}, {@code <img>}) have no end tag.
 */
final class BodyMarkup {

	/** HTML's void elements (WHATWG, section 13.1.2): an end tag for them is an error, {@code </br>} a second br. */
	private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
			"meta", "param", "source", "track", "wbr");

	private BodyMarkup() {
	}

	static String html(Element body) {
		StringBuilder html = new StringBuilder();
		for (Content content : body.getContent()) {
			switch (content.getCType()) {
				case Text, CDATA, EntityRef -> html.append(content.getValue());
				case Element -> element((Element) content, html);
				default -> {
				}
			}
		}
		return html.toString();
	}

	private static void element(Element element, StringBuilder html) {
		String name = element.getName();
		html.append('<').append(name);
		for (Attribute attribute : element.getAttributes()) {
			html.append(' ').append(attribute.getQualifiedName()).append("=\"")
				.append(Entities.escape(attribute.getValue()))
				.append('"');
		}
		html.append('>');
		if (VOID.contains(name)) {
			return;
		}
		for (Content content : element.getContent()) {
			switch (content.getCType()) {
				case Text, CDATA, EntityRef -> html.append(Entities.escape(content.getValue()));
				case Element -> element((Element) content, html);
				default -> {
				}
			}
		}
		html.append("</").append(name).append('>');
	}

}

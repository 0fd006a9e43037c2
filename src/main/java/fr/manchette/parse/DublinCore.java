package fr.manchette.parse;

import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;

/**
 * Dublin Core's title and description, standing in for an RSS channel's or item's own title and description when
 * those are missing or empty: RSS 1.0 feeds, and the CMSs that write their items in its modules, give them there only.
 * Never the other way round: where the document says both, its own element is the one read.
 */
final class DublinCore {

	static final String URI = "http://purl.org/dc/elements/1.1/";

	private DublinCore() {
	}

	/** The element's own text, unless it is missing or blank: then Dublin Core's. */
	static @Nullable String standIn(@Nullable String own, @Nullable String dublinCore) {
		return (own == null || own.isBlank()) ? dublinCore : own;
	}

	/** The text of the first Dublin Core element of that name among the children, unless blank. */
	static @Nullable String text(List<Element> children, String name) {
		for (Element child : children) {
			if (child.getName().equals(name) && child.getNamespaceURI().equals(URI)) {
				String text = child.getText();
				return text.isBlank() ? null : text;
			}
		}
		return null;
	}

	/**
	 * The feed's own title, unless it is missing or blank: then the dc:title of an RSS document's channel (RSS 0.9x,
	 * 1.0 and 2.0), searched for only then; none for any other format.
	 */
	static @Nullable String channelTitle(@Nullable String own, Document document) {
		if (own != null && !own.isBlank()) {
			return own;
		}
		Element root = document.getRootElement();
		if (!root.getName().equals("rss") && !root.getName().equals("RDF")) {
			return null;
		}
		for (Element channel : root.getChildren()) {
			if (channel.getName().equals("channel")) {
				return text(channel.getChildren(), "title");
			}
		}
		return null;
	}

}

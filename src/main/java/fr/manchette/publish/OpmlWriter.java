package fr.manchette.publish;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.SourceType;
import org.springframework.stereotype.Component;

/**
 * The sources as OPML 2.0 (http://opml.org/spec2.opml), for importing into a feed reader: one {@code type="rss"}
 * outline per enabled source, inside a folder outline per category, which is how readers make their folders on
 * import. A source that moved for good is listed at its new address. A {@code type: html} source has no feed a reader
 * could follow: it is listed as the merged feed of its own items, its page as {@code htmlUrl}.
 */
@Component
public class OpmlWriter {

	private static final String NO_CATEGORY = "";

	private final CurrentFeeds feeds;

	public OpmlWriter(CurrentFeeds feeds) {
		this.feeds = feeds;
	}

	/**
	 * @param sources the sources, in feeds.yml order
	 * @param site the service's address as the client asked for it, ending with a slash
	 */
	public String opml(List<SourceHealth> sources, String site) {
		Map<String, List<SourceHealth>> byCategory = new LinkedHashMap<>();
		for (SourceHealth source : sources) {
			if (source.enabled()) {
				String named = (source.category() != null) ? source.category() : NO_CATEGORY;
				// One folder whatever the case, as category filters: under its first spelling.
				String category = byCategory.keySet().stream().filter(named::equalsIgnoreCase).findFirst().orElse(named);
				byCategory.computeIfAbsent(category, (key) -> new ArrayList<>()).add(source);
			}
		}
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("opml");
			xml.writeAttribute("version", "2.0");
			xml.writeCharacters("\n  ");
			xml.writeStartElement("head");
			element(xml, "title", "Manchette — sources");
			element(xml, "docs", "http://opml.org/spec2.opml");
			xml.writeCharacters("\n  ");
			xml.writeEndElement();
			xml.writeCharacters("\n  ");
			xml.writeStartElement("body");
			for (Map.Entry<String, List<SourceHealth>> category : byCategory.entrySet()) {
				boolean folder = !category.getKey().equals(NO_CATEGORY);
				if (folder) {
					xml.writeCharacters("\n    ");
					xml.writeStartElement("outline");
					xml.writeAttribute("text", category.getKey());
					xml.writeAttribute("title", category.getKey());
				}
				for (SourceHealth source : category.getValue()) {
					xml.writeCharacters(folder ? "\n      " : "\n    ");
					xml.writeEmptyElement("outline");
					xml.writeAttribute("type", "rss");
					xml.writeAttribute("text", source.name());
					xml.writeAttribute("title", source.name());
					if (isPage(source)) {
						xml.writeAttribute("xmlUrl", site + "feed.atom?source=" + source.id());
						xml.writeAttribute("htmlUrl", source.url());
					}
					else {
						xml.writeAttribute("xmlUrl", (source.movedTo() != null) ? source.movedTo() : source.url());
					}
					if (folder) {
						// OPML 2.0: slash-delimited category strings, comma-separated.
						xml.writeAttribute("category", "/" + category.getKey());
					}
				}
				if (folder) {
					xml.writeCharacters("\n    ");
					xml.writeEndElement();
				}
			}
			xml.writeCharacters("\n  ");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the OPML document", ex);
		}
		return out.toString();
	}

	private boolean isPage(SourceHealth source) {
		return this.feeds.get().source(source.id()).filter((found) -> found.type() == SourceType.HTML).isPresent();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeCharacters("\n    ");
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}

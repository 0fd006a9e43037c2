package fr.manchette.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Brings the RSS that Rome refuses, whole, to the shape it reads: items are plain to see in each, and a reader would
 * lose them all for a detail of the root.
 */
final class RssDialects {

	/** The versions Rome has a parser for, besides 2.0 and what begins with it. */
	private static final Set<String> ROME_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94");

	private RssDialects() {
	}

	/**
	 * An {@code <rss>} in a namespace of its own (UserLand's {@code http://backend.userland.com/rss}, prefixed or not)
	 * is taken out of it, with the elements in it; a version Rome knows no parser for ({@code 2.1}, {@code 3.0}) is
	 * read as 2.0, which every later proposal extends; and without its {@code <channel>}, its title and items right
	 * under it or nothing at all (what a CMS sends with nothing to publish), it is read as if the channel were there.
	 */
	static void asRome(Document document) {
		Element root = document.getRootElement();
		if (!root.getName().equals("rss")) {
			return;
		}
		Namespace own = root.getNamespace();
		if (!own.getURI().isEmpty()) {
			List<Element> inIt = new ArrayList<>();
			document.getDescendants(Filters.element(own)).forEach(inIt::add);
			inIt.forEach((element) -> element.setNamespace(Namespace.NO_NAMESPACE));
		}
		String version = root.getAttributeValue("version");
		if (version != null && !version.trim().startsWith("2.0") && !ROME_VERSIONS.contains(version.trim())) {
			root.setAttribute("version", "2.0");
		}
		if (root.getChildren("channel").isEmpty()) {
			Element channel = new Element("channel");
			channel.addContent(root.removeContent());
			root.addContent(channel);
		}
	}

}

package fr.manchette.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdom2.Document;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.nodes.Document.OutputSettings.Syntax;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * A second chance for a feed that is not well-formed XML, since readers see the items and not the syntax. First the
 * cheap {@link XmlRepair} and a strict parse again; then jsoup's lenient XML parser, whose tree is written back as XML
 * and parsed strictly once more, keeping only the items whose end tag was in the document: a truncated body gives its
 * whole items, never a half one, and is told from one broken elsewhere by its root element, never closed.
 * <p>
 * Neither step can expand an entity: the repair only writes characters HTML defines, and every result goes through
 * {@link SafeXml} again, which refuses any DOCTYPE. jsoup never sees a document with DTD markup at all
 * ({@link SafeXml#mentionsDtd(String)}): it would keep what the strict parser refused.
 */
final class LenientXml {

	private static final Set<String> ITEMS = Set.of("item", "entry");

	/** What every feed means by the prefixes some forget to declare. */
	private static final Map<String, String> USUAL_NAMESPACES = Map.ofEntries(
			Map.entry("atom", "http://www.w3.org/2005/Atom"),
			Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
			Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
			Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
			Map.entry("media", "http://search.yahoo.com/mrss/"),
			Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
			Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
			Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
			Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"));

	/** XML syntax with numeric references only: jsoup's default would write {@code &nbsp;}, which XML does not know. */
	private static final OutputSettings XML_OUTPUT = new OutputSettings().syntax(Syntax.xml)
		.escapeMode(Entities.EscapeMode.xhtml)
		.prettyPrint(false);

	private LenientXml() {
	}

	/**
	 * The document recovered from text that {@link SafeXml#prepare(String)} accepted, or null if nothing was whole.
	 * @param mayRebuild whether jsoup may rebuild what the repair could not fix
	 */
	static @Nullable XmlDocument recover(String prepared, boolean mayRebuild) {
		String repaired = XmlRepair.repair(prepared);
		try {
			// The repair closes nothing: a document it makes well-formed was whole.
			return XmlDocument.whole(SafeXml.build(repaired));
		}
		catch (FeedParseException ex) {
			return mayRebuild ? rebuilt(repaired) : null;
		}
	}

	private static @Nullable XmlDocument rebuilt(String text) {
		org.jsoup.nodes.Document soup = Parser.xmlParser().setTrackPosition(true).parseInput(text, "");
		Element root = soup.firstElementChild();
		if (root == null || !FeedParser.ROOTS.contains(localName(root))) {
			return null;
		}
		// jsoup closes at the end of the text whatever is still open; an end tag that was read closes it explicitly,
		// also when a child left open is closed with it (malformed, not cut).
		boolean endedEarly = !closedInText(root);
		for (Element element : root.getAllElements()) {
			if (ITEMS.contains(localName(element)) && !closedInText(element)) {
				element.remove();
			}
		}
		declareForgottenPrefixes(root);
		// A declaration after a comment or blank lines is what broke many such documents; the text is decoded already.
		for (Node node : List.copyOf(soup.childNodes())) {
			if (node instanceof XmlDeclaration declaration && declaration.name().equalsIgnoreCase("xml")) {
				declaration.remove();
			}
		}
		soup.outputSettings(XML_OUTPUT.clone());
		try {
			Document document = SafeXml.build(soup.html());
			// Whole items where a feed has them (not, say, under an <rss> that lost its <channel>), or nothing.
			return ItemElements.of(document).isEmpty() ? null : new XmlDocument(document, endedEarly);
		}
		catch (FeedParseException ex) {
			return null;
		}
	}

	/** Whether the element's end tag was in the text, rather than put there by jsoup. */
	private static boolean closedInText(Element element) {
		Range end = element.endSourceRange();
		return end.isTracked() && !end.isImplicit();
	}

	/** An undeclared prefix is fatal to a namespace-aware parser; declaring it on the root costs nothing. */
	private static void declareForgottenPrefixes(Element root) {
		Set<String> declared = new HashSet<>(Set.of("xml", "xmlns"));
		for (Element element : root.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				if (attribute.getKey().startsWith("xmlns:")) {
					declared.add(attribute.getKey().substring(6));
				}
			}
		}
		for (Element element : root.getAllElements()) {
			List<String> names = new ArrayList<>(List.of(element.tagName()));
			element.attributes().forEach((attribute) -> names.add(attribute.getKey()));
			for (String name : names) {
				int colon = name.indexOf(':');
				String prefix = (colon > 0) ? name.substring(0, colon) : null;
				if (prefix != null && declared.add(prefix)) {
					root.attr("xmlns:" + prefix, USUAL_NAMESPACES.getOrDefault(prefix, "urn:x-undeclared:" + prefix));
				}
			}
		}
	}

	private static String localName(Element element) {
		String name = element.tagName();
		return name.substring(name.indexOf(':') + 1);
	}

}
